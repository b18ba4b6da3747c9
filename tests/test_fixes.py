"""`--fix`, `--diff`, `--unsafe-fixes`: planning, applying, writing byte for byte, and the CLI."""

from __future__ import annotations

import codecs
import os
import stat
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from brandvoice.files import SourceFile
from brandvoice.findings import Finding, Level
from brandvoice.errors import BrandvoiceWarning
from brandvoice.fixes import (
    Edit, FileChanged, NotWritten, apply, fix_run, fixable_count, plan, unified_diff, write_atomically, write_fixes,
)
from brandvoice.runner import Checker, RunOptions
from helpers import run_cli

HOTELIA = RunOptions(brand="hotelia", grammar=False)
if hasattr(HOTELIA, "cache"):
    HOTELIA.cache = False  # property tests must not fill the user's result cache


def finding(offset: int, length: int, text: str, replacement: tuple[str, ...], safe: bool = True,
            rule: str = "r.x", whole: bool = False) -> Finding:
    return Finding(rule, "brandvoice", "terminology", Level.ERROR, "m", 1, offset + 1, 1, offset + length + 1,
                   offset, length, text[offset : offset + length], replacement, safe, whole)


# --- planning and applying: pure properties ----------------------------------------------------

@st.composite
def text_and_findings(draw):
    text = draw(st.text(alphabet=st.sampled_from("ab é😀\r\n-"), max_size=40))
    findings = []
    for _ in range(draw(st.integers(0, 8))):
        start = draw(st.integers(0, len(text)))
        end = draw(st.integers(start, len(text)))
        replacements = tuple(draw(st.lists(st.text(alphabet="XYé\n", max_size=3), max_size=2)))
        findings.append(finding(start, end - start, text, replacements, safe=draw(st.booleans()),
                                whole=draw(st.booleans())))
    return text, findings


def _overlaps(a: Edit, b: Edit) -> bool:
    return a.start == b.start or (a.start < b.end and b.start < a.end) or (
        a.start == a.end and b.start < a.start < b.end) or (b.start == b.end and a.start < b.start < a.end)


@given(text_and_findings(), st.booleans())
def test_edits_never_overlap_and_text_outside_them_is_unchanged(case, unsafe):
    text, findings = case
    edits = plan(findings, unsafe)
    for i, a in enumerate(edits):
        for b in edits[i + 1 :]:
            assert not _overlaps(a, b)
    for e in edits:  # only fixable findings are planned
        assert any(
            (f.offset, f.offset + f.length, f.replacements) == (e.start, e.end, (e.text,))
            and not f.whole_document and (f.fix_safe or unsafe)
            for f in findings
        )
    fixed = apply(text, edits)
    # walk the output: the pieces between edits are the original text, untouched
    out, previous_end = 0, 0
    for e in edits:
        kept = text[previous_end : e.start]
        assert fixed[out : out + len(kept)] == kept
        out += len(kept)
        assert fixed[out : out + len(e.text)] == e.text
        out += len(e.text)
        previous_end = e.end
    assert fixed[out:] == text[previous_end:]
    # the same result as applying from the end backwards
    backwards = text
    for e in reversed(edits):
        backwards = backwards[: e.start] + e.text + backwards[e.end :]
    assert fixed == backwards


def test_safe_fix_wins_over_unsafe_at_the_same_place():
    text = "Chez HOTELIA."
    unsafe = finding(5, 7, text, ("hôtel",), safe=False, rule="a.unsafe")
    safe = finding(5, 7, text, ("Hotelia",), safe=True, rule="z.safe")
    assert [e.rule for e in plan([unsafe, safe], unsafe=True)] == ["z.safe"]
    assert plan([unsafe], unsafe=False) == []
    assert plan([finding(5, 7, text, ("Hotelia", "Hôtelia"), safe=False)], unsafe=True) == []


def test_the_longest_fix_wins_at_the_same_place():
    run = Checker(HOTELIA).check_sources([SourceFile("p.txt", "Rejoignez le hotelia club.")])
    outcome = fix_run(run, lambda sources: Checker(HOTELIA).check_sources(sources))
    assert outcome.files[0].fixed == "Rejoignez le HoteliaClub."


# --- fixing with the real engine: a second run finds nothing left -----------------------------

