"""`brandvoice watch` re-checks a draft when it is saved."""

import os
import subprocess
import sys
import time

from brandvoice.cli.watch import fit_rows
from helpers import ROOT


def read_until(proc, needle: str, timeout: float = 60) -> str:
    seen = ""
    deadline = time.time() + timeout
    while time.time() < deadline:
        line = proc.stdout.readline()
        seen += line
        if needle in seen:
            return seen
    raise AssertionError(f"{needle!r} not seen in {seen!r}")


def test_watch_redraws_after_a_save(tmp_path):
    draft = tmp_path / "d.md"
    draft.write_text("Un séjour au calme.\n", encoding="utf-8")
    env = {**os.environ, "NO_COLOR": "1", "PYTHONUNBUFFERED": "1"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "brandvoice", "watch", str(draft), "-b", "hotelia", "--no-grammar"],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env, cwd=ROOT,
    )
    try:
        first = read_until(proc, "watching for changes")
        assert "0 errors" in first
        time.sleep(0.5)
        draft.write_text("Un séjour chez hotelia.\n", encoding="utf-8")
        second = read_until(proc, "suggestion: “Hotelia”")
        # the file and the summary come first, so a short pane never scrolls them away
        header = second[second.index(str(draft)):]
        assert header.index("1 file checked: 1 error") < header.index("watching for changes")
        assert header.index("watching for changes") < header.index("hotelia.names.hotelia")
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_watch_keeps_its_guides_until_one_is_edited(tmp_path):
    """A save re-checks with the guides already loaded; an edited guide is read again."""
    guide = tmp_path / "maison.yaml"
    rule = "name: Maison\nlanguage: fr-FR\nterms:\n  - {{use: {0}, not: [{1}], case_sensitive: true}}\n"
    guide.write_text(rule.format("Maison", "maison"), encoding="utf-8")
    draft = tmp_path / "d.md"
    draft.write_text("Un séjour au calme.\n", encoding="utf-8")
    env = {**os.environ, "NO_COLOR": "1", "PYTHONUNBUFFERED": "1"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "brandvoice", "watch", str(draft), "-b", str(guide), "--no-grammar"],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env, cwd=ROOT,
    )
    try:
        assert "0 errors" in read_until(proc, "watching for changes")
        time.sleep(0.5)
        draft.write_text("Un séjour à la maison.\n", encoding="utf-8")
        assert "maison.terms.maison" in read_until(proc, "suggestion: “Maison”")
        time.sleep(0.5)
        guide.write_text(rule.format("Séjour", "séjour"), encoding="utf-8")
        draft.write_text("Un séjour à la maison !\n", encoding="utf-8")
        assert "maison.terms.séjour" in read_until(proc, "suggestion: “Séjour”")
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_a_redraw_keeps_to_the_rows_of_the_pane():
    report = "".join(f"line {i}\n" for i in range(10))
    assert fit_rows(report, 10, 80) == report
    assert fit_rows(report, 5, 80) == "line 0\nline 1\nline 2\nline 3\n… +6\n"
    # a line twice as wide as the pane takes two rows
    assert fit_rows("x" * 100 + "\nb\nc\n", 4, 50) == "x" * 100 + "\nb\nc\n"
    assert fit_rows("x" * 100 + "\nb\nc\n", 3, 50) == "x" * 100 + "\n… +2\n"
