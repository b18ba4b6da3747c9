"""Where the server listens and how messages travel: length-prefixed JSON over a Unix socket.
Imported by the thin client, so only the standard library here.

The socket lives in a folder only this user can enter: `$XDG_RUNTIME_DIR/brandvoice` when the
session has one, else `$TMPDIR/brandvoice-<uid>` (or `BRANDVOICE_RUNTIME_DIR`, used as given).
Before every use the folder is checked with `lstat`: a real folder (never a symbolic link), owned
by this user, closed to everyone else. Another user who created it first, or loosened it, could
plant a fake server there: `UnsafeRuntimeDir` then says why and nothing is sent. An existing
folder is never chmod-ed (BRANDVOICE_RUNTIME_DIR may point at a shared one: refused, not changed).
Messages are bounded (`MAX_MESSAGE`): a bigger request runs in-process instead.

Each install has its own server (`identity`): the socket's name carries the install's key, and
every request carries it too; a server answers commands only for its own install.
"""

from __future__ import annotations

import json
import os
import socket
import stat
import struct
import tempfile
from pathlib import Path
from typing import Any

from brandvoice.i18n import _
from brandvoice.server.identity import install_key

_HEADER = struct.Struct("!I")
MAX_MESSAGE = 64 * 1024 * 1024  # bytes of JSON either way; a request bigger than this runs in-process
ANOTHER_INSTALL = "another install"  # the error a server answers a request of another install with


class UnsafeRuntimeDir(Exception):
    """The socket folder could be someone else's: never used (the message says why)."""


class MessageTooLarge(Exception):
    pass


def runtime_dir() -> Path:
    """The socket folder, created private if missing, checked at each call."""
    override = os.environ.get("BRANDVOICE_RUNTIME_DIR")
    if override:
        directory = Path(override)
    elif os.environ.get("XDG_RUNTIME_DIR"):
        directory = Path(os.environ["XDG_RUNTIME_DIR"]) / "brandvoice"
    else:
        directory = Path(tempfile.gettempdir()) / f"brandvoice-{os.getuid()}"
    try:
        os.mkdir(directory, 0o700)
    except FileExistsError:
        pass  # checked below, never changed
    except OSError as exc:
        raise UnsafeRuntimeDir(_("cannot create {path}: {problem}").format(path=directory, problem=exc.strerror)) from None
    else:
        os.chmod(directory, 0o700)  # ours, just made: the umask must not loosen it
    check_private(directory)
    return directory


def check_private(directory: Path) -> None:
    try:
        info = os.lstat(directory)
    except OSError as exc:
        raise UnsafeRuntimeDir(_("cannot use {path}: {problem}").format(path=directory, problem=exc.strerror)) from None
    if stat.S_ISLNK(info.st_mode):
        raise UnsafeRuntimeDir(_("{path} is a symbolic link; the server's folder must be a real one").format(path=directory))
    if not stat.S_ISDIR(info.st_mode):
        raise UnsafeRuntimeDir(_("{path} is not a folder").format(path=directory))
    if info.st_uid != os.getuid():
        raise UnsafeRuntimeDir(_("{path} belongs to uid {uid}, not to you (uid {you})").format(
            path=directory, uid=info.st_uid, you=os.getuid()))
    if info.st_mode & 0o077:
        raise UnsafeRuntimeDir(
            _("{path} is open to other users (mode {mode}); it must be 700").format(
                path=directory, mode=f"{stat.S_IMODE(info.st_mode):o}")
        )


def socket_path(key: str | None = None) -> Path:
    """This install's server socket (`key`: another install's, from its state file)."""
    return runtime_dir() / f"server-{key or install_key()}.sock"


def state_path(key: str | None = None) -> Path:
    return runtime_dir() / f"server-{key or install_key()}.json"


def lock_path() -> Path:
    """Held (flock) by this install's server for its whole life: one server per install."""
    return runtime_dir() / f"server-{install_key()}.lock"


def starting_path() -> Path:
    """Written when this install's server is started, removed once it is warm: found with no
    server alive, it says the last start died before it was warm."""
    return runtime_dir() / f"server-{install_key()}.starting"


def log_path() -> Path:
    return runtime_dir() / f"server-{install_key()}.log"


def server_states() -> list[dict[str, Any]]:
    """The state files of every install's server in the folder (for `server stop --all`)."""
    states = []
    for path in sorted(runtime_dir().glob("server-*.json")):
        try:
            state = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        if isinstance(state, dict) and isinstance(state.get("key"), str):
            states.append(state)
    return states


def check_socket(path: Path) -> bool:
    """Whether `path` is a socket of ours (not a symbolic link, not another user's)."""
    try:
        info = os.lstat(path)
    except OSError:
        return False
    return stat.S_ISSOCK(info.st_mode) and info.st_uid == os.getuid()


def encode(message: dict[str, Any]) -> bytes:
    payload = json.dumps(message, ensure_ascii=False).encode("utf-8", "surrogatepass")
    if len(payload) > MAX_MESSAGE:
        raise MessageTooLarge(f"{len(payload)} bytes")
    return _HEADER.pack(len(payload)) + payload


def send(sock: socket.socket, message: dict[str, Any]) -> None:
    sock.sendall(encode(message))


def receive(sock: socket.socket) -> dict[str, Any] | None:
    """The next message, or None (closed, too large, not JSON)."""
    header = _read_exactly(sock, _HEADER.size)
    if header is None:
        return None
    (length,) = _HEADER.unpack(header)
    if length > MAX_MESSAGE:
        return None
    payload = _read_exactly(sock, length)
    if payload is None:
        return None
    try:
        message = json.loads(payload.decode("utf-8", "surrogatepass"))
    except ValueError:
        return None
    return message if isinstance(message, dict) else None


def _read_exactly(sock: socket.socket, size: int) -> bytes | None:
    chunks, remaining = [], size
    while remaining:
        chunk = sock.recv(min(remaining, 1 << 20))
        if not chunk:
            return None
        chunks.append(chunk)
        remaining -= len(chunk)
    return b"".join(chunks)
