"""Prose text with its way back to the source: the one offset table every finding goes through.

A parser describes a source file as consecutive pieces: *prose* (copied verbatim from the source,
checked by rules) and *markup* (front matter, code, link targets, comments...), each markup piece
standing in the prose as a short `interpret_as` string (often "" or a paragraph break). The prose
text is the concatenation; `to_source()` maps a prose span back to source offsets by bisection.

A parser also records source spans a fix must not change (`unfixable`: blocks it kept as raw
prose, which may hold markup, and link texts that are reference labels), spans it could not
check at all (`unchecked`, with the reason: reported to the user), and autolinks
(`<https://…>`), which rules see as one URL whatever characters end it.
"""

from __future__ import annotations

import bisect
import itertools
from dataclasses import dataclass, field
from functools import cached_property

import regex

from brandvoice.parsing.sentences import list_marker_end, sentence_breaks
from brandvoice.parsing.social import SocialSpan, find_social_spans


@dataclass(frozen=True, slots=True)
class Piece:
    prose_start: int
    prose_length: int
    source_start: int
    source_length: int
    markup: bool


@dataclass(frozen=True, slots=True)
class Unchecked:
    """A source span no rule looked at, and the message that says why (reported as a finding)."""

    start: int
    end: int
    reason: str  # a messages.Message


@dataclass(frozen=True, slots=True)
class Block:
    """A paragraph-level unit of prose (paragraph, heading, list item, table cell...)."""

    start: int
    end: int
    kind: str


class ProseBuilder:
    """Accumulates pieces in source order. Parsers call `prose()` and `markup()` only."""

    def __init__(self, source: str) -> None:
        self.source = source
        self._pieces: list[Piece] = []
        self._chunks: list[str] = []
        self._prose_len = 0
        self._source_pos = 0
        self._blocks: list[Block] = []
        self._unfixable: list[tuple[int, int]] = []
        self._unchecked: list[Unchecked] = []
        self._autolinks: list[tuple[int, int, str]] = []

    @property
    def source_pos(self) -> int:
        return self._source_pos

    @property
    def prose_pos(self) -> int:
        return self._prose_len

    def _add(self, end: int, text: str, markup: bool) -> None:
        if end < self._source_pos:
            raise ValueError(f"pieces must advance: {end} < {self._source_pos}")
        if end == self._source_pos and not text:
            return
        self._pieces.append(Piece(self._prose_len, len(text), self._source_pos, end - self._source_pos, markup))
        self._chunks.append(text)
        self._prose_len += len(text)
        self._source_pos = end

    def prose(self, end: int) -> None:
        """The source from the current position up to `end` is prose."""
        self._add(end, self.source[self._source_pos : end], markup=False)

    def markup(self, end: int, interpret_as: str = "") -> None:
        """The source from the current position up to `end` is markup, read as `interpret_as`."""
        self._add(end, interpret_as, markup=True)

    def block(self, start: int, end: int, kind: str) -> None:
        if end > start:
            self._blocks.append(Block(start, end, kind))

    def raw(self, end: int) -> None:
        """The source up to `end` is prose the parser could not separate from its markup."""
        start = self._source_pos
        self.prose(end)
        self.protect(start, end)

    def protect(self, start: int, end: int) -> None:
        """Source [start, end), prose or not, must not be changed by a fix."""
        if end > start:
            self._unfixable.append((start, end))

    def unchecked(self, start: int, end: int, reason: str) -> None:
        """The source span [start, end) is not checked (it must be markup)."""
        if end > start:
            self._unchecked.append(Unchecked(start, end, reason))

    def autolink(self, start: int, end: int, kind: str = "url") -> None:
        """Prose [start, end) is an autolink's text: one `url` (or `email`) span for rules."""
        if end > start:
            self._autolinks.append((start, end, kind))

    def build(self) -> "ProseText":
        if self._source_pos < len(self.source):
            self.prose(len(self.source))
        return ProseText(
            self.source,
            "".join(self._chunks),
            tuple(self._pieces),
            tuple(self._blocks),
            unfixable=tuple(self._unfixable),
            unchecked=tuple(self._unchecked),
            autolinks=tuple(self._autolinks),
        )