FRAGMENTS = ["Chez ", "HOTELIA", "hotelia", " le check-in", " un email", "Hotelia", " et ", "é", "😀", ". ",
             "\n", "\r\n", "Hotelia Club", "hotelia club", " booking", "!", " room service", "#Hotelia", " ",
             " <https://ex.fr/faq?> ", " https://ex.fr/l'offre?x=HOTELIA ", " `l'HOTELIA ?` ", "\r"]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(FRAGMENTS), max_size=25), st.booleans())
def test_fixing_twice_equals_fixing_once(parts, markdown):
    path = "post.md" if markdown else "post.txt"
    text = "".join(parts)
    recheck = lambda sources: Checker(HOTELIA).check_sources(sources)  # noqa: E731
    first = fix_run(Checker(HOTELIA).check_sources([SourceFile(path, text)]), recheck)
    fixed = first.files[0].fixed if first.files else text
    assert fixable_count(first.run.files) == 0
    second = fix_run(Checker(HOTELIA).check_sources([SourceFile(path, fixed)]), recheck)
    assert second.files == []  # nothing left to fix
    assert [f.rule for f in second.run.files[0].findings] == [f.rule for f in first.run.files[0].findings]


# --- writing: byte for byte, atomically, never over a changed file ----------------------------

@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(bom=st.booleans(), crlf=st.booleans(), front_matter=st.booleans(), final_newline=st.booleans(),
       body=st.lists(st.sampled_from(["Chez HOTELIA.", "Un email, svp.", "Rien à dire.", "Le check-in 😀."]),
                     min_size=1, max_size=4))
def test_fix_keeps_bom_line_endings_front_matter_and_final_newline(tmp_path_factory, bom, crlf, front_matter,
                                                                    final_newline, body):
    newline = "\r\n" if crlf else "\n"
    lines = (["---", "brand: hotelia", "title: HOTELIA email", "---"] if front_matter else []) + body
    text = newline.join(lines) + (newline if final_newline else "")
    raw = (codecs.BOM_UTF8 if bom else b"") + text.encode("utf-8")
    path = tmp_path_factory.mktemp("fix") / "post.md"
    path.write_bytes(raw)
    run = Checker(HOTELIA).check_sources([SourceFile(str(path), text)])
    outcome = fix_run(run, lambda sources: Checker(HOTELIA).check_sources(sources))
    write_fixes(outcome, run)
    assert outcome.problems == []
    data = path.read_bytes()
    assert data.startswith(codecs.BOM_UTF8) == bom
    decoded = data.decode("utf-8").removeprefix("\ufeff")
    assert decoded.endswith(newline) == final_newline
    assert decoded.count("\r\n") == text.count("\r\n") and decoded.count("\n") == text.count("\n")
    if front_matter:  # front matter is not prose: "HOTELIA email" there stays
        head = newline.join(lines[:4])
        assert decoded.startswith(head)
    assert "HOTELIA" not in decoded.split("---")[-1] and " email" not in decoded.split("---")[-1]


def test_a_file_changed_since_it_was_checked_is_not_written(tmp_path):
    path = tmp_path / "post.md"
    path.write_text("Chez HOTELIA.\n", encoding="utf-8")
    run = Checker(HOTELIA).check_sources([SourceFile(str(path), path.read_text(encoding="utf-8"))])
    outcome = fix_run(run, lambda sources: Checker(HOTELIA).check_sources(sources))
    path.write_text("Chez HOTELIA, modifié entre-temps.\n", encoding="utf-8")
    write_fixes(outcome, run)
    assert path.read_text(encoding="utf-8") == "Chez HOTELIA, modifié entre-temps.\n"
    assert outcome.problems and "changed since" in outcome.problems[0][1]
    assert any(f.rule == "hotelia.names.hotelia" for f in outcome.run.files[0].findings)  # still reported


def test_write_keeps_permissions_and_symlinks(tmp_path):
    real = tmp_path / "real.md"
    real.write_text("Chez HOTELIA.\n", encoding="utf-8")
    real.chmod(0o640)
    link = tmp_path / "link.md"
    link.symlink_to(real)
    write_atomically(link, "Chez HOTELIA.\n", "Chez Hotelia.\n")
    assert link.is_symlink() and real.read_text(encoding="utf-8") == "Chez Hotelia.\n"
    assert stat.S_IMODE(real.stat().st_mode) == 0o640
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".brandvoice")] == []


def test_unified_diff_marks_a_missing_final_newline():
    from brandvoice.fixes import FileFix

    diff = unified_diff(FileFix("p.md", "Chez HOTELIA.", "Chez Hotelia."))
    assert diff.splitlines() == ["--- a/p.md", "+++ b/p.md", "@@ -1 +1 @@", "-Chez HOTELIA.",
                                 "\\ No newline at end of file", "+Chez Hotelia.", "\\ No newline at end of file"]


