"""repetition: the same word twice in a row ("le le", "the the").

Case-insensitive, across spaces and line breaks but not across punctuation. The suggestion drops
the second word; it is not a safe fix (names like "Bora Bora" repeat on purpose). `exceptions` lists
words that may legitimately repeat ("nous nous", "vous vous", "that that").

```yaml
rules:
  doublons:
    kind: repetition
    level: error
```
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from brandvoice.findings import Match
from brandvoice.messages import Messages
from brandvoice.rules.base import CheckContext, Example, Kind, RuleOptions
from brandvoice.rules.words import WORD_CHARS

MESSAGES = Messages({"repetition.default": "“{word}” is repeated."})

DEFAULT_EXCEPTIONS = ("nous", "vous", "that", "had", "is", "bye", "très", "so", "ha", "ah", "oh", "hip")

_REPEAT = regex.compile(
    rf"(?<![{WORD_CHARS}\-'’#@])([{WORD_CHARS}]+)(?=\s)[ \t\u00a0\u202f]*\n?[ \t\u00a0\u202f]*(\1)(?![{WORD_CHARS}\-])",
    regex.IGNORECASE,
)


class Options(RuleOptions):
    exceptions: tuple[str, ...] = ()


def check(ctx: CheckContext, options: Options) -> Iterator[Match]:
    allowed = {w.casefold() for w in (*DEFAULT_EXCEPTIONS, *options.exceptions)}
    for m in _REPEAT.finditer(ctx.text, overlapped=True):
        word = m.group(1)
        if word.isdigit() or word.casefold() in allowed:
            continue
        if ctx.prose.overlaps(m.start(), m.end(), ("url", "email", "mention", "hashtag")):
            continue
        yield Match(m.start(), m.end(), replacements=(m.group(1),), params=(("word", word),))


EXAMPLES = (
    Example("Réservez le le séjour.", expect=("le le",), language="fr-FR"),
    Example("Nous nous occupons de tout.", language="fr-FR"),
    Example("See you at the\nthe beach", expect=("the\nthe",)),
    Example("Bora Bora awaits", options={"exceptions": ["bora"]}, note="names that repeat go in exceptions"),
)


KIND = Kind(
    name="repetition", category="grammar", level="error", options=Options, check=check,
    messages=MESSAGES, examples=EXAMPLES, doc=__doc__,
)
