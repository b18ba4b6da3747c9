"""Which files a run checks, and reading them safely.

Directories are walked for Markdown and text files, skipping hidden folders and paths ignored by
the `.gitignore` files met on the way. Files named explicitly are always checked. Only regular
files within the size limit are read (`brandvoice.reading`): anything else is reported and skipped.
"""

from __future__ import annotations

import os
import stat
import tempfile
import time
import warnings
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from brandvoice.errors import BrandvoiceWarning
from brandvoice.findings import Post
from brandvoice.i18n import _, ngettext
from brandvoice.parsing.readers import SUFFIXES as DEFAULT_SUFFIXES  # every suffix a reader reads
from brandvoice.parsing.readers import reader_for
from brandvoice.reading import Unreadable, read_regular_file

if TYPE_CHECKING:
    import pathspec


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
            specs = specs + [(here.resolve(), _load_spec(gitignore))]
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
    import pathspec

    try:
        lines = read_regular_file(path).decode("utf-8", errors="replace").splitlines()
    except Unreadable:
        lines = []
    return pathspec.GitIgnoreSpec.from_lines(lines)


def _ignored(path: Path, specs: list[tuple[Path, pathspec.PathSpec]], is_dir: bool) -> bool:
    """Whether a `.gitignore` met on the way ignores `path` (`specs`: each file's folder, resolved)."""
    if not specs:
        return False
    absolute = path.resolve()
    for base, spec in specs:
        try:
            rel = absolute.relative_to(base).as_posix()
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
        return SourceFile(shown, None, _("{reason}, skipped").format(reason=exc))
    return decode_source(shown, data)


def decode_source(shown: str, data: bytes) -> SourceFile:
    if reader_for(shown).binary:
        return SourceFile(shown, None, data=data)
    if b"\0" in data[:8192]:
        return SourceFile(shown, None, _("binary file, skipped"))
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        return SourceFile(shown, None, _("not UTF-8 (invalid byte at line {line}), skipped").format(line=line))
    if text.startswith("\ufeff"):
        text = text[1:]  # offsets count from after the BOM; --fix writes it back
    return SourceFile(shown, text)


class FileChanged(Exception):
    """The file on disk no longer holds what was checked, or changed while it was replaced."""


class NotWritten(Exception):
    """A file brandvoice will not rewrite (read-only, hard links, another owner): why."""


def replace_file(target: Path, data: bytes, expected: bytes) -> bool:
    """Replace a file's bytes `expected` with `data`: a new file in the same folder, with the old
    one's owner, mode and extended attributes, renamed over it. False, and nothing written, when
    it no longer holds `expected` (looked at again just before the rename). Refused (`NotWritten`)
    for a read-only file, one you may not write, and one with several hard links (a rename would
    split them). A writer that still held the old file may write into it after the rename: once
    no one holds it any more, what it appended is appended to the new file (a warning says so);
    anything else it wrote is kept beside it as `<name>.brandvoice-conflict` (`FileChanged`)."""
    with open(target, "rb") as old:  # kept open: a write into the old file after the rename is seen
        info = os.fstat(old.fileno())
        _check_writable(target, info)
        if old.read() != expected:
            return False
        descriptor, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".brandvoice")
        try:
            with os.fdopen(descriptor, "wb") as handle:
                handle.write(data)
                handle.flush()
                _same_owner_mode_and_attributes(handle.fileno(), target, info)
                os.fsync(handle.fileno())
            # last look, just before the rename: the same file, not written since it was read
            if _stamp(os.stat(target)) != _stamp(info) or _stamp(os.fstat(old.fileno())) != _stamp(info):
                Path(temporary).unlink(missing_ok=True)
                return False
            os.replace(temporary, target)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
        _wait_until_alone(old.fileno())
        if _stamp(os.fstat(old.fileno())) == _stamp(info):
            return True
        old.seek(0)
        theirs = old.read()
    if theirs.startswith(expected):  # appended to, the usual case (a log, another tool adding lines)
        with open(target, "ab") as new_file:
            new_file.write(theirs[len(expected) :])
        warnings.warn(BrandvoiceWarning(_("{path}: appended to while being fixed; what was appended is kept, after the fixes").format(
            path=target)))
        return True
    conflict = target.with_name(target.name + ".brandvoice-conflict")
    conflict.write_bytes(theirs)
    raise FileChanged(_("changed by another program while being fixed; its version is kept in {path}").format(path=conflict))


def _check_writable(target: Path, info: os.stat_result) -> None:
    if not info.st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH):
        raise NotWritten(_("read-only"))
    if not os.access(target, os.W_OK):
        raise NotWritten(_("not writable by you"))
    if info.st_nlink > 1:
        raise NotWritten(ngettext("has {count} hard link, which a rewrite would split (see --diff)",
                                  "has {count} hard links, which a rewrite would split (see --diff)",
                                  info.st_nlink).format(count=info.st_nlink))


def _stamp(info: os.stat_result) -> tuple[int, int, int, int]:
    return (info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns)


def _same_owner_mode_and_attributes(descriptor: int, target: Path, info: os.stat_result) -> None:
    mine = os.fstat(descriptor)
    if (mine.st_uid, mine.st_gid) != (info.st_uid, info.st_gid):
        try:
            os.fchown(descriptor, info.st_uid, info.st_gid)  # before chmod: chown clears set-id bits
        except PermissionError:
            raise NotWritten(_("owned by uid {uid}, gid {gid}, which a rewrite would change").format(
                uid=info.st_uid, gid=info.st_gid)) from None
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
