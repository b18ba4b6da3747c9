"""mentions: tag the brand's official accounts with their exact spelling, never the others.

`official` handles are the right spelling: a mention that differs only by case is fixed safely
(`@hoteliaparis` → `@HoteliaParis`), a near miss (`@HotelliaParis`) gets a suggestion. Handles in
`never_tag` (competitors, personal accounts, a partner under embargo) are errors. Remote
(Mastodon) mentions `@user@instance` are compared in full and by their `@user` part.

```yaml
mentions:
  official: ["@Hotelia", "@HoteliaParis"]
  never_tag: ["@ConcurrentHotels"]
```
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator

from pydantic import BaseModel, ConfigDict, Field

from brandvoice.channels.targets import merged_by_span
from brandvoice.findings import Match
from brandvoice.messages import Messages
from brandvoice.rules.base import CheckContext, Example, Kind, RuleOptions

MESSAGES = Messages({
    "mentions.default": "Check the mention {match}.",
    "mentions.never_tag": "Never tag {mention} (the guide's never-tag list).",
    "mentions.spelling": "The official handle is spelled {handle}.",
    "mentions.near_miss": "Did you mean the official handle {handle}?",
})

class MentionsSection(BaseModel):
    """Guide section `mentions:`."""

    model_config = ConfigDict(extra="forbid")

    official: list[str] = Field(default_factory=list, description="The brand's handles, exactly spelled.")
    never_tag: list[str] = Field(default_factory=list, description="Handles never to tag.")


class Options(RuleOptions):
    official: tuple[str, ...] = ()
    never_tag: tuple[str, ...] = ()
    similarity: float = 0.85  # how close a handle must be to an official one to be a misspelling


def _handle(text: str) -> str:
    return "@" + text.lstrip("@")


def _forms(handle: str) -> set[str]:
    """The full handle and, for `@user@instance`, its `@user` part, case-folded."""
    full = _handle(handle).casefold()
    return {full, "@" + full[1:].split("@")[0]}


def check(ctx: CheckContext, options: Options) -> Iterator[Match]:
    return iter(merged_by_span(_check(ctx, options)))


def _check(ctx: CheckContext, options: Options) -> Iterator[Match]:
    official = [_handle(h) for h in options.official]
    forbidden = set().union(*(_forms(h) for h in options.never_tag)) if options.never_tag else set()
    for span in ctx.prose.spans_of("mention"):
        mention = span.text
        if _forms(mention) & forbidden:
            yield Match(span.start, span.end, message=MESSAGES.say("mentions.never_tag", mention=mention))
            continue
        if not official:
            continue
        exact = [h for h in official if _forms(h) & _forms(mention)]
        if exact:
            right = next((h for h in exact if h.casefold() == mention.casefold()), None)
            if right is not None and right != mention:
                yield Match(span.start, span.end, message=MESSAGES.say("mentions.spelling", handle=right),
                            replacements=(right,), fix_safe=True)
            continue
        near = [(ratio, h) for h in official if (ratio := _similarity(mention, h, options.similarity)) is not None]
        if near:
            handle = max(near)[1]
            yield Match(span.start, span.end, message=MESSAGES.say("mentions.near_miss", handle=handle),
                        replacements=(handle,))


def _similarity(mention: str, handle: str, at_least: float) -> float | None:
    """difflib's similarity of the two handles (any case) when it reaches `at_least`, else None
    (its cheap upper bounds rule most pairs out first)."""
    matcher = difflib.SequenceMatcher(None, mention.casefold(), handle.casefold())
    if matcher.real_quick_ratio() < at_least or matcher.quick_ratio() < at_least:
        return None
    ratio = matcher.ratio()
    return ratio if ratio >= at_least else None


EXAMPLES = (
    Example("Rendez-vous chez @hoteliaparis !", expect=("@hoteliaparis",), language="fr-FR",
            options={"official": ["@HoteliaParis"]}),
    Example("Rendez-vous chez @HotelliaParis !", expect=("@HotelliaParis",), language="fr-FR",
            options={"official": ["@HoteliaParis"]}),
    Example("Merci @HoteliaParis et @ami !", language="fr-FR", options={"official": ["@HoteliaParis"]}),
    Example("Better than @RivalGear, honestly", expect=("@RivalGear",), options={"never_tag": ["@rivalgear"]}),
    Example("Follow us at @trailco@mastodon.social", options={"official": ["@trailco@mastodon.social"]}),
)


KIND = Kind(
    name="mentions", category="platform", level="warning", options=Options, check=check,
    messages=MESSAGES, examples=EXAMPLES, doc=__doc__,
    sees_links=True,  # findings on links, and about the whole post, which may hold links
)
