"""`--fix`, `--diff` and `--unsafe-fixes`: applying findings' replacements to files.

A finding is fixable when it is `fix_safe` (the engine guarantees a single replacement: term
substitutions, brand casing, typography) or, with `--unsafe-fixes`, when it has exactly one
replacement whatever its rule (LanguageTool suggestions, regex substitutions). Whole-document
findings are never fixed. Edits never overlap: where two would, the first (a safe one before an
unsafe one, then the longest, at the same place) wins and the other waits for the next round.

Fixing runs in rounds (fix, check the fixed text again, fix what is left) until nothing fixable
remains, so a second `--fix` finds nothing to do. Files are written atomically (a temporary file
in the same folder with the file's owner, mode and attributes, then a rename) and only if they
still hold what was checked; a change made while writing is detected and kept. Read-only files
and files with several hard links are not rewritten. Offsets count in the decoded text, after
any BOM; everything outside the edits is kept byte for byte: the BOM, line endings, front matter
and the final newline. The engine never offers an edit touching a link, HTML, code or a block the
parser kept raw (`parsing.protected`).
"""

from __future__ import annotations

import codecs
import difflib
import os
import stat
import tempfile
import time
import warnings
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from brandvoice.errors import BrandvoiceWarning
from brandvoice.files import SourceFile, decode_source
from brandvoice.findings import FileResult, Finding, RunResult

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
    original: str  # the text that was checked (after any BOM)
    fixed: str
    applied: int = 0

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
    results = {r.path: r for r in run.files}
    fixes = {r.path: FileFix(r.path, r.source, r.source) for r in run.files}
    seen = {path: {fix.fixed} for path, fix in fixes.items()}
    pending = list(results)
    for _ in range(max_rounds):
        changed: list[SourceFile] = []
        for path in pending:
            edits = plan(results[path].findings, unsafe)
            if not edits:
                continue
            new_text = apply(fixes[path].fixed, edits)
            if new_text in seen[path]:
                continue  # rules undoing each other: stop here for this file
            seen[path].add(new_text)
            fixes[path].fixed = new_text
            fixes[path].applied += len(edits)
            changed.append(SourceFile(path, new_text))
        if not changed:
            break
        for result in recheck(changed).files:
            results[result.path] = result
        pending = [s.path for s in changed]
    remaining = RunResult(files=[results[r.path] for r in run.files], skipped=run.skipped, rules=run.rules)
    return FixOutcome(remaining, [f for f in fixes.values() if f.changed])


def write_fixes(outcome: FixOutcome, checked: RunResult) -> None:
    """Write each fixed file atomically. Files changed since they were read, read-only files and
    files with several hard links are left alone and listed in `outcome.problems`; their
    findings from `checked` (the run before fixing) stay."""
    for fix in outcome.files:
        try:
            write_atomically(Path(fix.path), fix.original, fix.fixed)
        except FileChanged as exc:
            outcome.problems.append((fix.path, str(exc) or "changed since it was checked; not fixed"))
        except NotWritten as exc:
            outcome.problems.append((fix.path, f"{exc}; not fixed"))
        except OSError as exc:
            outcome.problems.append((fix.path, f"cannot write: {exc.strerror or exc}"))
    not_written = {path for path, _ in outcome.problems}
    outcome.files = [f for f in outcome.files if f.path not in not_written]
    before = {r.path: r for r in checked.files}
    outcome.run.files = [before[r.path] if r.path in not_written else r for r in outcome.run.files]


