"""Source spans no fix may change: link targets and addresses, HTML tags, code, definitions.

The parser already keeps markup out of the prose, so findings there are never made. This is the
second line of defence `--fix` relies on, found in the source itself, whatever the parser made of
it: autolinks (`<https://…>`), raw URLs and e-mail addresses, HTML tags with their attributes,
comments, code spans, link targets (`](…)`) and, in Markdown, reference definitions, plus what
the parser marked unfixable (blocks kept as raw prose, reference labels). A finding that touches
one is reported without a fix.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable

import regex

_ANYWHERE = regex.compile(
    r"<[A-Za-z][A-Za-z0-9+.\-]{1,31}:[^\s<>]*>"  # autolink
    r"|<[^\s<>@]+@[^\s<>@]+>"  # e-mail autolink
    r"|<!--.*?(?:-->|\Z)"  # comment
    r"|</?[A-Za-z][A-Za-z0-9\-]*(?:\s[^<>]*)?/?>"  # HTML tag and its attributes
    r"|(?<!`)(`+)(?!`)[^\n]{0,1000}?(?<!`)\1(?!`)"  # code span (bounded: stays linear)
    r"|\]\([^()\s]*(?:\([^()\s]*\)[^()\s]*)*(?:\s+(?:\"[^\"\n]*\"|'[^'\n]*'))?\s*\)"  # link target
    r"|(?<![\p{L}\p{N}])(?:https?://|ftp://|www\.)[^\s<>\"«»]*[^\s<>\"«».,;:!?')\]…]"  # raw URL
    r"|\b[\w.+\-]{1,64}@[\w\-]+(?:\.[\w\-]+)+\b",  # e-mail address
    regex.DOTALL,
)
_REFERENCE_DEFINITION = regex.compile(r"^[ \t>]*\[[^\]\n]+\]:[ \t]*\S[^\n]*", regex.MULTILINE)


class ProtectedSpans:
    """Sorted, merged source spans; `touches(start, end)` by bisection."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        merged: list[list[int]] = []
        for start, end in sorted(s for s in spans if s[1] > s[0]):
            if merged and start <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], end)
            else:
                merged.append([start, end])
        self._starts = [s for s, _ in merged]
        self._ends = [e for _, e in merged]

    def touches(self, start: int, end: int) -> bool:
        """Whether [start, end) overlaps a protected span (an insertion: lies strictly inside one)."""
        i = bisect.bisect_right(self._ends, start)
        if i == len(self._starts):
            return False
        if start == end:
            return self._starts[i] < start
        return self._starts[i] < end

    def __len__(self) -> int:
        return len(self._starts)


def protected_spans(source: str, markdown: bool, unfixable: Iterable[tuple[int, int]] = ()) -> ProtectedSpans:
    """The protected spans of a source, with those its parser marked `unfixable`."""
    spans = [m.span() for m in _ANYWHERE.finditer(source)]
    if markdown:
        spans += [m.span() for m in _REFERENCE_DEFINITION.finditer(source)]
    return ProtectedSpans([*spans, *unfixable])
