"""The resident server process: runs CLI commands sent by thin clients, one at a time, with
everything heavy loaded once. Started by `brandvoice server start`; stops after an idle time."""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import socket
import sys
import threading
import time
from pathlib import Path
from typing import Any

from brandvoice.server import protocol
from brandvoice.server.client import FORWARDED_ENV, FORWARDED_PREFIX

WARM_UP_DRAFTS = (
    ("warm-up.md", "Bonjour, réservez votre séjour chez nous dès aujourd’hui.\n"),
    ("warm-up.md", "Hello, come and see our new tents this weekend.\n"),
)


class Daemon:
    def __init__(self, idle_seconds: float) -> None:
        self.idle_seconds = idle_seconds
        self.started = time.time()
        self.last_used = time.time()
        self.requests = 0
        self.lock = threading.Lock()  # one command at a time: commands chdir and swap stdio
        self.stopping = threading.Event()

    def warm_up(self) -> None:
        """Load the CLI, the guides and the engines now, through the same code a check runs."""
        from brandvoice.cli.entry import run

        for name, text in WARM_UP_DRAFTS:
            with _captured(text) as (out, err):
                run(["check", "-", "--stdin-filename", name, "--no-cache"])

    def handle(self, message: dict[str, Any]) -> dict[str, Any]:
        op = message.get("op")
        if op == "status":
            return self.status()
        if op == "stop":
            self.stopping.set()
            return {"stopped": True}
        if op == "run":
            with self.lock:
                self.requests += 1
                try:
                    return self.run(message)
                finally:
                    self.last_used = time.time()
        return {"error": f"unknown op {op!r}"}

    def run(self, message: dict[str, Any]) -> dict[str, Any]:
        from brandvoice.cli.entry import run

        env = dict(message.get("env") or {})
        if message.get("stdout_tty") and "NO_COLOR" not in env:
            env.setdefault("FORCE_COLOR", "1")
        saved_env = {k: v for k, v in os.environ.items() if k in FORWARDED_ENV or k.startswith(FORWARDED_PREFIX)}
        saved_cwd = os.getcwd()
        try:
            for key in saved_env:
                os.environ.pop(key, None)
            os.environ.update(env)
            os.chdir(message["cwd"])
            with _captured(message.get("stdin") or "") as (out, err):
                code = run(list(message["argv"]))
            return {"code": code, "stdout": out.getvalue(), "stderr": err.getvalue()}
        finally:
            os.chdir(saved_cwd)
            for key in list(os.environ):
                if key in FORWARDED_ENV or key.startswith(FORWARDED_PREFIX):
                    os.environ.pop(key)
            os.environ.update(saved_env)

    def status(self) -> dict[str, Any]:
        return {
            "pid": os.getpid(),
            "socket": str(protocol.socket_path()),
            "uptime_s": round(time.time() - self.started, 1),
            "idle_s": round(time.time() - self.last_used, 1),
            "requests": self.requests,
            "rss_mb": _rss_mb(),
        }

    def serve(self) -> None:
        path = protocol.socket_path()
        with contextlib.suppress(FileNotFoundError):
            path.unlink()
        server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        old_umask = os.umask(0o177)  # the socket is created user-only
        try:
            server.bind(str(path))
        finally:
            os.umask(old_umask)
        server.listen(16)
        server.settimeout(1.0)
        protocol.state_path().write_text(json.dumps({"pid": os.getpid(), "socket": str(path), "started": self.started}))
        try:
            while not self.stopping.is_set():
                if time.time() - self.last_used > self.idle_seconds:
                    break
                try:
                    conn, _ = server.accept()
                except socket.timeout:
                    continue
                threading.Thread(target=self._serve_connection, args=(conn,), daemon=True).start()
        finally:
            server.close()
            for stale in (path, protocol.state_path()):
                with contextlib.suppress(FileNotFoundError):
                    stale.unlink()

    def _serve_connection(self, conn: socket.socket) -> None:
        with conn:
            if _peer_uid(conn) != os.getuid():
                return  # another user: the folder's permissions already keep them out
            message = protocol.receive(conn)
            if message is not None:
                try:
                    protocol.send(conn, self.handle(message))
                except protocol.MessageTooLarge:
                    protocol.send(conn, {"error": "reply too large"})  # the client runs in-process


@contextlib.contextmanager
def _captured(stdin_text: str):
    out, err = io.StringIO(), io.StringIO()
    saved_stdin = sys.stdin
    sys.stdin = io.TextIOWrapper(io.BytesIO(stdin_text.encode("utf-8", "surrogateescape")), encoding="utf-8")
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            yield out, err
    finally:
        sys.stdin = saved_stdin


def _peer_uid(conn: socket.socket) -> int | None:
    """The uid of the process at the other end of a Unix socket (SO_PEERCRED, Linux)."""
    import struct

    try:
        credentials = conn.getsockopt(socket.SOL_SOCKET, socket.SO_PEERCRED, struct.calcsize("3i"))
    except (OSError, AttributeError):
        return None
    return struct.unpack("3i", credentials)[1]


def _rss_mb() -> float | None:
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return round(int(line.split()[1]) / 1024, 1)
    except OSError:
        return None
    return None


def main() -> None:
    parser = argparse.ArgumentParser(prog="brandvoice-server")
    parser.add_argument("--idle", type=float, default=1800.0, help="stop after this many idle seconds")
    args = parser.parse_args()
    daemon = Daemon(args.idle)
    daemon.warm_up()
    daemon.last_used = time.time()
    daemon.serve()


if __name__ == "__main__":
    main()
