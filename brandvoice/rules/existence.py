"""existence: flag words, phrases or patterns the brand never wants to see.

Give `tokens` (literal words or phrases, matched on word edges, French elisions and hyphens
understood) and/or a `pattern` (a regular expression). `exceptions` lists matched strings to let
through. With `match: lemma`, `tokens` (written in base form) also match their inflected forms
("courriel" flags "courriels", "book" flags "booked"); this needs spaCy. Messages may use `{match}`.

```yaml
rules:
  superlatifs:
    kind: existence
    tokens: [incroyable, exceptionnel, unique au monde]
    message: "Évitez les superlatifs : « {match} »."
```
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Literal

from pydantic import model_validator

from brandvoice.findings import Match
from brandvoice.i18n import _
from brandvoice.messages import Messages
from brandvoice.rules.base import CheckContext, Example, Kind, RuleOptions
from brandvoice.rules.words import compile_phrases, compile_user_pattern

MESSAGES = Messages({"existence.default": "Avoid “{match}”."})

class Options(RuleOptions):
    tokens: tuple[str, ...] = ()
    pattern: str | None = None
    ignorecase: bool = True
    exceptions: tuple[str, ...] = ()
    match: Literal["exact", "lemma"] = "exact"

    @model_validator(mode="after")
    def _needs_something(self) -> "Options":
        if not self.tokens and not self.pattern:
            raise ValueError(_("give `tokens` or `pattern`"))
        if any(not t.strip() for t in self.tokens):
            raise ValueError(_("`tokens` entries must not be empty"))
        if self.pattern:
            compile_user_pattern(self.pattern)  # a bad regex is a guide error, reported at load
        return self


def needs_for(options: Options) -> frozenset[str]:
    return frozenset({"spacy"}) if options.match == "lemma" else frozenset()


def _patterns(options: Options):
    found = []
    if options.tokens and options.match == "exact":
        found.append(compile_phrases(options.tokens, options.ignorecase))
    if options.pattern:
        found.append(compile_user_pattern(options.pattern, options.ignorecase))
    return tuple(found)


def check(ctx: CheckContext, options: Options) -> Iterator[Match]:
    exceptions = {e.casefold() for e in options.exceptions}
    if options.match == "lemma" and options.tokens:
        from brandvoice.nlp.lemmas import lemma_matches

        for start, end, _lemma in lemma_matches(ctx, options.tokens, case_sensitive=not options.ignorecase):
            if ctx.text[start:end].casefold() not in exceptions:
                yield Match(start, end)
    for pattern in options.compiled("patterns", lambda: _patterns(options)):
        for m in pattern.finditer(ctx.text):
            if m.end() > m.start() and m.group().casefold() not in exceptions:
                yield Match(m.start(), m.end())


EXAMPLES = (
    Example(
        "Une vue incroyable, unique au monde.",
        expect=("incroyable", "unique au monde"),
        options={"tokens": ["incroyable", "unique au monde", "unique"]},
        language="fr-FR",
    ),
    Example("Une vue splendide sur la baie.", options={"tokens": ["incroyable"]}, language="fr-FR"),
    Example("The BEST deal ever", expect=("BEST",), options={"pattern": r"\bbest\b"}),
    Example("Our best-seller is back", options={"tokens": ["best"]}, note="hyphenated words are one word"),
    Example(
        "Écrivez-nous par courriel ou consultez vos anciens courriels.",
        expect=("courriel", "courriels"),
        options={"tokens": ["courriel"], "match": "lemma"},
        language="fr-FR",
    ),
)


KIND = Kind(
    name="existence", category="style", level="warning", options=Options, check=check,
    messages=MESSAGES, examples=EXAMPLES, doc=__doc__, needs_for=needs_for,
)
