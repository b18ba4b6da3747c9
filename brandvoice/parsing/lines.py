"""Lines of a source: where each starts, and a code-point offset as 1-based (line, column)."""

from __future__ import annotations

import bisect
import re

LINE_BREAK = re.compile(r"\r\n?|\n")  # CommonMark line endings, as markdown-it splits lines


class LineIndex:
    """Code-point offset to 1-based (line, column) of a file, by bisection over line starts. Lines
    end with `\r\n`, `\r` or `\n`, as editors and the Markdown parser count them."""

    def __init__(self, source: str) -> None:
        self._starts = [0] + [m.end() for m in LINE_BREAK.finditer(source)]

    def position(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self._starts, offset) - 1
        return line + 1, offset - self._starts[line] + 1
