"""Offsets in a text (code points, as findings count them) to Language Server Protocol positions
and back: lines split at `\\n`, `\\r\\n` and `\\r` as the protocol says, characters counted in the
encoding the client and server agreed on — UTF-16 code units by default (an emoji outside the
Basic Multilingual Plane is 2), UTF-8 bytes or UTF-32 code points when the client offers them.
"""

from __future__ import annotations

import bisect

import regex
from lsprotocol import types

_LINE_BREAK = regex.compile(r"\r\n|\r|\n")


def _units(text: str, encoding: str) -> int:
    if encoding == types.PositionEncodingKind.Utf8:
        return len(text.encode("utf-8", "surrogatepass"))
    if encoding == types.PositionEncodingKind.Utf32:
        return len(text)
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


class PositionMap:
    """One text's line starts, for converting positions in one encoding."""

    def __init__(self, text: str, encoding: str = types.PositionEncodingKind.Utf16) -> None:
        self.text = text
        self.encoding = encoding
        self._starts = [0]
        self._ends = []  # where each line's content ends (before its line break)
        for m in _LINE_BREAK.finditer(text):
            self._ends.append(m.start())
            self._starts.append(m.end())
        self._ends.append(len(text))

    def position(self, offset: int) -> types.Position:
        offset = max(0, min(offset, len(self.text)))
        line = bisect.bisect_right(self._starts, offset) - 1
        start = self._starts[line]
        offset = min(offset, self._ends[line])  # inside a \r\n: at the end of its line
        return types.Position(line=line, character=_units(self.text[start:offset], self.encoding))

    def range(self, start: int, end: int) -> types.Range:
        return types.Range(start=self.position(start), end=self.position(end))

    def offset(self, position: types.Position) -> int:
        """The code-point offset of a client position; past the end of a line, the line's end."""
        if position.line >= len(self._starts):
            return len(self.text)
        start, end = self._starts[max(0, position.line)], self._ends[max(0, position.line)]
        if self.encoding == types.PositionEncodingKind.Utf32:
            return min(start + position.character, end)
        units = 0
        for index in range(start, end):
            if units >= position.character:
                return index
            units += _units(self.text[index], self.encoding)
        return end

    def line_range(self, line: int) -> types.Range:
        """The whole of line `line` (0-based), without its line break."""
        line = max(0, min(line, len(self._starts) - 1))
        return self.range(self._starts[line], self._ends[line])