# --- the CLI -------------------------------------------------------------------------------------

def test_cli_fix_rewrites_and_exit_code_reflects_what_remains(tmp_path):
    draft = tmp_path / "post.md"
    draft.write_text("Chez HOTELIA, réservez.\n", encoding="utf-8")
    proc = run_cli("check", "post.md", "-b", "hotelia", "--no-grammar", "--fix", cwd=tmp_path)
    assert proc.returncode == 0, proc.stdout + proc.stderr  # the only error was fixable
    assert draft.read_text(encoding="utf-8") == "Chez Hotelia, réservez.\n"
    assert "Fixed 1 finding in 1 file." in proc.stderr
    draft.write_text("Chez HOTELIA !!! Incroyable.\n", encoding="utf-8")
    proc = run_cli("check", "post.md", "-b", "hotelia", "--no-grammar", "--fix", cwd=tmp_path)
    assert proc.returncode == 1 and "hotelia.exclamations" in proc.stdout  # not fixable: still fails
    assert "hotelia.names.hotelia" not in proc.stdout


def test_cli_diff_writes_nothing(tmp_path):
    draft = tmp_path / "post.md"
    draft.write_text("Chez HOTELIA.\n", encoding="utf-8")
    proc = run_cli("check", "post.md", "-b", "hotelia", "--no-grammar", "--diff", cwd=tmp_path)
    assert proc.returncode == 1
    assert "-Chez HOTELIA.\n+Chez Hotelia.\n" in proc.stdout
    assert draft.read_text(encoding="utf-8") == "Chez HOTELIA.\n"
    clean = run_cli("check", "-", "--stdin-filename", "x.md", "-b", "hotelia", "--no-grammar", "--diff",
                    stdin="Chez Hotelia.\n")
    assert clean.returncode == 0 and clean.stdout == ""


def test_cli_unsafe_fixes_apply_single_unsafe_suggestions(tmp_path):
    (tmp_path / "g.yaml").write_text(
        "language: fr-FR\nrules:\n  hotel:\n    kind: substitution\n    regex: true\n    swap: {'h[ôo]tel\\b': 'maison'}\n",
        encoding="utf-8",
    )
    draft = tmp_path / "post.txt"
    draft.write_text("Un hôtel.\n", encoding="utf-8")
    args = ("check", "post.txt", "-b", "./g.yaml", "--no-grammar", "--fail-on", "suggestion")
    assert run_cli(*args, "--fix", cwd=tmp_path).returncode == 1
    assert draft.read_text(encoding="utf-8") == "Un hôtel.\n"  # a regex swap is not a safe fix
    proc = run_cli(*args, "--fix", "--unsafe-fixes", cwd=tmp_path)
    assert draft.read_text(encoding="utf-8") == "Un maison.\n" and proc.returncode == 0, proc.stdout


def test_cli_fix_refuses_stdin():
    proc = run_cli("check", "-", "-b", "hotelia", "--no-grammar", "--fix", stdin="Chez HOTELIA.\n")
    assert proc.returncode == 2 and "standard input" in proc.stderr


def test_fix_real_french_tweets_changes_only_typography(tmp_path):
    """Real tweets (DEFT 2017, see tests/data/fix/SOURCE.txt): --fix changes nothing but
    typography, and a second run finds nothing left to fix."""
    import difflib

    tweets = (Path(__file__).parent / "data" / "fix" / "tweets-fr.txt").read_text(encoding="utf-8").splitlines()
    for i, tweet in enumerate(tweets):
        (tmp_path / f"t{i:02}.txt").write_text(tweet + "\n", encoding="utf-8")
    args = ("check", ".", "-b", "hotelia", "--no-grammar", "--select", "typography")
    proc = run_cli(*args, "--fix", cwd=tmp_path)
    assert f"in {len(tweets)} files." in proc.stderr, proc.stderr  # every sample tweet had something to fix
    typographic = set(" '\"….«»€\u00a0\u202f’")
    for i, tweet in enumerate(tweets):
        fixed = (tmp_path / f"t{i:02}.txt").read_text(encoding="utf-8").removesuffix("\n")
        for op, a1, a2, b1, b2 in difflib.SequenceMatcher(None, tweet, fixed, autojunk=False).get_opcodes():
            if op != "equal":
                assert set(tweet[a1:a2]) | set(fixed[b1:b2]) <= typographic, (tweet, fixed)
    again = run_cli(*args, "--diff", cwd=tmp_path)
    assert again.returncode == 0 and again.stdout == "", again.stdout


