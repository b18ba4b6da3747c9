"""Fuzz targets (issue 19), driven by hypothesis: drafts, guides and `--fix`.

- drafts of Markdown and text built from hostile pieces (CR-only lines, NUL, deep quotes,
  autolinks, HTML, code, emoji, French punctuation) never crash a check, and every finding lies
  exactly where it says: its offsets hold its matched text, its line and column are right;
- `--fix` never changes a byte of a link (autolink, raw URL, reference definition, link target),
  an HTML tag, code or an e-mail address, whatever surrounds them;
- guides made of random keys, values, anchors and aliases load or give a guide error (never a
  traceback), and a guide that loads checks a draft without crashing.

CI runs a few hundred examples per target. A longer run, e.g. before a release:

    BRANDVOICE_FUZZ_EXAMPLES=20000 .venv/bin/python -m pytest tests/test_fuzz.py

(hypothesis keeps the failures it finds in .hypothesis/ and replays them first next time.)
"""

from __future__ import annotations

import os

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from brandvoice.errors import BrandvoiceError
from brandvoice.files import SourceFile
from brandvoice.fixes import fix_run
from brandvoice.parsing.document import LineIndex
from brandvoice.runner import Checker, RunOptions

EXAMPLES = int(os.environ.get("BRANDVOICE_FUZZ_EXAMPLES", "150"))
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.function_scoped_fixture],
)
HOTELIA = RunOptions(brand="hotelia", grammar=False, cache=False)


# --- drafts: no crash, exact positions -------------------------------------------------------

DRAFT_PIECES = st.sampled_from([
    "Chez HOTELIA", "l'hôtel", " ?", "!", ":", "...", '"bien"', "20€", "email", "check-in", "«oui»", "Hotelia club",
    "\n", "\r", "\r\n", "\n\n", "# ", "> ", "- ", "1. ", "    ", "\t", "**", "*", "_", "`", "```", "~~~", "[", "]",
    "(", ")", "<", ">", "&amp;", "&#x1F600;", "\\", "|", "---", "\0", "\u00a0", "\u202f", "😀", "👨‍👩‍👧", "🇫🇷",
    "<https://ex.fr/faq?>", "https://ex.fr/l'a?b=1", "<a title=\"l'a ?\">", "</a>", "<!-- note -->",
    "[lien](https://ex.fr/x?y \"t\")", "![img](a.png)", "[ref]: https://ex.fr/r", "@marie", "#Été2026",
    "contact@hotelia.fr", "<!-- brandvoice-disable -->", "<!-- brandvoice-enable -->", "---\nbrand: hotelia\n---\n",
    "> > > > > > > > > > > > ", "- - - - - - - - - - ",
])
DRAFTS = st.lists(st.one_of(DRAFT_PIECES, st.text(max_size=8)), max_size=30).map("".join)


@FUZZ
@given(DRAFTS, st.sampled_from(["post.md", "post.txt"]))
def test_drafts_never_crash_and_findings_are_exactly_placed(text, path):
    try:
        run = Checker(HOTELIA).check_sources([SourceFile(path, text)])
    except BrandvoiceError:
        return  # a user-facing error (bad front matter...), not a crash
    [result] = run.files
    lines = LineIndex(text)
    for f in result.findings:
        assert 0 <= f.offset <= f.offset + f.length <= len(text)
        assert text[f.offset : f.offset + f.length] == f.match
        assert lines.position(f.offset) == (f.line, f.column)
        assert lines.position(f.offset + f.length) == (f.end_line, f.end_column)


# --- --fix: links, HTML and code are never rewritten -----------------------------------------

