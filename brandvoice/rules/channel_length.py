"""channel_length: the post must fit the platforms it targets, counted the way each one counts.

X weighs characters (twitter-text v3: URLs 23, emoji 2, CJK 2), Bluesky counts graphemes and
UTF-8 bytes, Mastodon counts URLs as 23 and remote mentions by their `@user` part, LinkedIn,
Instagram, Facebook, TikTok and Threads count UTF-16 units like their composers. With
`report: over` (rule `channel.length`, an error) a post over the limit is reported; with
`report: near` (rule `channel.length.near`, a suggestion) a post above `warn_share` of the limit
(default 95%). The measured length per channel is added to the file's `lengths` metric, and its
limit to `limits`.

Fixes respect the limits: a safe fix (typography, terms) that would push the post over a targeted
channel's limit, or further over it, is not applied by `--fix` and says so ("the narrow no-break
space weighs 2 on X"); fixes that shorten the post or fit in what is left always apply.

The channels come from `--channel` or front matter (`channel: x`, `channels: [x, linkedin]`);
profiles come from the guide's `channels:` section over the shipped ones.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Literal

from brandvoice.channels.counting import COUNTERS, utf8_bytes
from brandvoice.channels.profiles import ChannelProfile
from brandvoice.channels.targets import merged_by_span, targeted_profiles
from brandvoice.findings import Finding, Match
from brandvoice.messages import Messages
from brandvoice.rules.base import CheckContext, Example, Kind, RuleOptions

MESSAGES = Messages({
    "channel_length.default": "Too long for the channel.",
    "channel_length.over": "{measured:,}/{limit:,} {unit}: {excess:,} over the limit",
    "channel_length.near": "{measured:,}/{limit:,} {unit}: {share:.0%} of the limit, little room left for edits",
    # how each counting method's unit reads (see channels.counting.COUNTERS)
    "channel_length.unit.x": "characters as X counts them",
    "channel_length.unit.graphemes": "characters on {channel}",
    "channel_length.unit.bytes": "bytes on {channel}",
    "channel_length.unit.utf16": "characters on {channel}",
    "channel_length.unit.codepoints": "characters on {channel}",
    "channel_length.unit.mastodon": "characters as Mastodon counts them",
    "channel_length.fix_held": "Not fixed automatically: the post would be {measured:,}/{limit:,} {unit}.",
})

class Options(RuleOptions):
    profiles: tuple[ChannelProfile, ...] = ()  # resolved by the guide; empty: shipped profiles
    default_channels: tuple[str, ...] = ()  # checked when the file names no channel
    report: Literal["over", "near"] = "over"


def _overflow_start(text: str, count, limit: int) -> int:
    """Offset of the first character that no longer fits (binary search on prefix lengths)."""
    lo, hi = 0, len(text)
    while lo < hi:
        mid = (lo + hi) // 2
        if count(text[: mid + 1]) > limit:
            hi = mid
        else:
            lo = mid + 1
    return lo


def check(ctx: CheckContext, options: Options) -> Iterator[Match]:
    """One match per span: channels whose limits fall at the same place share one message
    (the engine keeps one finding per rule and span)."""
    return iter(merged_by_span(_matches(ctx, options), separator="; ", end="."))


def _limits(ctx: CheckContext, options: Options) -> Iterator[tuple[str, int, str, ChannelProfile]]:
    """(counting, limit, metric name, profile) for each limit of each targeted channel."""
    for profile in targeted_profiles(ctx.channels, options.profiles, options.default_channels):
        yield profile.counting, profile.max_length, profile.name, profile
        if profile.max_bytes:
            yield "bytes", profile.max_bytes, f"{profile.name}_bytes", profile


def _counter(counting: str):
    return utf8_bytes if counting == "bytes" else COUNTERS[counting]


def _matches(ctx: CheckContext, options: Options) -> Iterator[Match]:
    text = ctx.text.strip()
    offset = len(ctx.text) - len(ctx.text.lstrip())
    limits = list(_limits(ctx, options))
    if not limits:
        return  # no channel: no `lengths` metric either
    lengths = ctx.metrics.setdefault("lengths", {})
    ctx.metrics.setdefault("limits", {}).update({metric: limit for _, limit, metric, _ in limits})
    for counting, limit, metric, profile in limits:
        count = _counter(counting)
        measured = count(text)
        lengths[metric] = measured
        unit = MESSAGES.say(f"channel_length.unit.{counting}", channel=profile.label)
        if measured > limit and options.report == "over":
            start = offset + _overflow_start(text, count, limit)
            yield Match(
                min(start, offset + len(text) - 1), offset + len(text),
                message=MESSAGES.say("channel_length.over", measured=measured, limit=limit, unit=unit,
                                   excess=measured - limit),
                whole_document=True,
            )
        elif options.report == "near" and limit * profile.warn_share < measured <= limit:
            yield Match(
                offset, offset + len(text),
                message=MESSAGES.say("channel_length.near", measured=measured, limit=limit, unit=unit,
                                   share=measured / limit),
                whole_document=True,
            )


def hold_fixes(ctx: CheckContext, options: Options, findings: Sequence[Finding]) -> Iterator[tuple[Finding, object]]:
    """Safe fixes, in text order, while what they add fits every targeted limit: a fix's weight is
    that of its replacement less that of the text it replaces (the narrow no-break space an X
    post gains weighs 2). Only growth is counted, so a fix that shortens the post is never needed
    for another to fit (`--fix` may leave it for a later round)."""
    if options.report != "over":
        return  # the `near` rule holds nothing: one rule speaks for the limits
    text = ctx.text.strip()
    budgets = [(_counter(counting), limit, counting, profile) for counting, limit, _, profile in _limits(ctx, options)]
    lengths = [count(text) for count, *_ in budgets]
    for finding in findings:
        if not finding.fix_safe or finding.whole_document or len(finding.replacements) != 1:
            continue
        growth = [max(0, count(finding.replacements[0]) - count(finding.match)) for count, *_ in budgets]
        over = [k for k, (_, limit, *_) in enumerate(budgets) if growth[k] and lengths[k] + growth[k] > limit]
        if over:
            _, limit, counting, profile = budgets[over[0]]
            unit = MESSAGES.say(f"channel_length.unit.{counting}", channel=profile.label)
            yield finding, MESSAGES.say("channel_length.fix_held", measured=lengths[over[0]] + growth[over[0]],
                                        limit=limit, unit=unit)
            continue
        lengths = [length + extra for length, extra in zip(lengths, growth)]


EXAMPLES = (
    Example(
        "Nos chambres rénovées vous attendent à deux pas de la gare, avec petit-déjeuner maison, "
        "rooftop et spa. Réservez dès aujourd’hui sur notre site pour profiter de l’offre de "
        "lancement valable tout l’automne dans nos six hôtels parisiens, de Montmartre à Bercy, "
        "et découvrez nos nouvelles suites avec vue.",
        expect=("elles suites avec vue.",),
        options={"default_channels": ["x"]},
        language="fr-FR",
        note="302 characters: the overflow is what does not fit",
    ),
    Example("New drop 🎒 https://example.com/very/long/path/to/the/product?ref=x", options={"default_channels": ["x"]},
            note="the URL counts 23, the emoji 2"),
    Example("x" * 270, expect=("x" * 270,), options={"default_channels": ["x"], "report": "near"},
            note="270/280 is above 95% of the limit"),
)


KIND = Kind(
    name="channel_length", category="platform", level="error", options=Options, check=check,
    messages=MESSAGES, examples=EXAMPLES, doc=__doc__, hold_fixes=hold_fixes,
    sees_links=True,  # findings on links, and about the whole post, which may hold links
)