@pytest.mark.languagetool
def test_unsafe_fixes_apply_languagetool_single_suggestions(tmp_path):
    from brandvoice.languagetool.install import find_installation, find_java

    if find_java() is None or find_installation(("en",)) is None:
        pytest.skip("LanguageTool is not installed (brandvoice languagetool install)")
    draft = tmp_path / "post.txt"
    draft.write_text("This is is a test of teh system.\n", encoding="utf-8")
    args = ("check", "post.txt", "--lang", "en")
    assert run_cli(*args, "--diff", cwd=tmp_path).stdout == ""  # LanguageTool's fixes are not safe ones
    proc = run_cli(*args, "--fix", "--unsafe-fixes", cwd=tmp_path)
    # the doubled word has one suggestion and is fixed; the typo has several and stays reported
    assert draft.read_text(encoding="utf-8") == "This is a test of teh system.\n"
    assert proc.returncode == 1 and "MORFOLOGIK" in proc.stdout


# --- issue 19: read-only files, hard links, owner and mode, concurrent writers -------------------

def _fixed_run(path: Path):
    text = path.read_text(encoding="utf-8")
    checker = Checker(HOTELIA)
    run = checker.check_sources([SourceFile(str(path), text)])
    return run, fix_run(run, checker.check_sources)


def test_read_only_files_are_not_rewritten(tmp_path):
    draft = tmp_path / "post.md"
    draft.write_text("Chez HOTELIA.\n", encoding="utf-8")
    draft.chmod(0o444)
    proc = run_cli("check", "post.md", "-b", "hotelia", "--no-grammar", "--select", "hotelia.names", "--fix", cwd=tmp_path)
    assert "post.md: read-only; not fixed" in proc.stderr and proc.returncode == 1, proc.stderr
    assert draft.read_text(encoding="utf-8") == "Chez HOTELIA.\n" and stat.S_IMODE(draft.stat().st_mode) == 0o444
    assert "hotelia.names.hotelia" in proc.stdout  # still reported


def test_hard_links_are_not_split(tmp_path):
    draft = tmp_path / "post.md"
    draft.write_text("Chez HOTELIA.\n", encoding="utf-8")
    os.link(draft, tmp_path / "copy.md")
    run, outcome = _fixed_run(draft)
    write_fixes(outcome, run)
    assert outcome.problems == [(str(draft), "has 2 hard links, which a rewrite would split (see --diff); not fixed")]
    assert draft.stat().st_ino == (tmp_path / "copy.md").stat().st_ino and draft.stat().st_nlink == 2


@pytest.mark.skipif(os.geteuid() != 0, reason="changing a file's owner needs root")
def test_owner_mode_and_extended_attributes_are_kept(tmp_path):
    draft = tmp_path / "post.md"
    draft.write_text("Chez HOTELIA.\n", encoding="utf-8")
    os.chown(draft, 65534, 65534)
    draft.chmod(0o640)
    try:
        os.setxattr(draft, "user.brandvoice-test", b"kept")
        xattr = True
    except OSError:
        xattr = False  # a file system without user attributes
    write_atomically(draft, "Chez HOTELIA.\n", "Chez Hotelia.\n")
    info = draft.stat()
    assert (info.st_uid, info.st_gid, stat.S_IMODE(info.st_mode)) == (65534, 65534, 0o640)
    assert draft.read_text(encoding="utf-8") == "Chez Hotelia.\n"
    if xattr:
        assert os.getxattr(draft, "user.brandvoice-test") == b"kept"


@pytest.mark.skipif(os.geteuid() != 0, reason="needs another user to write as")
def test_a_file_of_another_owner_is_not_taken_over(tmp_path):
    """A file you may write but do not own: a rewrite would make it yours. Refused."""
    import shutil
    import tempfile

    shared = Path(tempfile.mkdtemp(prefix="brandvoice-shared-"))
    try:
        shared.chmod(0o777)
        draft = shared / "post.md"
        draft.write_text("Chez HOTELIA.\n", encoding="utf-8")
        draft.chmod(0o666)  # writable by anyone, owned by root
        os.setegid(65534)
        os.seteuid(65534)  # this process writes as nobody
        try:
            with pytest.raises(NotWritten, match=r"^owned by uid 0, gid 0, which a rewrite would change$"):
                write_atomically(draft, "Chez HOTELIA.\n", "Chez Hotelia.\n")
        finally:
            os.seteuid(0)
            os.setegid(0)
        assert draft.stat().st_uid == 0 and draft.read_text(encoding="utf-8") == "Chez HOTELIA.\n"
        assert [p.name for p in shared.iterdir()] == ["post.md"]  # no temporary file left
    finally:
        shutil.rmtree(shared)