@dataclass(frozen=True)
class ProseText:
    source: str
    text: str
    pieces: tuple[Piece, ...]
    blocks: tuple[Block, ...] = ()
    unfixable: tuple[tuple[int, int], ...] = ()  # source spans no fix may change
    unchecked: tuple[Unchecked, ...] = ()
    autolinks: tuple[tuple[int, int, str], ...] = ()  # prose spans: (start, end, "url" or "email")
    _starts: list[int] = field(init=False, repr=False, compare=False)
    _span_index: dict = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_starts", [p.prose_start for p in self.pieces])
        object.__setattr__(self, "_span_index", {})

    @classmethod
    def plain(cls, text: str) -> "ProseText":
        """A text that is all prose (tests, stdin text, rule examples)."""
        builder = ProseBuilder(text)
        builder.prose(len(text))
        builder.block(0, len(text), "paragraph")
        return builder.build()

    def _prose_piece_at(self, pos: int) -> Piece | None:
        """The prose piece containing prose offset `pos`, or None when `pos` is inside markup."""
        # bisect_right lands on the last piece starting at or before `pos`, which skips the
        # zero-length markup pieces that share a start with the piece holding `pos`.
        i = bisect.bisect_right(self._starts, pos) - 1
        if i < 0:
            return None
        piece = self.pieces[i]
        if piece.markup or not (piece.prose_start <= pos < piece.prose_start + piece.prose_length):
            return None
        return piece

    def to_source(self, start: int, end: int) -> tuple[int, int] | None:
        """Source span of the prose span [start, end), or None if either end falls in markup."""
        if not (0 <= start < end <= len(self.text)):
            return None
        first = self._prose_piece_at(start)
        last = self._prose_piece_at(end - 1)
        if first is None or last is None:
            return None
        return (
            first.source_start + (start - first.prose_start),
            last.source_start + (end - 1 - last.prose_start) + 1,
        )

    @cached_property
    def scanned_social_spans(self) -> tuple[SocialSpan, ...]:
        """The social spans a scan of the prose's text finds (`find_social_spans`), found once."""
        return find_social_spans(self.text)

    @cached_property
    def social_spans(self) -> tuple[SocialSpan, ...]:
        """URLs, e-mail addresses, @mentions, #hashtags and emoji in the prose, found once, in
        text order; an autolink's text is one URL (or e-mail) span, whatever ends it."""
        found = self.scanned_social_spans
        if not self.autolinks:
            return found
        links = [SocialSpan(s, e, kind, self.text[s:e]) for s, e, kind in self.autolinks]
        kept = [f for f in found if not any(f.start < link.end and link.start < f.end for link in links)]
        return tuple(sorted(kept + links, key=lambda span: span.start))

    def spans_of(self, *kinds: str) -> tuple[SocialSpan, ...]:
        return self._spans_index(kinds)[1]

    def overlaps(self, start: int, end: int, kinds: tuple[str, ...]) -> bool:
        """Whether [start, end) overlaps a span of one of `kinds` (by bisection: spans do not
        overlap each other, so their ends are in order too)."""
        ends, spans = self._spans_index(kinds)
        i = bisect.bisect_right(ends, start)
        return i < len(spans) and spans[i].start < end

    def overlapping(self, start: int, end: int, kinds: tuple[str, ...]) -> tuple[SocialSpan, ...]:
        """The spans of `kinds` that overlap [start, end), in text order (by bisection)."""
        ends, spans = self._spans_index(kinds)
        first = last = bisect.bisect_right(ends, start)
        while last < len(spans) and spans[last].start < end:
            last += 1
        return spans[first:last]

    def _spans_index(self, kinds: tuple[str, ...]) -> tuple[list[int], tuple[SocialSpan, ...]]:
        index = self._span_index.get(kinds)
        if index is None:
            spans = tuple(s for s in self.social_spans if s.kind in kinds)
            index = self._span_index[kinds] = ([s.end for s in spans], spans)
        return index

    @cached_property
    def sentences(self) -> tuple[tuple[int, int], ...]:
        """Sentence spans by punctuation, never across a paragraph, list item or hashtag block
        (`parsing.sentences`; the NLP kinds use spaCy's sentences, broken at the same places)."""
        spans: list[tuple[int, int]] = []
        bounds = (0, *sentence_breaks(self.text, self.social_spans), len(self.text))
        for block_start, block_end in itertools.pairwise(bounds):
            chunk = self.text[block_start:block_end]
            pos = 0
            for m in _SENTENCE_END.finditer(chunk, list_marker_end(chunk, len(chunk) - len(chunk.lstrip()))):
                spans.append((block_start + pos, block_start + m.end()))
                pos = m.end()
            if chunk[pos:].strip():
                spans.append((block_start + pos, block_end))
        return tuple(_strip_span(self.text, s, e) for s, e in spans if self.text[s:e].strip())

    def _paragraph_spans(self) -> list[tuple[int, int]]:
        spans, pos = [], 0
        for m in _PARAGRAPH_BREAK.finditer(self.text):
            spans.append((pos, m.start()))
            pos = m.end()
        spans.append((pos, len(self.text)))
        return [(s, e) for s, e in spans if e > s]

    @cached_property
    def paragraphs(self) -> tuple[tuple[int, int], ...]:
        return tuple(_strip_span(self.text, s, e) for s, e in self._paragraph_spans() if self.text[s:e].strip())


_SENTENCE_END = regex.compile(r"[.!?…]+[»”\"')\]]*(?=\s|$)")
_PARAGRAPH_BREAK = regex.compile(r"\n[ \t]*\n\s*")


def _strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
