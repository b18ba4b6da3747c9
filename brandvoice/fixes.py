"""`--fix`, `--diff` and `--unsafe-fixes`: applying findings' replacements to files.

A finding is fixable when it is `fix_safe` (the engine guarantees a single replacement: term
substitutions, brand casing, typography) or, with `--unsafe-fixes`, when it has exactly one
replacement whatever its rule (LanguageTool suggestions, regex substitutions). Whole-document
findings are never fixed. Edits never overlap: where two would, the first (a safe one before an
unsafe one, then the longest, at the same place) wins and the other waits for the next round.

Fixing runs in rounds (fix, check the fixed text again, fix what is left) until nothing fixable
remains, so a second `--fix` finds nothing to do. Files are written atomically (a temporary file
in the same folder, then a rename) and only if they still hold what was checked. A calendar's
posts are fixed in their cells (`calendars/writer.py`): only text cells change. Offsets count
in the decoded text, after any BOM; everything outside the edits is kept byte for byte: the BOM,
line endings, front matter and the final newline.
"""

from __future__ import annotations

import codecs
import difflib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from brandvoice.calendars.writer import CellFix, write_cells
from brandvoice.files import SourceFile, decode_source, replace_file
from brandvoice.findings import FileResult, Finding, Post, RunResult

MAX_ROUNDS = 10  # rules that keep rewriting each other's output stop here


@dataclass(frozen=True, slots=True)
class Edit:
    start: int
    end: int
    text: str
    rule: str


@dataclass
class FileFix:
    path: str
    original: str  # the text that was checked (after any BOM); a calendar post's: its cell's
    fixed: str
    applied: int = 0
    post: Post | None = None  # a calendar's post: the fix is written into its cell

    @property
    def key(self) -> tuple[str, Post | None]:
        return (self.path, self.post)

    @property
    def changed(self) -> bool:
        return self.fixed != self.original


@dataclass
class FixOutcome:
    run: RunResult  # findings left after fixing (what the report shows and the exit code uses)
    files: list[FileFix] = field(default_factory=list)
    problems: list[tuple[str, str]] = field(default_factory=list)  # (path, why it was not written)

    @property
    def applied(self) -> int:
        return sum(f.applied for f in self.files if f.changed)


class FileChanged(Exception):
    """The file on disk no longer holds the text that was checked."""


def is_fixable(finding: Finding, unsafe: bool = False) -> bool:
    if finding.whole_document or len(finding.replacements) != 1:
        return False
    if finding.replacements[0] == finding.match:
        return False  # a no-op would never converge
    return finding.fix_safe or unsafe


def plan(findings: Iterable[Finding], unsafe: bool = False) -> list[Edit]:
    """The non-overlapping edits to make, in text order."""
    candidates = sorted(
        (f for f in findings if is_fixable(f, unsafe)),
        key=lambda f: (f.offset, not f.fix_safe, -f.length, f.rule),  # at one place: safe, then longest
    )
    edits: list[Edit] = []
    for f in candidates:
        edit = Edit(f.offset, f.offset + f.length, f.replacements[0], f.rule)
        if not any(_conflict(edit, taken) for taken in edits):
            edits.append(edit)
    return sorted(edits, key=lambda e: (e.start, e.end))


def _conflict(a: Edit, b: Edit) -> bool:
    if a.start == b.start:
        return True  # two insertions, or two edits of the same start: order would be arbitrary
    if a.start == a.end:  # an insertion conflicts with an edit that strictly contains its point
        return b.start < a.start < b.end
    if b.start == b.end:
        return a.start < b.start < a.end
    return a.start < b.end and b.start < a.end


def apply(text: str, edits: Sequence[Edit]) -> str:
    """`text` with non-overlapping `edits` (in text order) applied; the rest is kept as is."""
    pieces, position = [], 0
    for edit in edits:
        pieces.append(text[position : edit.start])
        pieces.append(edit.text)
        position = edit.end
    pieces.append(text[position:])
    return "".join(pieces)


