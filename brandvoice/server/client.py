"""The thin client: forwards a command to the resident server if one answers, else returns None
so the CLI runs in-process. Standard library only: this is the fast path."""

from __future__ import annotations

import io
import os
import socket
import sys
from typing import Any

from brandvoice.server import protocol

# the environment that can change a check's output, forwarded so results match in-process runs
FORWARDED_ENV = ("NO_COLOR", "FORCE_COLOR", "GITHUB_ACTIONS", "CI", "TERM", "COLUMNS")
FORWARDED_PREFIX = "BRANDVOICE_"


def wants_server(argv: list[str]) -> bool:
    if os.environ.get("BRANDVOICE_NO_SERVER") or "--no-server" in argv:
        return False
    return protocol.socket_path().exists()


def request(message: dict[str, Any], timeout: float | None = None) -> dict[str, Any] | None:
    try:
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as sock:
            sock.settimeout(timeout)
            sock.connect(str(protocol.socket_path()))
            protocol.send(sock, message)
            return protocol.receive(sock)
    except OSError:
        return None


def run_on_server(argv: list[str]) -> int | None:
    if not wants_server(argv):
        return None
    raw_stdin = sys.stdin.buffer.read() if "-" in argv[1:] else None
    stdin = raw_stdin.decode("utf-8", "surrogateescape") if raw_stdin is not None else None
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
            "stdin": stdin,
            "stdout_tty": sys.stdout.isatty(),
            "stderr_tty": sys.stderr.isatty(),
        }
    )
    if reply is None or "code" not in reply:
        if raw_stdin is not None:  # give the in-process run the text already read
            sys.stdin = io.TextIOWrapper(io.BytesIO(raw_stdin), encoding="utf-8")
        return None  # no server after all (stale socket): run in-process
    sys.stdout.write(reply["stdout"])
    sys.stdout.flush()
    sys.stderr.write(reply["stderr"])
    return int(reply["code"])
