"""hashtags: how many, which ones, and how they are written.

- at most `max` hashtags (and at most each targeted channel's `max_hashtags`: Instagram 5 since
  December 2025, Threads 1);
- every `required` campaign hashtag present (`#Hotelia`), no `banned` one, no duplicate;
- multi-word hashtags in CamelCase, so screen readers read `#SummerSale` as two words and not
  `#summersale` letter by letter: the guide's `known` hashtags give the exact spelling (a safe
  fix), otherwise a word-segmentation model proposes a split, only when it is confident and never
  for a hashtag that is itself a word (`#parkour`, `#greenwashing`): see `channels.segment`;
- no disclosure (`#ad`, `#publicité`…) buried in a block of hashtags, where readers skip it.

```yaml
hashtags:
  required: ["#Hotelia"]
  banned: ["#hotel"]
  known: ["#HoteliaMoments", "#SummerSale"]
  max: 3
```
"""

from __future__ import annotations

import functools
from collections.abc import Iterator

import regex
from pydantic import BaseModel, ConfigDict, Field

from brandvoice.channels.profiles import ChannelProfile
from brandvoice.channels.segment import best_split, camel_case, strip_accents
from brandvoice.channels.targets import hashtag_blocks, merged_by_span, targeted_profiles
from brandvoice.findings import Match
from brandvoice.messages import Joined, Messages
from brandvoice.rules.base import CheckContext, Example, Kind, RuleOptions

MESSAGES = Messages({
    "hashtags.default": "Hashtag problem: {match}.",
    "hashtags.banned": "{tag} is a banned hashtag.",
    "hashtags.duplicate": "{tag} is already used in this post.",
    "hashtags.camel_case": "Write {spelled}: screen readers read {tag} letter by letter.",
    "hashtags.too_many": "{count} hashtags: {who} allows at most {cap}.",
    "hashtags.the_guide": "the guide",
    "hashtags.missing_one": "Missing the campaign hashtag {tags}.",
    "hashtags.missing_many": "Missing the campaign hashtags {tags}.",
    "hashtags.buried_disclosure": "{tag} is buried among {count} hashtags: put the disclosure at the start of the post, "
    "apart from other hashtags.",
})

# Disclosure tags that must stand out, not sit in a wall of hashtags (FTC; loi 2023-451 art. 5).
DISCLOSURE_TAGS = ("#ad", "#advertisement", "#sponsored", "#pub", "#publicite", "#publicité",
                   "#collaborationcommerciale", "#partenariat", "#sponso", "#sp", "#collab", "#partner")


class HashtagsSection(BaseModel):
    """Guide section `hashtags:`."""

    model_config = ConfigDict(extra="forbid")

    max: int | None = Field(None, ge=0, description="At most this many hashtags (channel caps also apply).")
    required: list[str] = Field(default_factory=list, description="Campaign hashtags every post carries.")
    banned: list[str] = Field(default_factory=list)
    known: list[str] = Field(default_factory=list, description="The brand's hashtags, spelled in CamelCase.")
    duplicates: bool = True
    camel_case: bool = True
    buried_disclosure: bool = True


class Options(RuleOptions):
    max: int | None = None
    required: tuple[str, ...] = ()
    banned: tuple[str, ...] = ()
    known: tuple[str, ...] = ()
    duplicates: bool = True
    camel_case: bool = True
    buried_disclosure: bool = True
    caps: bool = True  # the guide's `max` and each channel's `max_hashtags`
    block_size: int = 3
    profiles: tuple[ChannelProfile, ...] = ()
    default_channels: tuple[str, ...] = ()


def _key(tag: str) -> str:
    return strip_accents(tag.lstrip("#").casefold())


_THE_GUIDE = MESSAGES.say("hashtags.the_guide")


def _caps(options: Options, ctx: CheckContext) -> list[tuple[int, str]]:
    caps: list[tuple[int, str]] = [(options.max, _THE_GUIDE)] if options.max is not None else []
    for profile in targeted_profiles(ctx.channels, options.profiles, options.default_channels):
        if profile.max_hashtags is not None:
            caps.append((profile.max_hashtags, profile.label))
    return caps


