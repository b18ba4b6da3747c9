"""Which files a run checks, and reading them safely.

Directories are walked for Markdown and text files, skipping hidden folders and paths ignored by
the `.gitignore` files met on the way. Files named explicitly are always checked.
"""

from __future__ import annotations

import os
import stat
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pathspec

from brandvoice.findings import Post
from brandvoice.parsing.readers import SUFFIXES as DEFAULT_SUFFIXES  # every suffix a reader reads
from brandvoice.parsing.readers import reader_for


@dataclass(frozen=True)
class SourceFile:
    path: str  # as shown to the user (relative when given relative)
    text: str | None
    problem: str | None = None  # why it was skipped
    data: bytes | None = None  # the bytes, for readers that decode them themselves (workbooks, CSVs)
    post: Post | None = None  # the text is this calendar post's cell (checked again after fixes)

    @property
    def readable(self) -> bool:
        return self.text is not None or self.data is not None


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
    lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
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
    """Text of a file, or why it cannot be checked (binary, not UTF-8, unreadable)."""
    shown = display or str(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        return SourceFile(shown, None, f"cannot read: {exc.strerror}")
    return decode_source(shown, data)


def decode_source(shown: str, data: bytes) -> SourceFile:
    if reader_for(shown).binary:
        return SourceFile(shown, None, data=data)
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


def replace_file(target: Path, data: bytes, expected: bytes) -> bool:
    """Replace a file's bytes atomically (a temporary file beside it, then a rename), keeping its
    permissions, unless it no longer holds `expected`: False then, and nothing is written."""
    descriptor, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".brandvoice")
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temporary, stat.S_IMODE(target.stat().st_mode))
        if target.read_bytes() != expected:  # last look, just before the rename
            Path(temporary).unlink(missing_ok=True)
            return False
        os.replace(temporary, target)
        return True
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
