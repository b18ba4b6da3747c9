"""How text reads in a terminal: display widths (CJK and emoji take two cells, a ZWJ family two),
excerpt windows that fit the terminal's width with the marker under the right characters, the
invisible characters French typography is made of shown as visible ones, and `--diff` coloured like
`git diff`. Used by the text format, `--diff` and `watch`; no printing here.
"""

from __future__ import annotations

import difflib
import functools
from collections.abc import Sequence
from dataclasses import dataclass

import regex
import wcwidth
from rich.text import Text

from brandvoice.i18n import N_, _

ELLIPSIS = "…"
# U+00A0 and U+202F look like spaces: a fix between them would show identical lines
VISIBLE = {"\u00a0": "⍽", "\u202f": "·"}
# their Unicode names, as the legend says them in the interface language
NAMES = {"\u00a0": N_("NO-BREAK SPACE"), "\u202f": N_("NARROW NO-BREAK SPACE")}
VISIBLE_STYLE = "bold magenta"
_GRAPHEME = regex.compile(r"\X")


def cells(text: str) -> int:
    """Terminal cells `text` takes, grapheme by grapheme (wcwidth)."""
    return max(0, wcwidth.width(text))


def visible(text: str) -> str:
    return "".join(VISIBLE.get(c, c) for c in text)


def legend(shown: str) -> str:
    """What the visible stand-ins in `shown` stand for ("" when there are none)."""
    used = [(sign, char) for char, sign in VISIBLE.items() if sign in shown]
    return "  ".join(f"{sign} U+{ord(char):04X} {_(NAMES[char])}" for sign, char in used)


def styled_visible(text: str, style: str = "") -> Text:
    """`text` made `visible`, the stand-ins in their own style (a real `·` stays plain)."""
    shown = Text(style=style)
    for piece in regex.split(f"([{''.join(VISIBLE)}])", text):
        if piece in VISIBLE:
            shown.append(VISIBLE[piece], style=VISIBLE_STYLE)
        elif piece:
            shown.append(piece)
    return shown


@dataclass(frozen=True)
class Excerpt:
    """A source line as shown under a finding (tabs as spaces, `…` where cut; show it through
    `visible`), and where its marker goes, in cells."""

    text: str
    marker_start: int
    marker_width: int


@dataclass(frozen=True)
class _Grapheme:
    shown: str
    width: int
    start: int  # code points into the line
    end: int


@functools.lru_cache(maxsize=64)
def _graphemes(line: str) -> tuple[_Grapheme, ...]:
    """The line's graphemes as shown, with their widths (a line with several findings is shown
    once per finding: it is measured once)."""
    found = []
    for m in _GRAPHEME.finditer(line):
        shown = m.group().replace("\t", " ")
        found.append(_Grapheme(shown, _shown_width(shown), m.start(), m.end()))
    return tuple(found)


@functools.lru_cache(maxsize=4096)
def _shown_width(grapheme: str) -> int:
    """Cells a grapheme takes as shown (its visible stand-in); the same few letters recur."""
    return cells(visible(grapheme))


def _take(graphemes: Sequence[_Grapheme], budget: int) -> list[_Grapheme]:
    taken, used = [], 0
    for g in graphemes:
        if used + g.width > budget:
            break
        taken.append(g)
        used += g.width
    return taken