def write_atomically(path: Path, original: str, fixed: str) -> None:
    """Replace the file's text `original` with `fixed`: a new file in the same folder, with the
    old one's owner, mode and extended attributes, renamed over it. Refused (`NotWritten`) for a
    read-only file, one you may not write, and one with several hard links (a rename would split
    them); `FileChanged` if the file no longer holds `original` just before the rename. A writer
    that still held the old file may write into it after that: once no one holds it any more,
    what they appended is appended to the fixed file (a warning says so), and anything else they
    wrote is kept beside it as `<name>.brandvoice-conflict` (`FileChanged`). Nothing is lost."""
    target = path.resolve()  # write through symlinks rather than replacing them
    with open(target, "rb") as old:  # kept open: a write into the old file after the rename is seen
        info = os.fstat(old.fileno())
        _check_writable(target, info)
        data = old.read()
        if decode_source(str(path), data).text != original:
            raise FileChanged("changed since it was checked; not fixed")
        new = (codecs.BOM_UTF8 if data.startswith(codecs.BOM_UTF8) else b"") + fixed.encode("utf-8")
        descriptor, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".brandvoice")
        try:
            with os.fdopen(descriptor, "wb") as handle:
                handle.write(new)
                handle.flush()
                _same_owner_mode_and_attributes(handle.fileno(), target, info)
                os.fsync(handle.fileno())
            # last look, just before the rename: the same file, not written since it was read
            if _stamp(os.stat(target)) != _stamp(info) or _stamp(os.fstat(old.fileno())) != _stamp(info):
                raise FileChanged("changed since it was checked; not fixed")
            os.replace(temporary, target)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
        _wait_until_alone(old.fileno())
        if _stamp(os.fstat(old.fileno())) == _stamp(info):
            return
        old.seek(0)
        theirs = old.read()
    if theirs.startswith(data):  # appended to, the usual case (a log, another tool adding lines)
        with open(target, "ab") as fixed_file:
            fixed_file.write(theirs[len(data) :])
        warnings.warn(BrandvoiceWarning(f"{path}: appended to while being fixed; what was appended is kept, after the fixes"))
        return
    conflict = target.with_name(target.name + ".brandvoice-conflict")
    conflict.write_bytes(theirs)
    raise FileChanged(f"changed by another program while being fixed; its version is kept in {conflict}")


class NotWritten(Exception):
    """A file brandvoice will not rewrite (read-only, hard links, another owner): why."""


def _check_writable(target: Path, info: os.stat_result) -> None:
    if not info.st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH):
        raise NotWritten("read-only")
    if not os.access(target, os.W_OK):
        raise NotWritten("not writable by you")
    if info.st_nlink > 1:
        raise NotWritten(f"has {info.st_nlink} hard links, which a rewrite would split (see --diff)")


def _stamp(info: os.stat_result) -> tuple[int, int, int, int]:
    return (info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns)


def _same_owner_mode_and_attributes(descriptor: int, target: Path, info: os.stat_result) -> None:
    mine = os.fstat(descriptor)
    if (mine.st_uid, mine.st_gid) != (info.st_uid, info.st_gid):
        try:
            os.fchown(descriptor, info.st_uid, info.st_gid)  # before chmod: chown clears set-id bits
        except PermissionError:
            raise NotWritten(f"owned by uid {info.st_uid}, gid {info.st_gid}, which a rewrite would change") from None
    os.fchmod(descriptor, stat.S_IMODE(info.st_mode))
    try:
        names = os.listxattr(target)
    except OSError:
        return  # no extended attributes here
    for name in names:  # ACLs, labels, user attributes: best effort
        try:
            os.setxattr(descriptor, name, os.getxattr(target, name))
        except OSError:
            pass


def _wait_until_alone(descriptor: int, patience: float = 2.0) -> None:
    """Wait (a little) until no other process holds the replaced file open. Linux grants a write
    lease only to a file no one else has open: taken and given back at once, it is the probe.
    Nobody can open the replaced file by its name any more, so nobody waits on the lease."""
    import fcntl

    deadline = time.monotonic() + patience
    while True:
        try:
            fcntl.fcntl(descriptor, fcntl.F_SETLEASE, fcntl.F_WRLCK)
        except BlockingIOError:  # someone else holds it open
            if time.monotonic() > deadline:
                return
            time.sleep(0.0005)
            continue
        except OSError:  # leases unavailable here (another owner, a network file system)
            time.sleep(0.002)
            return
        fcntl.fcntl(descriptor, fcntl.F_SETLEASE, fcntl.F_UNLCK)
        return


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