def _camel_case_suggestion(body: str, ctx: CheckContext, known: dict[str, str]) -> tuple[str, bool] | None:
    """(suggested hashtag, from the guide?) for an all-lower-case multi-word hashtag."""
    if body != body.lower():
        return None  # already has capitals: the author chose a casing
    spelled = known.get(_key(body))
    if spelled is not None:
        return (spelled, True) if spelled.lstrip("#") != body else None
    parts = best_split(body, (ctx.lang,), _guide_words(tuple(known.values()), ctx.accepted_words))
    return ("#" + camel_case(parts), False) if parts else None


@functools.cache
def _guide_words(known: tuple[str, ...], accepted: frozenset[str]) -> frozenset[str]:
    """The guide's own words, which a split may use: the parts of its CamelCase hashtags
    (#HoteliaMoments → hotelia, moments) and its accepted vocabulary."""
    words = {strip_accents(w.casefold()) for tag in known for w in regex.findall(r"\p{Lu}[\p{Ll}\p{N}]*", tag)}
    words |= {strip_accents(w.casefold()) for w in accepted if w.isalpha()}
    return frozenset(w for w in words if len(w) > 1)


def check(ctx: CheckContext, options: Options) -> Iterator[Match]:
    return iter(merged_by_span(_check(ctx, options)))


def _check(ctx: CheckContext, options: Options) -> Iterator[Match]:
    tags = ctx.prose.spans_of("hashtag")
    seen: dict[str, int] = {}
    banned = {_key(t) for t in options.banned}
    known = {_key(k): "#" + k.lstrip("#") for k in options.known}
    for tag in tags:
        key = _key(tag.text)
        if key in banned:
            yield Match(tag.start, tag.end, message=MESSAGES.say("hashtags.banned", tag=tag.text))
        elif options.duplicates and key in seen:
            yield Match(tag.start, tag.end, message=MESSAGES.say("hashtags.duplicate", tag=tag.text), replacements=("",))
        elif options.camel_case:
            suggestion = _camel_case_suggestion(tag.text[1:], ctx, known)
            if suggestion:
                spelled, from_guide = suggestion
                yield Match(
                    tag.start, tag.end,
                    message=MESSAGES.say("hashtags.camel_case", spelled=spelled, tag=tag.text),
                    replacements=(spelled,), fix_safe=from_guide,
                )
        seen.setdefault(key, tag.start)

    caps = _caps(options, ctx) if options.caps else []
    for cap, who in sorted(caps, key=lambda c: (c[0], c[1] == _THE_GUIDE))[:1]:  # the strictest says it
        if len(tags) > cap:
            extra = tags[cap:]
            yield Match(
                extra[0].start, extra[-1].end,
                message=MESSAGES.say("hashtags.too_many", count=len(tags), who=who, cap=cap),
                whole_document=True,
            )

    missing = ["#" + r.lstrip("#") for r in options.required if _key(r) not in seen]
    if missing:
        which = "hashtags.missing_one" if len(missing) == 1 else "hashtags.missing_many"
        yield Match(0, len(ctx.text), message=MESSAGES.say(which, tags=Joined(", ", tuple(missing))),
                    whole_document=True)

    if options.buried_disclosure:
        disclosure = {_key(t) for t in DISCLOSURE_TAGS}
        for block in hashtag_blocks(ctx.prose, options.block_size):
            for tag in block:
                if _key(tag.text) in disclosure:
                    yield Match(
                        tag.start, tag.end,
                        message=MESSAGES.say("hashtags.buried_disclosure", tag=tag.text, count=len(block)),
                    )


EXAMPLES = (
    Example("Nos offres d’été #soldes #été #voyage #soldes", expect=("#soldes",), language="fr-FR",
            options={"camel_case": False}, note="duplicate"),
    Example("Summer is here #summersale", expect=("#summersale",)),
    Example("Summer is here #SummerSale", options={"required": ["#SummerSale"]}),
    Example("Bienvenue #hoteliamoments", expect=("#hoteliamoments",), language="fr-FR",
            options={"known": ["#HoteliaMoments"]}),
    Example("Great trip! #travel #hiking #gear #ad #outdoors", expect=("#ad",), options={"camel_case": False}),
    Example("Sept tags #a1 #b2 #c3 #d4 #e5 #f6 #g7", expect=("#f6 #g7",), language="fr-FR",
            options={"default_channels": ["instagram"], "buried_disclosure": False, "camel_case": False}),
)


KIND = Kind(
    name="hashtags", category="platform", level="warning", options=Options, check=check,
    messages=MESSAGES, examples=EXAMPLES, doc=__doc__,
    sees_links=True,  # findings on links, and about the whole post, which may hold links
)
