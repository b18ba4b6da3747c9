"""emoji_placement: emoji that help, not emoji that hide the message.

Screen readers read every emoji's full name ("smiling face with heart-shaped eyes"), so long runs
and emoji standing in for words cost the most. Checks: at most `max_run` emoji in a row (default
3), at most `max_total` in the post, optionally none at the very start (`at_start: false`: the
first words are the preview) and none between two words of a sentence (`between_words: false`).

```yaml
emoji:
  max_total: 4
  max_run: 2
  between_words: false
```
"""

from __future__ import annotations

from collections.abc import Iterator

import regex
from pydantic import BaseModel, ConfigDict, Field

from brandvoice.channels.targets import merged_by_span
from brandvoice.findings import Match
from brandvoice.messages import Messages
from brandvoice.rules.base import CheckContext, Example, Kind, RuleOptions

MESSAGES = Messages({
    "emoji_placement.default": "Emoji placement: {match}.",
    "emoji_placement.run": "{count} emoji in a row: screen readers read each name; keep {max} at most.",
    "emoji_placement.at_start": "Start with words, not an emoji: the first words are the preview.",
    "emoji_placement.between_words": "An emoji in the middle of a sentence breaks it for screen readers; put it at the end.",
    "emoji_placement.too_many": "{count} emoji: the guide allows {max}.",
})

_WORD_BEFORE = regex.compile(r"\p{L}[\p{L}\p{M}'’-]*[ \u00a0]?$")
_WORD_AFTER = regex.compile(r"^[ \u00a0]?\p{L}")


class EmojiSection(BaseModel):
    """Guide section `emoji:`."""

    model_config = ConfigDict(extra="forbid")

    max_run: int | None = Field(3, ge=1)
    max_total: int | None = Field(None, ge=0)
    at_start: bool = True
    between_words: bool = True


class Options(RuleOptions):
    max_run: int | None = 3
    max_total: int | None = None
    at_start: bool = True
    between_words: bool = True


def _runs(spans, text: str) -> list[list]:
    runs: list[list] = []
    for span in spans:
        if runs and not text[runs[-1][-1].end : span.start].strip():
            runs[-1].append(span)
        else:
            runs.append([span])
    return runs


def check(ctx: CheckContext, options: Options) -> Iterator[Match]:
    return iter(merged_by_span(_check(ctx, options)))


def _check(ctx: CheckContext, options: Options) -> Iterator[Match]:
    text = ctx.text
    emoji = ctx.prose.spans_of("emoji")
    if not emoji:
        return
    for run in _runs(emoji, text):
        if options.max_run is not None and len(run) > options.max_run:
            yield Match(run[0].start, run[-1].end,
                        message=MESSAGES.say("emoji_placement.run", count=len(run), max=options.max_run))
    if not options.at_start and not text[: emoji[0].start].strip():
        yield Match(emoji[0].start, emoji[0].end, message=MESSAGES.say("emoji_placement.at_start"))
    if not options.between_words:
        for span in emoji:
            if _WORD_BEFORE.search(text[: span.start][-40:]) and _WORD_AFTER.search(text[span.end : span.end + 3]):
                yield Match(span.start, span.end,
                            message=MESSAGES.say("emoji_placement.between_words"))
    if options.max_total is not None and len(emoji) > options.max_total:
        extra = emoji[options.max_total:]
        yield Match(extra[0].start, extra[-1].end,
                    message=MESSAGES.say("emoji_placement.too_many", count=len(emoji), max=options.max_total),
                    whole_document=True)


EXAMPLES = (
    Example("Enfin l’été 🌞🌴🍹🏖️", expect=("🌞🌴🍹🏖️",), language="fr-FR"),
    Example("Enfin l’été 🌞", language="fr-FR"),
    Example("🔥 Big news today", expect=("🔥",), options={"at_start": False}),
    Example("We ❤️ hiking", expect=("❤️",), options={"between_words": False}),
    Example("We love hiking ❤️", options={"between_words": False, "at_start": False}),
)


KIND = Kind(
    name="emoji_placement", category="platform", level="suggestion", options=Options, check=check,
    messages=MESSAGES, examples=EXAMPLES, doc=__doc__,
    sees_links=True,  # findings on links, and about the whole post, which may hold links
)
