"""consistency: do not mix spellings of the same thing in one text.

Each entry of `groups` lists interchangeable spellings ("e-mail", "email"); when a text uses more
than one, the occurrences of every spelling but the first one used are reported, with the first
one as the suggestion.

```yaml
rules:
  une-seule-graphie:
    kind: consistency
    groups: [[e-mail, email, mail], [week-end, weekend]]
```
"""

from __future__ import annotations

from collections.abc import Iterator

from pydantic import Field

from brandvoice.findings import Match
from brandvoice.messages import Messages
from brandvoice.rules.base import CheckContext, Example, Kind, RuleOptions
from brandvoice.rules.words import compile_phrases, match_case

MESSAGES = Messages({"consistency.default": "“{match}” and “{first}” in the same text: pick one spelling."})

class Options(RuleOptions):
    groups: tuple[tuple[str, ...], ...] = Field(min_length=1)
    ignorecase: bool = True


def _groups(options: Options):
    compiled = []
    for group in options.groups:
        variants = {v.casefold(): v for v in group}
        compiled.append((compile_phrases(group, options.ignorecase), variants))
    return compiled


def _normalise(s: str) -> str:
    return " ".join(s.replace("’", "'").split()).casefold()


def check(ctx: CheckContext, options: Options) -> Iterator[Match]:
    for pattern, variants in options.compiled("groups", lambda: _groups(options)):
        if pattern is None:
            continue
        found = list(pattern.finditer(ctx.text))
        if not found:
            continue
        first = _normalise(found[0].group())
        first_spelling = variants.get(first, found[0].group())
        for m in found[1:]:
            if _normalise(m.group()) != first:
                suggestion = match_case(m.group(), first_spelling)
                yield Match(m.start(), m.end(), replacements=(suggestion,), params=(("first", first_spelling),))


EXAMPLES = (
    Example(
        "Écrivez-nous par e-mail. Un email suffit.",
        expect=("email",),
        options={"groups": [["e-mail", "email"]]},
        language="fr-FR",
    ),
    Example("Write to us by email. One email is enough.", options={"groups": [["e-mail", "email"]]}),
)


KIND = Kind(
    name="consistency", category="style", level="warning", options=Options, check=check,
    messages=MESSAGES, examples=EXAMPLES, doc=__doc__,
)
