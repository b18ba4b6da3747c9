"""Who last changed each file, and when, for files that live in git repositories.

One `git log` per repository (not one per file): the first time a path appears in the log is its
last commit. Files outside a repository, untracked files, or a machine without git simply get no
author and no date.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from brandvoice.git import GitFailed, GitMissing, run_git

_RECORD, _FIELD = "\x1e", "\x1f"
_PATHS_PER_CALL = 500  # keeps the command line well under the OS limit


@dataclass(frozen=True)
class Commit:
    author: str
    date: datetime  # the author date, with its time zone


def _git(args: list[str], cwd: Path) -> str | None:
    """git's output, or None: without git or a repository, files just have no author and date."""
    try:
        return run_git(args, cwd, timeout=120)
    except (GitMissing, GitFailed):
        return None


def repository_root(directory: Path, cache: dict[Path, Path | None]) -> Path | None:
    if directory not in cache:
        out = _git(["rev-parse", "--show-toplevel"], directory)
        cache[directory] = Path(out.strip()).resolve() if out and out.strip() else None
    return cache[directory]


def last_commits(paths: list[str]) -> dict[str, Commit]:
    """The last commit (author, date) of each path that git knows, keyed by the path as given."""
    roots: dict[Path, Path | None] = {}
    by_root: dict[Path, dict[str, str]] = defaultdict(dict)  # root -> {path relative to root: path as given}
    for shown in paths:
        path = Path(shown)
        if not path.is_file():
            continue
        absolute = path.resolve()
        root = repository_root(absolute.parent, roots)
        if root is not None:
            by_root[root][absolute.relative_to(root).as_posix()] = shown
    found: dict[str, Commit] = {}
    for root, wanted in by_root.items():
        relative = sorted(wanted)
        for i in range(0, len(relative), _PATHS_PER_CALL):
            chunk = relative[i : i + _PATHS_PER_CALL]
            log = _git(["log", f"--format={_RECORD}%aN{_FIELD}%aI", "--name-only", "--", *chunk], root)
            for rel, commit in _parse_log(log or "").items():
                if rel in wanted:
                    found.setdefault(wanted[rel], commit)
    return found


def _parse_log(log: str) -> dict[str, Commit]:
    """{path: newest commit touching it} from `git log --name-only` output (newest first)."""
    newest: dict[str, Commit] = {}
    for record in log.split(_RECORD):
        lines = record.strip("\n").split("\n")
        if not lines or _FIELD not in lines[0]:
            continue
        author, iso_date = lines[0].split(_FIELD, 1)
        try:
            date = datetime.fromisoformat(iso_date.strip())
        except ValueError:
            continue
        commit = Commit(author.strip(), date)
        for name in lines[1:]:
            if name:
                newest.setdefault(name, commit)
    return newest
