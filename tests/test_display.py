"""Terminal display: excerpts that fit the width with markers under the right characters (wide
characters and emoji by display width), invisible characters made visible, `--diff` coloured."""

from __future__ import annotations

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from brandvoice.display import cells, coloured_diff, excerpt, legend, visible
from helpers import run_cli

LINE = ("Enfin l’été chez hotelia ! Une vue incroyable sur la baie 🌅👨‍👩‍👧 et des chambres 中文 rénovées "
        "pour vous accueillir tout au long de l’année, réservez vite")


def marked(shown: str, start: int, width: int) -> str:
    """The characters of `shown` (a displayed line) whose cells lie under the marker."""
    out, position = [], 0
    for grapheme in regex.findall(r"\X", shown):
        if start <= position < start + width:
            out.append(grapheme)
        position += cells(grapheme)
    return "".join(out)


def test_a_line_that_fits_is_shown_whole_with_the_marker_under_the_match():
    at = LINE.index("hotelia")
    line = excerpt(LINE, at, at + 7)
    assert line.text == LINE
    assert (line.marker_start, line.marker_width) == (17, 7)


def test_a_long_line_becomes_a_window_around_the_finding():
    at = LINE.index("hotelia")
    line = excerpt(LINE, at, at + 7, 30)
    assert line.text == "…’été chez hotelia ! Une vue …"
    assert cells(line.text) <= 30
    assert marked(line.text, line.marker_start, line.marker_width) == "hotelia"


def test_emoji_and_wide_characters_count_two_cells():
    at = LINE.index("chambres")
    line = excerpt(LINE, at, at + 8)  # after 🌅 (2 cells) and a ZWJ family (2 cells, not 6)
    assert line.marker_start == at + 2 - 6 + 2
    assert marked(line.text, line.marker_start, line.marker_width) == "chambres"
    after = LINE.index("rénovées")
    wide = excerpt(LINE, after, after + 8, 24)
    assert "中文" in wide.text and marked(wide.text, wide.marker_start, wide.marker_width) == "rénovées"
    family = LINE.index("👨")
    line = excerpt(LINE, family, family + 5, 24)
    assert (marked(line.text, line.marker_start, line.marker_width), line.marker_width) == ("👨‍👩‍👧", 2)


def test_a_span_wider_than_the_terminal_shows_its_beginning():
    line = excerpt(LINE, 0, len(LINE), 20)
    assert line.text == "Enfin l’été chez ho…" and (line.marker_start, line.marker_width) == (0, 19)


def test_the_end_of_a_line_needs_no_ellipsis_after_it():
    line = excerpt(LINE, len(LINE) - 4, len(LINE), 30)
    assert line.text.startswith("…") and line.text.endswith("réservez vite")
    assert marked(line.text, line.marker_start, line.marker_width) == "vite"


def test_an_insertion_point_gets_one_marker():
    line = excerpt("Bonjour!", 7, 7)
    assert (line.marker_start, line.marker_width) == (7, 1)


CHARACTERS = st.sampled_from(list("abcdé ’«»!") + ["中", "🌅", "👨‍👩‍👧", "🇫🇷", "e\u0301", "\u202f", "\u00a0", "\t"])


@settings(max_examples=300, deadline=None)
@given(st.lists(CHARACTERS, min_size=1, max_size=80), st.data(), st.integers(min_value=8, max_value=60))
def test_the_window_always_fits_and_the_marker_always_lands_on_the_match(pieces, data, width):
    line = "".join(pieces)
    bounds = [0]
    for piece in pieces:
        bounds.append(bounds[-1] + len(piece))
    start = data.draw(st.sampled_from(bounds[:-1]))
    end = data.draw(st.sampled_from([b for b in bounds if b > start]))
    shown = excerpt(line, start, end, width)
    assert cells(visible(shown.text)) <= width
    under = marked(shown.text, shown.marker_start, shown.marker_width)
    expected = line[start:end].replace("\t", " ")
    assert under and expected.startswith(under)  # the match, or as much of it as fits
    if cells(visible(line.replace("\t", " "))) <= width:
        assert under == expected