def test_a_write_between_reading_and_renaming_is_detected(tmp_path, monkeypatch):
    from brandvoice import files

    draft = tmp_path / "post.md"
    draft.write_text("Chez HOTELIA.\n", encoding="utf-8")
    keep = files._same_owner_mode_and_attributes

    def meanwhile(*args):
        with open(draft, "a", encoding="utf-8") as other:
            other.write("Ajouté par un autre.\n")
        keep(*args)

    monkeypatch.setattr(files, "_same_owner_mode_and_attributes", meanwhile)
    with pytest.raises(FileChanged, match="changed since it was checked"):
        write_atomically(draft, "Chez HOTELIA.\n", "Chez Hotelia.\n")
    assert draft.read_text(encoding="utf-8") == "Chez HOTELIA.\nAjouté par un autre.\n"
    assert [p.name for p in tmp_path.iterdir()] == ["post.md"]


def test_a_write_into_the_old_file_after_the_rename_is_kept(tmp_path, monkeypatch):
    """The last look and the rename are not one step: a writer holding the old file can write
    into it after the rename. What it appended is appended to the fixed file; any other change
    is kept beside it. Nothing is lost either way."""
    draft = tmp_path / "post.md"
    real_replace = os.replace

    def racing(writer_mode: str, write: bytes):
        def replace(source, destination):
            with open(draft, writer_mode) as other:  # opened before the rename: the old file
                real_replace(source, destination)
                other.write(write)
        return replace

    draft.write_text("Chez HOTELIA.\n", encoding="utf-8")
    monkeypatch.setattr(os, "replace", racing("ab", "Ajouté.\n".encode()))
    with pytest.warns(BrandvoiceWarning, match="appended to while being fixed"):
        write_atomically(draft, "Chez HOTELIA.\n", "Chez Hotelia.\n")
    assert draft.read_text(encoding="utf-8") == "Chez Hotelia.\nAjouté.\n"

    draft.write_text("Chez HOTELIA.\n", encoding="utf-8")
    monkeypatch.setattr(os, "replace", racing("r+b", b"Chez XX"))
    with pytest.raises(FileChanged, match="its version is kept in"):
        write_atomically(draft, "Chez HOTELIA.\n", "Chez Hotelia.\n")
    assert draft.read_text(encoding="utf-8") == "Chez Hotelia.\n"
    assert (tmp_path / "post.md.brandvoice-conflict").read_text(encoding="utf-8") == "Chez XXTELIA.\n"


def test_a_concurrent_appender_loses_nothing(tmp_path):
    """The attack run's reproducer: another process appends lines while --fix rewrites the file,
    round after round. Every appended line survives."""
    import subprocess
    import sys
    import warnings

    draft = tmp_path / "post.md"
    draft.write_text("HOTELIA\n", encoding="utf-8")
    stop = tmp_path / "stop"
    appender = subprocess.Popen(
        [sys.executable, "-c", (
            "import os, sys, time\nn = 0\n"
            f"while not os.path.exists({str(stop)!r}):\n"
            "    n += 1\n"
            f"    with open({str(draft)!r}, 'a') as f: f.write(f'line {{n}}\\n')\n"
            "    time.sleep(0.0005)\n"
            "print(n)\n"
        )],
        stdout=subprocess.PIPE, text=True,
    )
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", BrandvoiceWarning)
            for _ in range(300):
                text = draft.read_text(encoding="utf-8")
                toggled = text.replace("HOTELIA", "Hotelia", 1) if "HOTELIA" in text else text.replace("Hotelia", "HOTELIA", 1)
                try:
                    write_atomically(draft, text, toggled)
                except FileChanged:
                    pass  # detected and refused: the next round tries again
    finally:
        stop.touch()
        appended = int(appender.communicate(timeout=30)[0])
    lines = draft.read_text(encoding="utf-8").splitlines()
    assert sorted(lines[1:], key=lambda line: int(line.split()[1])) == [f"line {n}" for n in range(1, appended + 1)]
    assert not list(tmp_path.glob("*.brandvoice*"))
