"""occurrence: at least `min` and at most `max` matches of a pattern, per document or per sentence.

`pattern` is a regular expression (`!` or `\\?`); `scope` is `document` (default) or `sentence`.
Over `max`, each match beyond the limit is reported; under `min`, one finding covers the text.
Messages may use `{count}`, `{max}` and `{min}`.

```yaml
rules:
  exclamations:
    kind: occurrence
    pattern: "!"
    max: 1
```
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Literal

from pydantic import model_validator

from brandvoice.findings import Match
from brandvoice.messages import Messages
from brandvoice.rules.base import CheckContext, Example, Kind, RuleOptions
from brandvoice.rules.words import compile_user_pattern

MESSAGES = Messages({
    "occurrence.default": "{count} occurrences of “{match}” (at most {max}).",
    "occurrence.too_few": "Found {count} of {min} required occurrences of “{pattern}”.",
})

class Options(RuleOptions):
    pattern: str
    max: int | None = None
    min: int | None = None
    scope: Literal["document", "sentence"] = "document"
    ignorecase: bool = False

    @model_validator(mode="after")
    def _bounds(self) -> "Options":
        if self.max is None and self.min is None:
            raise ValueError("give `max`, `min` or both")
        compile_user_pattern(self.pattern)
        return self


def _pattern(options: Options):
    return compile_user_pattern(options.pattern, options.ignorecase)


def check(ctx: CheckContext, options: Options) -> Iterator[Match]:
    text = ctx.text
    scopes = ctx.prose.sentences if options.scope == "sentence" else [(0, len(text))]
    pattern = options.compiled("pattern", lambda: _pattern(options))
    for start, end in scopes:
        found = [m for m in pattern.finditer(text, start, end) if m.end() > m.start()]
        count = len(found)
        params = (("count", count), ("max", options.max), ("min", options.min), ("pattern", options.pattern))
        if options.max is not None and count > options.max:
            for m in found[options.max :]:
                yield Match(m.start(), m.end(), params=params)
        if options.min is not None and count < options.min and text[start:end].strip():
            first_line_end = text.find("\n", start, end)
            yield Match(
                start, first_line_end if first_line_end > start else end,
                message=MESSAGES.say("occurrence.too_few", **dict(params)), params=params,
                whole_document=options.scope == "document",
            )


EXAMPLES = (
    Example("Enfin l’été ! Réservez ! Vite !", expect=("!", "!"), options={"pattern": "!", "max": 1}, language="fr-FR"),
    Example("Enfin l’été ! Réservez.", options={"pattern": "!", "max": 1}, language="fr-FR"),
    Example("Wow!! Calm. Nice!", expect=("!",), options={"pattern": "!", "max": 1, "scope": "sentence"}),
    Example("Calm. Quiet.", options={"pattern": "!", "max": 1, "scope": "sentence"}),
)


KIND = Kind(
    name="occurrence", category="style", level="warning", options=Options, check=check,
    messages=MESSAGES, examples=EXAMPLES, doc=__doc__,
)