def test_invisible_spaces_are_made_visible_with_a_legend():
    assert visible("Bonjour\u202f! Prix\u00a0: 20\u00a0€") == "Bonjour·! Prix⍽: 20⍽€"
    assert legend("Bonjour·!") == "· U+202F NARROW NO-BREAK SPACE"
    assert legend("Bonjour !") == ""


DIFF = "--- a/p.md\n+++ b/p.md\n@@ -1,2 +1,2 @@\n-Bonjour ! Ça va ?\n+Bonjour\u202f! Ça va\u202f?\n Prix\u00a0: 20 €\n"


def test_a_diff_without_colour_shows_the_spaces():
    lines, stand_ins = coloured_diff(DIFF, color=False)
    assert [line.plain for line in lines] == [
        "--- a/p.md", "+++ b/p.md", "@@ -1,2 +1,2 @@", "-Bonjour ! Ça va ?", "+Bonjour·! Ça va·?", " Prix⍽: 20 €",
    ]
    assert stand_ins == "⍽ U+00A0 NO-BREAK SPACE  · U+202F NARROW NO-BREAK SPACE"


def test_a_diff_in_colour_is_styled_like_git_diff_with_the_change_highlighted():
    lines, _ = coloured_diff(DIFF, color=True)
    header, _, hunk, removed, added, context = lines
    assert header.style == "bold" and hunk.style == "cyan"
    assert {span.style for span in removed.spans} == {"red", "red reverse"}
    highlighted = [added.plain[s.start : s.end] for s in added.spans if "reverse" in str(s.style)]
    assert highlighted == ["·", "·"]  # the two changed spaces, and nothing else
    stand_ins = [added.plain[s.start : s.end] for s in added.spans if s.style == "bold magenta"]
    assert stand_ins == ["·", "·"]  # shown in their own style: a real "·" would not be
    assert [context.plain[s.start : s.end] for s in context.spans] == ["⍽"]


def test_a_removed_line_that_starts_like_a_header_is_still_a_change():
    diff = "--- a/p.md\n+++ b/p.md\n@@ -1 +1 @@\n--- fin\n+-- fin.\n"
    lines, _ = coloured_diff(diff, color=True)
    assert lines[3].plain == "--- fin" and lines[3].spans[0].style == "red"


def test_the_cli_diff_is_a_plain_patch_in_a_pipe_and_coloured_for_a_person(tmp_path):
    (tmp_path / "post.md").write_text("Bonjour ! Ça va ?\n", encoding="utf-8")
    args = ("check", "post.md", "--lang", "fr", "--no-grammar", "--diff")
    plain = run_cli(*args, cwd=tmp_path)
    assert "+Bonjour\u202f! Ça va\u202f?" in plain.stdout and "\x1b[" not in plain.stdout
    coloured = run_cli(*args, cwd=tmp_path, env={"NO_COLOR": "", "FORCE_COLOR": "1"})
    assert "\x1b[31m-" in coloured.stdout and "\x1b[32m+" in coloured.stdout
    assert "·" in coloured.stdout and "U+202F NARROW NO-BREAK SPACE" in coloured.stdout


def test_the_cli_fits_excerpts_to_the_columns(tmp_path):
    (tmp_path / "post.md").write_text(LINE + "\n", encoding="utf-8")
    proc = run_cli("check", "post.md", "-b", "hotelia", "--no-grammar", cwd=tmp_path, env={"COLUMNS": "40"})
    lines = proc.stdout.splitlines()
    excerpts = [line for line in lines if "│" in line]
    assert len(excerpts) > 4 and all(cells(line) <= 40 for line in excerpts)
    at = next(i for i, line in enumerate(lines) if "hotelia.names.hotelia" in line)
    shown, marker = lines[at + 1], lines[at + 2]
    start = cells(marker[: marker.index("^")])
    assert marked(shown, start, marker.count("^")) == "hotelia"
