"""Prose text with its way back to the source: the one offset table every finding goes through.

A parser describes a source file as consecutive pieces: *prose* (copied verbatim from the source,
checked by rules) and *markup* (front matter, code, link targets, comments...), each markup piece
standing in the prose as a short `interpret_as` string (often "" or a paragraph break). The prose
text is the concatenation; `to_source()` maps a prose span back to source offsets by bisection.
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

    def build(self) -> "ProseText":
        if self._source_pos < len(self.source):
            self.prose(len(self.source))
        return ProseText(self.source, "".join(self._chunks), tuple(self._pieces), tuple(self._blocks))


@dataclass(frozen=True)
class ProseText:
    source: str
    text: str
    pieces: tuple[Piece, ...]
    blocks: tuple[Block, ...] = ()
    _starts: list[int] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_starts", [p.prose_start for p in self.pieces])

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
    def social_spans(self) -> tuple[SocialSpan, ...]:
        """URLs, e-mail addresses, @mentions, #hashtags and emoji in the prose, found once."""
        return find_social_spans(self.text)

    def spans_of(self, *kinds: str) -> tuple[SocialSpan, ...]:
        return tuple(s for s in self.social_spans if s.kind in kinds)

    def overlaps(self, start: int, end: int, kinds: tuple[str, ...]) -> bool:
        return any(s.start < end and start < s.end for s in self.social_spans if s.kind in kinds)

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