def fix_run(
    run: RunResult,
    recheck: Callable[[list[SourceFile]], RunResult],
    unsafe: bool = False,
    max_rounds: int = MAX_ROUNDS,
) -> FixOutcome:
    """Fix every file of `run` in memory, round after round; `recheck` checks changed texts
    (the runner's `check_sources` with the same options). Nothing is written here."""
    results = {_key(r): r for r in run.files}  # a calendar's posts share its path: keyed by (path, post)
    fixes = {_key(r): FileFix(r.path, r.source, r.source, post=r.post) for r in run.files}
    seen = {key: {fix.fixed} for key, fix in fixes.items()}
    pending = list(results)
    for _ in range(max_rounds):
        changed: list[SourceFile] = []
        for key in pending:
            edits = plan(results[key].findings, unsafe)
            if not edits:
                continue
            fix = fixes[key]
            new_text = apply(fix.fixed, edits)
            if new_text in seen[key]:
                continue  # rules undoing each other: stop here for this file
            seen[key].add(new_text)
            fix.fixed = new_text
            fix.applied += len(edits)
            changed.append(SourceFile(fix.path, new_text, post=fix.post))
        if not changed:
            break
        for result in recheck(changed).files:
            results[_key(result)] = result
        pending = [(s.path, s.post) for s in changed]
    remaining = RunResult(
        files=[results[_key(r)] for r in run.files], skipped=run.skipped, rules=run.rules, guides=run.guides, notes=run.notes
    )
    return FixOutcome(remaining, [f for f in fixes.values() if f.changed])


def _key(result: FileResult) -> tuple[str, Post | None]:
    return (result.path, result.post)


def write_fixes(outcome: FixOutcome, checked: RunResult) -> None:
    """Write each fixed file atomically; a calendar's fixed posts go into their cells, the whole
    calendar in one write. Files (or cells) changed since they were read are left alone and listed
    in `outcome.problems`; their findings from `checked` (the run before fixing) stay."""
    not_written: set[tuple[str, Post | None]] = set()
    calendars: dict[str, list[FileFix]] = {}
    for fix in outcome.files:
        if fix.post is not None:
            calendars.setdefault(fix.path, []).append(fix)
            continue
        problem = None
        try:
            write_atomically(Path(fix.path), fix.original, fix.fixed)
        except FileChanged:
            problem = "changed since it was checked; not fixed"
        except OSError as exc:
            problem = f"cannot write: {exc.strerror or exc}"
        if problem:
            outcome.problems.append((fix.path, problem))
            not_written.add(fix.key)
    for path, fixes in calendars.items():
        cells = [CellFix(f.post, f.original, f.fixed) for f in fixes]
        for post, problem in write_cells(Path(path), cells):
            outcome.problems.append((f"{path} {post.place}" if post else path, problem))
            not_written.update((path, f.post) for f in fixes if post is None or f.post == post)
    outcome.files = [f for f in outcome.files if f.key not in not_written]
    before = {_key(r): r for r in checked.files}
    outcome.run.files = [before[_key(r)] if _key(r) in not_written else r for r in outcome.run.files]


def write_atomically(path: Path, original: str, fixed: str) -> None:
    target = path.resolve()  # write through symlinks rather than replacing them
    data = target.read_bytes()
    if decode_source(str(path), data).text != original:
        raise FileChanged(str(path))
    bom = codecs.BOM_UTF8 if data.startswith(codecs.BOM_UTF8) else b""
    if not replace_file(target, bom + fixed.encode("utf-8"), data):
        raise FileChanged(str(path))


def unified_diff(fix: FileFix) -> str:
    """A `git apply`-able diff of one file's fixes (paths as given, with a/ and b/)."""
    path = fix.path.lstrip("/")
    lines = difflib.unified_diff(
        fix.original.splitlines(keepends=True),
        fix.fixed.splitlines(keepends=True),
        fromfile=f"a/{path}",
        tofile=f"b/{path}",
    )
    out = []
    for line in lines:
        out.append(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n")
    return "".join(out)


def fixable_count(results: Iterable[FileResult], unsafe: bool = False) -> int:
    return sum(1 for r in results for f in r.findings if is_fixable(f, unsafe))
