"""Changed files and lines from git, for `--diff-base REF` and `--changed`.

"Changed since REF" compares the working tree (committed, staged and unstaged edits) with the
merge base of REF and HEAD, as a pull request does, and counts untracked files as wholly new.
Without a REF, changes are counted since HEAD (what you are working on).

- `--diff-base REF`: only findings on added or changed lines are reported; findings about the
  whole document (length, disclosure, tone bands) are reported when the document changed.
- `--changed`: only changed files are checked, and all their findings are reported.

Either way unchanged files are not checked at all, so a pull request on a large content
repository costs what its changes cost.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from brandvoice.errors import BrandvoiceError
from brandvoice.findings import FileResult
from brandvoice.git import GitFailed, GitMissing, run_git

EMPTY_TREE = "4b825dc642cb6eb9a060e54bf8d69288fbee4904"  # git's well-known empty tree
_HUNK = re.compile(r"^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@")


@dataclass
class Changes:
    """Files changed since a base, by absolute path; `None` lines means the whole file is new."""

    base: str
    files: dict[str, frozenset[int] | None] = field(default_factory=dict)

    def touches(self, path: str) -> bool:
        return _key(path) in self.files

    def lines(self, path: str) -> frozenset[int] | None:
        return self.files.get(_key(path), frozenset())

    def restrict(self, result: FileResult) -> None:
        """Keep the findings on changed lines, and whole-document findings of changed files."""
        if result.path.startswith("<"):
            return  # standard input is not in the repository: all of it is new
        if not self.touches(result.path):
            result.findings = []
            return
        lines = self.lines(result.path)
        post = result.post
        if lines is None or (post is not None and post.sheet is not None):
            return  # new, or a workbook (git sees no lines in it): every finding of it is reported
        # a CSV post's lines count inside its cell: its cell starts on `post.line` of the file
        in_file = post.file_line if post is not None else (lambda line: line)
        result.findings = [
            f
            for f in result.findings
            if f.whole_document or any(in_file(line) in lines for line in range(f.line, f.end_line + 1))
        ]


def _key(path: str) -> str:
    return os.path.realpath(path)


def _git(args: list[str], cwd: Path) -> str:
    try:
        return run_git(args, cwd)
    except GitMissing:
        raise BrandvoiceError("--diff-base and --changed need git, which is not installed") from None


def changes_since(base: str | None, cwd: Path | None = None) -> Changes:
    cwd = cwd or Path.cwd()
    try:
        toplevel = Path(_git(["rev-parse", "--show-toplevel"], cwd).strip())
    except GitFailed:
        raise BrandvoiceError(f"--diff-base/--changed: {cwd} is not inside a git repository") from None
    since = _resolve_base(base, cwd)
    try:
        diff = _git(["diff", "--no-color", "--no-ext-diff", "--unified=0", "--find-renames", since, "--"], cwd)
        untracked = _git(["ls-files", "--others", "--exclude-standard", "-z", "--full-name"], toplevel)
    except GitFailed as exc:
        raise BrandvoiceError(f"git diff failed: {exc}") from None
    changes = Changes(since, parse_diff(diff, toplevel))
    for name in filter(None, untracked.split("\0")):
        changes.files[_key(str(toplevel / name))] = None
    return changes


def _resolve_base(base: str | None, cwd: Path) -> str:
    ref = base or "HEAD"
    try:
        _git(["rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}"], cwd)
    except GitFailed:
        if base is None:
            return EMPTY_TREE  # a repository without commits yet: everything is new
        raise BrandvoiceError(
            f"--diff-base {base}: no such commit, branch or tag here (in CI, fetch it first: "
            f"`git fetch origin {base.removeprefix('origin/')}`, or check out with fetch-depth: 0)"
        ) from None
    if base is None:
        return "HEAD"
    try:  # as a pull request: changes on this branch since it left `base`
        return _git(["merge-base", ref, "HEAD"], cwd).strip()
    except GitFailed:
        return ref  # unrelated histories: compare with the ref itself


def parse_diff(diff: str, toplevel: Path) -> dict[str, frozenset[int] | None]:
    """Added or changed lines (new-side numbers) per file from a `--unified=0` diff."""
    files: dict[str, set[int]] = {}
    current: set[int] | None = None
    for line in diff.splitlines():
        if line.startswith("+++ "):
            name = _unquote(line[4:])
            if name == "/dev/null":  # a deleted file: nothing to check
                current = None
                continue
            current = files.setdefault(_key(str(toplevel / name.removeprefix("b/"))), set())
        elif line.startswith("diff --git "):
            current = None
        elif current is not None and (m := _HUNK.match(line)):
            start, count = int(m.group(1)), int(m.group(2) or 1)
            current.update(range(start, start + count))
    return {path: frozenset(lines) for path, lines in files.items()}


def _unquote(name: str) -> str:
    """git quotes names with unusual characters C-style ("b/caf\\303\\251.md")."""
    if not (name.startswith('"') and name.endswith('"')):
        return name.rstrip("\t")
    raw = name[1:-1].encode("latin-1", "backslashreplace").decode("unicode_escape")
    return raw.encode("latin-1").decode("utf-8", "replace")
