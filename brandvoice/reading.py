"""Reading what users hand over: regular files only, within a size limit.

A named pipe would block a run and a device such as /dev/zero never ends: only regular files are
read, never more than `max_file_bytes()` (5 MB, or `BRANDVOICE_MAX_FILE_BYTES`), and standard
input has the same limit; guides and project configuration have their own (`SETTINGS_MAX_BYTES`).
`Unreadable` says why a file is not read. Only the standard library here.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import BinaryIO

from brandvoice.errors import BrandvoiceError
from brandvoice.i18n import N_, _, ngettext, ui_number

MAX_FILE_BYTES_ENV = "BRANDVOICE_MAX_FILE_BYTES"
DEFAULT_MAX_FILE_BYTES = 5 * 1024 * 1024
SETTINGS_MAX_BYTES = 5 * 1024 * 1024  # guides and project configuration, whatever the drafts' limit


class Unreadable(Exception):
    """A file that is not read: not a regular file, too large, or an OS error (the reason)."""


def max_file_bytes() -> int:
    value = os.environ.get(MAX_FILE_BYTES_ENV)
    try:
        return int(value) if value else DEFAULT_MAX_FILE_BYTES
    except ValueError:
        raise BrandvoiceError(_("{setting}: give a number of bytes").format(setting=f"{MAX_FILE_BYTES_ENV}={value!r}")) from None


def _size(n: int) -> str:
    if n >= 1024 * 1024:
        return _("{size} MB").format(size=ui_number(n / 1024 / 1024, ".1f"))
    return ngettext("{count} byte", "{count} bytes", n).format(count=n)


def _too_large(limit: int) -> str:
    return _("larger than the {size} limit ({setting} raises it)").format(size=_size(limit), setting=MAX_FILE_BYTES_ENV)


_SPECIAL = N_("a special file")
_KINDS = {
    stat.S_IFIFO: N_("a named pipe"),
    stat.S_IFCHR: N_("a character device"),
    stat.S_IFBLK: N_("a block device"),
    stat.S_IFSOCK: N_("a socket"),
    stat.S_IFDIR: N_("a folder"),
}


def read_regular_file(path: Path | str, limit: int | None = None) -> bytes:
    """The bytes of a regular file of at most `limit` bytes; else `Unreadable` says why. Never
    blocks on a pipe, never reads a device."""
    limit = max_file_bytes() if limit is None else limit
    try:
        _require_regular(os.stat(path).st_mode)  # before opening: opening a device can act
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_NOCTTY | os.O_CLOEXEC)
    except OSError as exc:
        raise Unreadable(_("cannot read: {problem}").format(problem=exc.strerror)) from None
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(handle.fileno())
        _require_regular(info.st_mode)  # replaced between the two looks
        if info.st_size > limit:
            raise Unreadable(f"{_size(info.st_size)}, {_too_large(limit)}")
        return read_limited(handle, limit, info.st_size)


def _require_regular(mode: int) -> None:
    if not stat.S_ISREG(mode):
        raise Unreadable(_("not a regular file ({kind})").format(kind=_(_KINDS.get(stat.S_IFMT(mode), _SPECIAL))))


def read_limited(stream: BinaryIO, limit: int, expected: int | None = None) -> bytes:
    """At most `limit` bytes from `stream`; `Unreadable` if there are more. `expected`: the size it
    announced (a file's), read first without a buffer of the whole limit; a file that grew since
    is read on, up to the limit."""
    first = limit + 1 if expected is None else min(expected, limit) + 1
    data = stream.read(first)
    if len(data) == first and first <= limit:
        data += stream.read(limit + 1 - first)
    if len(data) > limit:
        raise Unreadable(_too_large(limit))
    return data


def read_stdin(stream: BinaryIO) -> bytes:
    try:
        return read_limited(stream, max_file_bytes())
    except Unreadable as exc:
        raise BrandvoiceError(_("standard input is {problem}").format(problem=exc)) from None