# each holds something a fix would change (HOTELIA, l'a, " ?", "...", 20€) if it were prose
PROTECTED = [
    "<https://ex.fr/faq?>", "<https://ex.fr/l'offre?x=HOTELIA...>", "https://ex.fr/l'offre?x=HOTELIA&y=20€",
    "_https://ex.fr/l'a?HOTELIA", "www.hotelia.fr/l'a?b", "contact@hotelia.fr", "<contact@hotelia.fr>",
    "<a title=\"l'HOTELIA : 20€ ?\">", "<img alt=\"l'HOTELIA ?\" src='x.png'/>", "<!-- l'HOTELIA ? -->",
    "`l'HOTELIA ? email`", "[voir](https://ex.fr/HOTELIA?x=1 \"titre l'a ?\")", "![l'HOTELIA ?](img/HOTELIA.png)",
    "\n\n[ref]: https://ex.fr/faq?q=HOTELIA \"l'hôtel ?\"\n\n", "\n\n```\nl'HOTELIA ?\n```\n\n",
    "\n\n[l'HOTELIA ?]: https://ex.fr/x\n\n", "[l'HOTELIA ?]",
]
IN_PLAIN_TEXT = [p for p in PROTECTED if p.startswith(("<", "http", "_http", "www", "contact"))]
TRIGGERS = ["HOTELIA", "l'hôtel", " ?", "!", "...", '"bien"', "20€", "email", "check-in", "Hotelia club", ":", "«oui»"]
SEPARATORS = [" ", "\n", "\n\n", "\n\n- ", "\n\n> ", "\n\n# ", " **", "** ", " _", "_ ", "\r\n"]


@FUZZ
@given(
    st.lists(st.tuples(st.sampled_from(SEPARATORS), st.sampled_from(PROTECTED + TRIGGERS * 2)), min_size=1, max_size=12),
    st.sampled_from(["post.md", "post.txt"]),
)
def test_fix_never_touches_links_html_or_code(parts, path):
    text = "".join(separator + piece for separator, piece in parts)
    checker = Checker(HOTELIA)
    outcome = fix_run(checker.check_sources([SourceFile(path, text)]), checker.check_sources)
    fixed = outcome.files[0].fixed if outcome.files else text
    for piece in PROTECTED if path.endswith(".md") else IN_PLAIN_TEXT:
        if piece == "[l'HOTELIA ?]" and "[l'HOTELIA ?]:" not in text:
            continue  # a reference label only when the reference is defined; else plain text
        assert fixed.count(piece) == text.count(piece), (piece, text, fixed)


# --- guides: load or a guide error; a loaded guide checks a draft ----------------------------

SCALARS = st.one_of(
    st.none(), st.booleans(), st.integers(-3, 300), st.floats(allow_nan=False, width=16),
    st.sampled_from(["error", "warning", "off", "fr-FR", "en", "x", "", "(a|aa)+$", "{match}", "{match:>9}",
                     "hotelia", "base-fr", "[", "\\b\\w+\\b", "require", "instagram", "*", "🙂"]),
    st.text(max_size=6),
)
KEYS = st.sampled_from(
    ["name", "language", "extends", "vocabulary", "accept", "reject", "terms", "use", "not", "rules", "kind",
     "tokens", "pattern", "swap", "max", "min", "message", "level", "levels", "typography", "nbsp", "channels",
     "hashtags", "voice", "register", "tone", "grammar", "disabled_rules", "score", "disclosure", "links",
     "existence", "substitution", "occurrence", "hype", "x"]
)
VALUES = st.recursive(SCALARS, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(KEYS, inner, max_size=4), max_leaves=20)
GUIDES = st.dictionaries(KEYS, VALUES, max_size=6)


@FUZZ
@given(GUIDES, st.sampled_from(["plain", "anchors", "mangled"]), st.integers(0, 200))
def test_guides_load_or_give_a_guide_error(tmp_path_factory, data, form, cut):
    text = yaml.safe_dump(data, allow_unicode=True)
    if form == "anchors" and data:  # the first value, anchored, and aliases to it everywhere else
        first = next(iter(data))
        text = text.replace(f"{first}:", f"{first}: &a", 1) + "".join(f"k{i}: *a\n" for i in range(3))
    elif form == "mangled":  # a cut, a stray character: broken YAML
        text = text[:cut] + "\0:[&*\n" + text[cut:]
    path = tmp_path_factory.mktemp("guide") / "g.yaml"
    path.write_text(text, encoding="utf-8")
    try:
        run = Checker(RunOptions(brand=str(path), grammar=False, cache=False)).check_sources(
            [SourceFile("post.md", "Chez HOTELIA, l'hôtel ? 20€... #Été2026\n")]
        )
    except BrandvoiceError:
        return
    assert len(run.files) == 1