def excerpt(line: str, start: int, end: int, width: int | None = None) -> Excerpt:
    """Line `line` with the span `start:end` (code points) to mark. With a `width` (cells), a
    longer line becomes a window around the span, cut at grapheme boundaries, `…` where cut."""
    graphemes = _graphemes(line)
    before = [g for g in graphemes if g.end <= start]
    span = [g for g in graphemes if g.start < max(end, start + 1) and g.end > start] if graphemes else []
    after = graphemes[len(before) + len(span):]
    total = sum(g.width for g in graphemes)
    span_width = sum(g.width for g in span)
    if width is None or total <= width:
        return Excerpt("".join(g.shown for g in graphemes), sum(g.width for g in before), max(1, span_width))
    width = max(width, 8)
    left_width, right_width = sum(g.width for g in before), sum(g.width for g in after)
    if span_width + 2 > width:  # the span alone is too long: show its beginning
        left: list[_Grapheme] = []
        span = _take(span, width - 1 - (1 if before else 0))
        right: list[_Grapheme] = []
        right_cut = True
        left_cut = bool(before)
    else:
        room = width - span_width
        half = room // 2
        if left_width <= half:
            left, left_cut = before, False
            right_cut = right_width > room - left_width
            right = _take(after, room - left_width - right_cut)
        elif right_width <= room - half:
            right, right_cut = after, False
            left_cut = True
            left = list(reversed(_take(list(reversed(before)), room - right_width - 1)))
        else:
            left_cut = right_cut = True
            left = list(reversed(_take(list(reversed(before)), half - 1)))
            right = _take(after, room - half - 1)
    prefix = (ELLIPSIS if left_cut else "") + "".join(g.shown for g in left)
    text = prefix + "".join(g.shown for g in span) + "".join(g.shown for g in right) + (ELLIPSIS if right_cut else "")
    return Excerpt(text, cells(prefix), max(1, sum(g.width for g in span)))


# --- --diff ---------------------------------------------------------------------------------------


_HUNK = regex.compile(r"@@ -\d+(?:,(\d+))? \+\d+(?:,(\d+))? @@")


def coloured_diff(diff: str, color: bool) -> tuple[list[Text], str]:
    """A unified diff for a person to read: lines styled as `git diff` styles them (when `color`),
    the changed characters of a changed line highlighted, invisible characters made visible.
    Returns the lines and the legend of the stand-ins used ("" for none)."""
    lines = diff.splitlines()
    out: list[Text] = []
    shown: list[str] = []
    old_left = new_left = 0  # lines of the current hunk still to come
    i = 0
    while i < len(lines):
        line = lines[i]
        hunk = _HUNK.match(line)
        if old_left <= 0 and new_left <= 0 and not hunk:  # file header ("--- a/post.md")
            out.append(Text(line, style="bold" if color else ""))
            i += 1
            continue
        if hunk:
            old_left, new_left = (int(n) if n is not None else 1 for n in hunk.groups())
            out.append(Text(line, style="cyan" if color else ""))
            i += 1
            continue
        if line.startswith("-"):
            removed = _run(lines, i, "-", old_left)
            added = _run(lines, i + len(removed), "+", new_left)
            old_left, new_left = old_left - len(removed), new_left - len(added)
            paired = len(removed) == len(added)
            for k, old in enumerate(removed):
                out.append(_changed_line(old, added[k] if paired else None, "-", color))
            for k, new in enumerate(added):
                out.append(_changed_line(new, removed[k] if paired else None, "+", color))
            shown.extend(visible(x) for x in removed + added)
            i += len(removed) + len(added)
            continue
        if line.startswith("+"):
            out.append(_changed_line(line, None, "+", color))
            new_left -= 1
        elif line.startswith("\\"):  # "\ No newline at end of file"
            out.append(Text(line, style="dim" if color else ""))
        else:
            out.append(styled_visible(line) if color else Text(visible(line)))
            old_left, new_left = old_left - 1, new_left - 1
        shown.append(visible(line))
        i += 1
    return out, legend("\n".join(shown))


def _run(lines: list[str], start: int, sign: str, limit: int) -> list[str]:
    run = []
    while start < len(lines) and len(run) < limit and lines[start].startswith(sign):
        run.append(lines[start])
        start += 1
    return run


def _changed_line(line: str, other: str | None, sign: str, color: bool) -> Text:
    style = {"-": "red", "+": "green"}[sign] if color else ""
    body = line[1:]
    text = Text(sign, style=style)
    if not color:
        return text + Text(visible(body))
    if other is None:
        return text + styled_visible(body, style)
    matcher = difflib.SequenceMatcher(None, body, other[1:], autojunk=False)
    for op, a1, a2, _b1, _b2 in matcher.get_opcodes():
        text.append_text(styled_visible(body[a1:a2], style if op == "equal" else f"{style} reverse"))
    return text
