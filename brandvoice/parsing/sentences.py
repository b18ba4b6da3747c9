"""Where a sentence must end, whatever a sentence splitter says.

Social posts often drop the final period, so a splitter alone runs sentences across the layout.
No sentence crosses:

- a blank line (a paragraph break; Markdown headings, list items and table cells are separated
  from their neighbours by one in the prose);
- the start of a list item: a line that begins with a bullet (`-`, `*`, `•`, `–`, `▪`, `→`…), a
  number (`1.`, `2)`) or an emoji ("✅ Livraison offerte");
- a hashtag block: a line of hashtags (with mentions, emoji and light separators) starts and ends
  its own segment, and a run of two or more hashtags ends the sentence when words follow it on the
  same line ("#soldes #été Nos boutiques ouvrent…").

`sentence_breaks(text)` gives the offsets where a new segment starts; both the punctuation-based
sentences of `ProseText` and the spaCy sentences of the voice kinds (`nlp.docs.sentence_spans`)
break there.
"""

from __future__ import annotations

import regex

from brandvoice.parsing.social import SocialSpan, find_social_spans

_BLANK_LINE = regex.compile(r"\n[^\S\n]*\n\s*")
_LINE_START = regex.compile(r"(?m)^[^\S\n]*(?=\S)")
_BULLET = regex.compile(r"(?:[-*+•◦▪▫►▶→➡➔–—·✓✔]|\d{1,3}[.)])[^\S\n]+(?=\S)")
_BLOCK_KINDS = ("hashtag", "mention", "emoji")
_LINE_REST = regex.compile(r"[^\S\n]*[.!?…]*[^\S\n]*(?:\n|$)")  # what may end a line after a block
_BETWEEN = regex.compile(r"[^\S\n]*[,;·|/]?[^\S\n]*")  # what may sit between the tags of a block


def sentence_breaks(text: str, social: tuple[SocialSpan, ...] | None = None) -> tuple[int, ...]:
    """Sorted offsets where a new segment (sentence) must start."""
    social = find_social_spans(text) if social is None else social
    starts_at = {s.start: s for s in social}
    breaks: set[int] = {m.end() for m in _BLANK_LINE.finditer(text) if m.end() < len(text)}
    for line in _LINE_START.finditer(text):
        start = line.end()
        if start == 0:
            continue
        span = starts_at.get(start)
        if _BULLET.match(text, start) or (span is not None and span.kind == "emoji"):
            breaks.add(start)  # a list item
        block_end = _block_end(text, start, starts_at, whole_line=True)
        if block_end is not None:  # a line of hashtags: a segment of its own
            breaks.add(start)
            after = _LINE_START.search(text, block_end)
            if after is not None and after.end() < len(text):
                breaks.add(after.end())
    for span in social:
        if span.kind != "hashtag" or span.start in breaks:
            continue
        end = _block_end(text, span.start, starts_at, whole_line=False)
        if end is not None:
            following = regex.compile(r"[^\S\n]*(?=[\p{L}\p{N}])").match(text, end)
            if following is not None and following.end() < len(text):
                breaks.add(following.end())
    return tuple(sorted(breaks))


def list_marker_end(text: str, start: int = 0) -> int:
    """Where the text of a list item starting at `start` begins (after "- " or "2. "), or `start`."""
    m = _BULLET.match(text, start)
    return m.end() if m else start


def _block_end(text: str, start: int, starts_at: dict[int, SocialSpan], whole_line: bool) -> int | None:
    """The end of the hashtag block starting at `start`: a whole line of tags with at least one
    hashtag, or (inline) a run of two or more hashtags; None when there is no such block."""
    pos, hashtags, tags = start, 0, 0
    while True:
        span = starts_at.get(pos)
        if span is None or span.kind not in (_BLOCK_KINDS if whole_line else ("hashtag",)):
            break
        tags += 1
        hashtags += span.kind == "hashtag"
        pos = span.end
        gap = _BETWEEN.match(text, pos)
        if gap.end() in starts_at:
            pos = gap.end()
        else:
            break
    if whole_line:
        rest = _LINE_REST.match(text, pos)
        return pos if hashtags and rest is not None else None
    return pos if hashtags >= 2 else None
