"""Where the server listens and how messages travel: length-prefixed JSON over a Unix socket.
Imported by the thin client, so only the standard library here."""

from __future__ import annotations

import json
import os
import socket
import struct
import tempfile
from pathlib import Path
from typing import Any

_HEADER = struct.Struct("!I")


def runtime_dir() -> Path:
    """A folder only this user can enter (the socket's permissions are not enough everywhere)."""
    override = os.environ.get("BRANDVOICE_RUNTIME_DIR")
    base = Path(override) if override else Path(os.environ.get("XDG_RUNTIME_DIR") or tempfile.gettempdir())
    directory = base if override else base / f"brandvoice-{os.getuid()}"
    directory.mkdir(mode=0o700, parents=True, exist_ok=True)
    os.chmod(directory, 0o700)
    return directory


def socket_path() -> Path:
    return runtime_dir() / "server.sock"


def state_path() -> Path:
    return runtime_dir() / "server.json"


def send(sock: socket.socket, message: dict[str, Any]) -> None:
    payload = json.dumps(message, ensure_ascii=False).encode("utf-8")
    sock.sendall(_HEADER.pack(len(payload)) + payload)


def receive(sock: socket.socket) -> dict[str, Any] | None:
    header = _read_exactly(sock, _HEADER.size)
    if header is None:
        return None
    (length,) = _HEADER.unpack(header)
    payload = _read_exactly(sock, length)
    return None if payload is None else json.loads(payload.decode("utf-8"))


def _read_exactly(sock: socket.socket, size: int) -> bytes | None:
    chunks, remaining = [], size
    while remaining:
        chunk = sock.recv(min(remaining, 1 << 20))
        if not chunk:
            return None
        chunks.append(chunk)
        remaining -= len(chunk)
    return b"".join(chunks)
