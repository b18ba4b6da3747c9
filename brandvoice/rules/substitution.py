"""substitution: suggest the brand's word for a word it does not use.

`swap` maps what to avoid (a word, phrase or, with `regex: true`, a pattern) to what to write
instead. The suggestion keeps the original's capitalisation ("Email" → "E-mail"), unless
`case_sensitive` is set, in which case the replacement is used exactly (brand names). A single
literal replacement is a safe fix for `--fix`, unless `safe_fix: false` (when a swap can break the
words around it: « un check-in » → « un arrivée »; then only `--unsafe-fixes` applies it). With `match: lemma` (terms with `match: lemma`), keys
written in base form also match their inflected forms ("réservation" finds "réservations"; the
suggestion is then not applied by `--fix`, since it may need the same inflection); this needs
spaCy. Messages may use `{match}` and `{replacement}`.

```yaml
rules:
  vocabulaire:
    kind: substitution
    swap: {"check-in": "enregistrement", "booking": "réservation"}
```
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Literal

from pydantic import Field, model_validator

from brandvoice.findings import Match
from brandvoice.messages import Messages
from brandvoice.rules.base import CheckContext, Example, Kind, RuleOptions
from brandvoice.rules.words import compile_phrases, compile_user_pattern, match_case

MESSAGES = Messages({"substitution.default": "Use “{replacement}” instead of “{match}”."})

class Options(RuleOptions):
    swap: dict[str, str] = Field(min_length=1)
    ignorecase: bool = True
    case_sensitive: bool = False
    regex: bool = False
    match: Literal["exact", "lemma"] = "exact"
    safe_fix: bool = True

    @model_validator(mode="after")
    def _no_empty_keys(self) -> "Options":
        if any(not key.strip() for key in self.swap):
            raise ValueError("`swap` keys must not be empty")
        if self.regex:
            for key in self.swap:
                compile_user_pattern(key)  # a bad regex is a guide error, reported at load
        return self


def needs_for(options: Options) -> frozenset[str]:
    return frozenset({"spacy"}) if options.match == "lemma" and not options.regex else frozenset()


def _compiled(options: Options):
    """(pattern, replacement) pairs, longest pattern first so "e mail" is reported once, not
    also as "mail"."""
    ignorecase = options.ignorecase and not options.case_sensitive
    if options.regex:
        pairs = [(compile_user_pattern(k, ignorecase), v) for k, v in options.swap.items()]
    else:
        pairs = [(compile_phrases([k], ignorecase), v) for k, v in options.swap.items()]
    return sorted(pairs, key=lambda pair: -len(pair[0].pattern))


def check(ctx: CheckContext, options: Options) -> Iterator[Match]:
    if needs_for(options):
        yield from _check_lemmas(ctx, options)
        return
    taken: list[tuple[int, int]] = []
    for pattern, replacement in options.compiled("swaps", lambda: _compiled(options)):
        for m in pattern.finditer(ctx.text):
            if m.end() == m.start() or any(s < m.end() and m.start() < e for s, e in taken):
                continue
            suggestion = replacement if options.case_sensitive else match_case(m.group(), replacement)
            if suggestion == m.group():
                continue
            taken.append((m.start(), m.end()))
            yield Match(
                m.start(),
                m.end(),
                replacements=(suggestion,),
                params=(("replacement", suggestion),),
                fix_safe=options.safe_fix and not options.regex,
            )


def _check_lemmas(ctx: CheckContext, options: Options) -> Iterator[Match]:
    from brandvoice.nlp.lemmas import lemma_matches

    swaps = {key.casefold(): value for key, value in options.swap.items()}
    for start, end, key in lemma_matches(ctx, options.swap, case_sensitive=options.case_sensitive):
        found = ctx.text[start:end]
        replacement = swaps[key.casefold()]
        suggestion = replacement if options.case_sensitive else match_case(found, replacement)
        if suggestion == found:
            continue
        yield Match(
            start,
            end,
            replacements=(suggestion,),
            params=(("replacement", suggestion),),
            fix_safe=found.casefold() == key.casefold(),  # an inflected form needs a human
        )


EXAMPLES = (
    Example(
        "Envoyez-nous un Email.",
        expect=("Email",),
        options={"swap": {"email": "e-mail"}},
        language="fr-FR",
        note="suggests “E-mail”, keeping the capital",
    ),
    Example("Envoyez-nous un e-mail.", options={"swap": {"email": "e-mail"}}, language="fr-FR"),
    Example("Book your check-in online", expect=("check-in",), options={"swap": {"check-in": "arrival"}}),
    Example(
        "Our bookings open today: we booked the band.",
        expect=("bookings",),
        options={"swap": {"booking": "reservation"}, "match": "lemma"},
        note="inflected forms match; “booked” is another word",
    ),
)


KIND = Kind(
    name="substitution", category="terminology", level="warning", options=Options, check=check,
    messages=MESSAGES, examples=EXAMPLES, doc=__doc__, needs_for=needs_for,
)
