"""Which files a run checks, and reading them safely.

Directories are walked for Markdown and text files, skipping hidden folders and paths ignored by
the `.gitignore` files met on the way. Files named explicitly are always checked. Only regular
files within the size limit are read (`brandvoice.reading`): anything else is reported and skipped.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pathspec

from brandvoice.parsing.readers import SUFFIXES as DEFAULT_SUFFIXES  # every suffix a reader reads
from brandvoice.reading import Unreadable, read_regular_file

@dataclass(frozen=True)
class SourceFile:
    path: str  # as shown to the user (relative when given relative)
    text: str | None
    problem: str | None = None  # why it was skipped


def discover(paths: list[str], suffixes: tuple[str, ...] = DEFAULT_SUFFIXES) -> Iterator[Path]:
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            yield from _walk(path, suffixes)
        elif path.exists():
            yield path
        else:
            raise FileNotFoundError(raw)


def _walk(root: Path, suffixes: tuple[str, ...]) -> Iterator[Path]:
    specs: list[tuple[Path, pathspec.PathSpec]] = _parent_ignores(root)
    for directory, dirnames, filenames in os.walk(root):
        here = Path(directory)
        gitignore = here / ".gitignore"
        if gitignore.is_file():
            specs = specs + [(here, _load_spec(gitignore))]
        dirnames[:] = sorted(
            d for d in dirnames if not d.startswith(".") and not _ignored(here / d, specs, is_dir=True)
        )
        for name in sorted(filenames):
            candidate = here / name
            if name.startswith(".") or candidate.suffix.lower() not in suffixes:
                continue
            if not _ignored(candidate, specs, is_dir=False):
                yield candidate


def _parent_ignores(root: Path) -> list[tuple[Path, pathspec.PathSpec]]:
    """`.gitignore` files above the walked folder, up to the repository root."""
    found = []
    current = root.resolve().parent
    for parent in [current, *current.parents]:
        gitignore = parent / ".gitignore"
        if gitignore.is_file():
            found.append((parent, _load_spec(gitignore)))
        if (parent / ".git").exists():
            break
    return list(reversed(found))


def _load_spec(path: Path) -> pathspec.PathSpec:
    try:
        lines = read_regular_file(path).decode("utf-8", errors="replace").splitlines()
    except Unreadable:
        lines = []
    return pathspec.GitIgnoreSpec.from_lines(lines)


def _ignored(path: Path, specs: list[tuple[Path, pathspec.PathSpec]], is_dir: bool) -> bool:
    absolute = path.resolve()
    for base, spec in specs:
        try:
            rel = absolute.relative_to(base.resolve()).as_posix()
        except ValueError:
            continue
        if spec.match_file(rel + "/" if is_dir else rel):
            return True
    return False


def read_source(path: Path, display: str | None = None) -> SourceFile:
    """Text of a file, or why it cannot be checked (not a regular file, too large, binary, not
    UTF-8, unreadable)."""
    shown = display or str(path)
    try:
        data = read_regular_file(path)
    except Unreadable as exc:
        return SourceFile(shown, None, f"{exc}, skipped")
    return decode_source(shown, data)


def decode_source(shown: str, data: bytes) -> SourceFile:
    if b"\0" in data[:8192]:
        return SourceFile(shown, None, "binary file, skipped")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        return SourceFile(shown, None, f"not UTF-8 (invalid byte at line {line}), skipped")
    if text.startswith("\ufeff"):
        text = text[1:]  # offsets count from after the BOM; --fix writes it back
    return SourceFile(shown, text)
