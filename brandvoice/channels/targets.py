"""Shared helpers for the channel-aware kinds: which channels a text targets, hashtag blocks."""

from __future__ import annotations

from collections.abc import Iterable

import regex

from brandvoice.channels.profiles import ChannelProfile, resolve_profiles
from brandvoice.findings import Match
from brandvoice.messages import Joined
from brandvoice.parsing.prose import ProseText
from brandvoice.parsing.social import SocialSpan


def targeted_profiles(
    channels: Iterable[str], profiles: Iterable[ChannelProfile] = (), default_channels: Iterable[str] = ()
) -> list[ChannelProfile]:
    """Profiles of the channels a text targets (`default_channels` when it names none).
    `profiles` are the guide-resolved ones; empty means the shipped profiles."""
    known = {p.name: p for p in profiles} or resolve_profiles(None)
    names = tuple(channels) or tuple(default_channels)
    return [known[name] for name in dict.fromkeys(names) if name in known]


_BETWEEN_HASHTAGS = regex.compile(r"[\s,;·|]*")


def hashtag_blocks(prose: ProseText, min_size: int = 3) -> list[list[SocialSpan]]:
    """Runs of at least `min_size` hashtags separated only by spaces or light separators:
    the "wall of hashtags" where a disclosure gets lost."""
    blocks: list[list[SocialSpan]] = []
    run: list[SocialSpan] = []
    for span in prose.spans_of("hashtag"):
        if run and not _BETWEEN_HASHTAGS.fullmatch(prose.text[run[-1].end : span.start]):
            if len(run) >= min_size:
                blocks.append(run)
            run = []
        run.append(span)
    if len(run) >= min_size:
        blocks.append(run)
    return blocks


def in_blocks(start: int, blocks: list[list[SocialSpan]]) -> bool:
    return any(block[0].start <= start < block[-1].end for block in blocks)


def merged_by_span(matches: Iterable[Match], separator: str = " ", end: str = "") -> list[Match]:
    """Matches on the same span become one (the engine keeps one finding per rule and span):
    messages joined by `separator` (then `end`), replacements pooled, safe only if every part was."""
    by_span: dict[tuple[int, int], list[Match]] = {}
    for match in matches:
        by_span.setdefault((match.start, match.end), []).append(match)
    result = []
    for (start, stop), group in by_span.items():
        if len(group) == 1 and not end:
            result.append(group[0])
            continue
        replacements = tuple(dict.fromkeys(r for m in group for r in m.replacements))
        messages = tuple(m.message for m in group if m.message)
        result.append(Match(
            start, stop,
            message=Joined(separator, messages, end) if messages else None,
            replacements=replacements,
            fix_safe=all(m.fix_safe for m in group) and len(replacements) == 1,
            whole_document=any(m.whole_document for m in group),
        ))
    return sorted(result, key=lambda m: (m.start, m.end))
