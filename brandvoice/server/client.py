"""The thin client: forwards a command to the resident server if one answers, else returns None
so the CLI runs in-process. Standard library only: this is the fast path.

The server is used only from a private socket folder (see `protocol`); when the folder is not
safe, the command runs in-process and a warning says why. A request too big for the protocol
(a huge standard input) runs in-process too."""

from __future__ import annotations

import io
import os
import socket
import sys
from typing import Any

from brandvoice.i18n import _
from brandvoice.server import protocol

# the environment that can change a check's output, forwarded so results match in-process runs
FORWARDED_ENV = ("NO_COLOR", "FORCE_COLOR", "GITHUB_ACTIONS", "CI", "TERM", "COLUMNS",
                 "LANG", "LC_ALL", "LC_MESSAGES", "LANGUAGE")  # the locale: the interface language
FORWARDED_PREFIX = "BRANDVOICE_"


def server_socket() -> str | None:
    """The resident server's socket, if one may be used: in a safe folder, a socket of ours."""
    try:
        path = protocol.socket_path()
    except protocol.UnsafeRuntimeDir as exc:
        print(_("brandvoice: warning: {message}").format(message=_("not using the resident server: {problem}").format(
            problem=exc)), file=sys.stderr)
        return None
    return str(path) if protocol.check_socket(path) else None


def wants_server(argv: list[str]) -> bool:
    if os.environ.get("BRANDVOICE_NO_SERVER") or "--no-server" in argv:
        return False
    return server_socket() is not None


def request(message: dict[str, Any], timeout: float | None = None) -> dict[str, Any] | None:
    path = server_socket()
    if path is None:
        return None
    try:
        data = protocol.encode(message)
    except protocol.MessageTooLarge:
        return None
    try:
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as sock:
            sock.settimeout(timeout)
            sock.connect(path)
            sock.sendall(data)
            return protocol.receive(sock)
    except OSError:
        return None


class _Replay(io.RawIOBase):
    """Standard input again: the bytes already read, then the rest of the stream."""

    def __init__(self, head: bytes, rest: io.BufferedIOBase) -> None:
        self._head, self._rest = head, rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        if self._head:
            n = min(len(buffer), len(self._head))
            buffer[:n], self._head = self._head[:n], self._head[n:]
            return n
        data = self._rest.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)


def run_on_server(argv: list[str]) -> int | None:
    if not wants_server(argv):
        return None
    raw_stdin = sys.stdin.buffer.read(protocol.MAX_MESSAGE + 1) if "-" in argv[1:] else None
    reply = None
    if raw_stdin is None or len(raw_stdin) <= protocol.MAX_MESSAGE // 2:
        env = {k: v for k, v in os.environ.items() if k in FORWARDED_ENV or k.startswith(FORWARDED_PREFIX)}
        if sys.stdout.isatty():  # the server's output is captured: tell it what the terminal is
            env["BRANDVOICE_STDOUT_TTY"] = "1"
            env.setdefault("COLUMNS", str(os.get_terminal_size(sys.stdout.fileno()).columns))
        reply = request(
            {
                "op": "run",
                "argv": argv,
                "cwd": os.getcwd(),
                "env": env,
                "stdin": raw_stdin.decode("utf-8", "surrogateescape") if raw_stdin is not None else None,
                "stdout_tty": sys.stdout.isatty(),
                "stderr_tty": sys.stderr.isatty(),
            }
        )
    if reply is None or "code" not in reply:
        if raw_stdin is not None:  # give the in-process run the text already read, then the rest
            stream = io.BufferedReader(_Replay(raw_stdin, sys.stdin.buffer))
            sys.stdin = io.TextIOWrapper(stream, encoding="utf-8")
        return None  # no server after all (stale socket, a request too big): run in-process
    sys.stdout.write(reply["stdout"])
    sys.stdout.flush()
    sys.stderr.write(reply["stderr"])
    return int(reply["code"])
