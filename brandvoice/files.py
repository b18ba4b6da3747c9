"""Which files a run checks, and reading them safely.

Directories are walked for Markdown and text files, skipping hidden folders and paths ignored by
the `.gitignore` files met on the way. Files named explicitly are always checked.

Only regular files are read (a named pipe would block the run, a device such as /dev/zero never
ends), and no more than `max_file_bytes()` of them (5 MB, or `BRANDVOICE_MAX_FILE_BYTES`):
anything else is reported and skipped. Standard input has the same limit.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

import pathspec

from brandvoice.errors import BrandvoiceError
from brandvoice.parsing.document import MARKDOWN_SUFFIXES, TEXT_SUFFIXES

DEFAULT_SUFFIXES = tuple(sorted(MARKDOWN_SUFFIXES | TEXT_SUFFIXES))
MAX_FILE_BYTES_ENV = "BRANDVOICE_MAX_FILE_BYTES"
DEFAULT_MAX_FILE_BYTES = 5 * 1024 * 1024


class Unreadable(Exception):
    """A file that is not read: not a regular file, too large, or an OS error (the reason)."""


def max_file_bytes() -> int:
    value = os.environ.get(MAX_FILE_BYTES_ENV)
    try:
        return int(value) if value else DEFAULT_MAX_FILE_BYTES
    except ValueError:
        raise BrandvoiceError(f"{MAX_FILE_BYTES_ENV}={value!r}: give a number of bytes") from None


def _size(n: int) -> str:
    return f"{n / 1024 / 1024:.1f} MB" if n >= 1024 * 1024 else f"{n} bytes"


def _too_large(limit: int) -> str:
    return f"larger than the {_size(limit)} limit ({MAX_FILE_BYTES_ENV} raises it)"


_KINDS = {
    stat.S_IFIFO: "a named pipe",
    stat.S_IFCHR: "a character device",
    stat.S_IFBLK: "a block device",
    stat.S_IFSOCK: "a socket",
    stat.S_IFDIR: "a folder",
}


def read_regular_file(path: Path | str, limit: int | None = None) -> bytes:
    """The bytes of a regular file of at most `limit` bytes; else `Unreadable` says why. Never
    blocks on a pipe, never reads a device."""
    limit = max_file_bytes() if limit is None else limit
    try:
        _require_regular(os.stat(path).st_mode)  # before opening: opening a device can act
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_NOCTTY | os.O_CLOEXEC)
    except OSError as exc:
        raise Unreadable(f"cannot read: {exc.strerror}") from None
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(handle.fileno())
        _require_regular(info.st_mode)  # replaced between the two looks
        if info.st_size > limit:
            raise Unreadable(f"{_size(info.st_size)}, {_too_large(limit)}")
        return read_limited(handle, limit)


def _require_regular(mode: int) -> None:
    if not stat.S_ISREG(mode):
        raise Unreadable(f"not a regular file ({_KINDS.get(stat.S_IFMT(mode), 'a special file')})")


def read_limited(stream: BinaryIO, limit: int) -> bytes:
    """At most `limit` bytes from `stream`; `Unreadable` if there are more."""
    data = stream.read(limit + 1)
    if len(data) > limit:
        raise Unreadable(_too_large(limit))
    return data


def read_stdin(stream: BinaryIO) -> bytes:
    try:
        return read_limited(stream, max_file_bytes())
    except Unreadable as exc:
        raise BrandvoiceError(f"standard input is {exc}") from None


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
