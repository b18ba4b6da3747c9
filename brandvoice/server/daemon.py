"""The resident server process: runs CLI commands sent by thin clients, one at a time, with
everything heavy loaded once. Started by the first check of an install (in the background) or by
`brandvoice server start`; stops after an idle time.

One per install: it holds its install's lock (`protocol.lock_path`) for its whole life, listens
on its install's socket, answers only requests carrying its install's key, and stops the servers
an older version of the same install left running. It listens at once, but answers `run` with
`warming` until its warm-up is done: a client never waits on a server that is not ready."""

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

from brandvoice.processes import alive
from brandvoice.server import protocol
from brandvoice.server.client import FORWARDED_ENV, FORWARDED_PREFIX
from brandvoice.server.identity import install_identity, install_key

WARM_UP_AFTER_PID_LIMIT = 300.0  # seconds a warm-up waits for the run that started the server

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
        self.ready = threading.Event()
        self.warm_up_seconds: float | None = None
        self.warmed_with: list[str] | None = None  # the command of the run that started this server
        self.warm_up_failed = False

    def warm_up(self, after_pid: int | None = None, command: dict[str, Any] | None = None) -> None:
        """Load the CLI, the guides and the engines, through the same code a check runs; once the
        run that started this server (`after_pid`) has ended, so as not to slow it down. `command`
        (`cwd`, `argv`): that run's command made read-only, run too: its project's guides (names,
        word lists) and LanguageTool options are what the next runs need."""
        from brandvoice.cli.entry import run

        deadline = time.monotonic() + WARM_UP_AFTER_PID_LIMIT
        while after_pid and alive(after_pid) and time.monotonic() < deadline and not self.stopping.is_set():
            time.sleep(0.05)
        started = time.perf_counter()
        with self.lock:
            for name, text in WARM_UP_DRAFTS:
                with _captured(text):
                    run(["check", "-", "--stdin-filename", name, "--no-cache"])
            if command is not None:
                with contextlib.suppress(OSError), contextlib.chdir(command["cwd"]), _captured(""):
                    run(list(command["argv"]))
                self.warmed_with = list(command["argv"])
        self.warm_up_seconds = round(time.perf_counter() - started, 2)
        self.last_used = time.time()
        self.ready.set()
        self._write_state()
        with contextlib.suppress(FileNotFoundError):
            protocol.starting_path().unlink()

    def handle(self, message: dict[str, Any]) -> dict[str, Any]:
        op = message.get("op")
        if op == "status":
            return self.status()
        if op == "stop":
            self.stopping.set()
            return {"stopped": True}
        if message.get("identity") != install_key():
            detail = f"it belongs to another install ({install_identity()['python']}, version {install_identity()['version']})"
            return {"error": protocol.ANOTHER_INSTALL, "detail": detail}
        if op == "run" and not self.ready.is_set():
            return {"warming": True}
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
            "key": install_key(),
            "identity": install_identity(),
            "ready": self.ready.is_set(),
            "warm_up_s": self.warm_up_seconds,
            "warmed_with": self.warmed_with,
            "uptime_s": round(time.time() - self.started, 1),
            "idle_s": round(time.time() - self.last_used, 1),
            "idle_limit_s": self.idle_seconds,
            "requests": self.requests,
            "rss_mb": _rss_mb(),
        }

    def _write_state(self) -> None:
        state = {"pid": os.getpid(), "socket": str(protocol.socket_path()), "started": self.started,
                 "key": install_key(), "identity": install_identity(), "ready": self.ready.is_set()}  # fmt: skip
        path = protocol.state_path()
        tmp = path.with_suffix(".tmp")
        tmp.write_text(json.dumps(state), encoding="utf-8")
        tmp.replace(path)

    def serve(self, after_pid: int | None = None, warm_up: dict[str, Any] | None = None) -> None:
        """Listen now, warm up in the background, serve until stopped or idle."""
        path = protocol.socket_path()
        with contextlib.suppress(FileNotFoundError):
            path.unlink()  # a killed server's: we hold the install's lock, no live server uses it
        server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        old_umask = os.umask(0o177)  # the socket is created user-only
        try:
            server.bind(str(path))
        finally:
            os.umask(old_umask)
        server.listen(16)
        server.settimeout(0.5)
        self._write_state()
        threading.Thread(target=self._warm_up_or_stop, args=(after_pid, warm_up), daemon=True).start()
        try:
            while not self.stopping.is_set():
                if self.ready.is_set() and time.time() - self.last_used > self.idle_seconds:
                    break
                try:
                    conn, _ = server.accept()
                except socket.timeout:
                    continue
                threading.Thread(target=self._serve_connection, args=(conn,), daemon=True).start()
        finally:
            server.close()
            ended = (path, protocol.state_path(), protocol.lock_path())
            for stale in ended if self.warm_up_failed else (*ended, protocol.starting_path()):
                with contextlib.suppress(FileNotFoundError):
                    stale.unlink()  # the lock too: still held until this process ends

    def _warm_up_or_stop(self, after_pid: int | None, command: dict[str, Any] | None) -> None:
        try:
            self.warm_up(after_pid, command)
        except BaseException:  # noqa: BLE001 (a server that cannot warm up must not linger)
            import traceback

            traceback.print_exc()
            self.warm_up_failed = True  # its start marker stays: automatic starts pause a while
            self.stopping.set()

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


def _hold_install_lock() -> int | None:
    """The install's lock, held until this process ends; None when another server holds it."""
    import fcntl

    fd = os.open(protocol.lock_path(), os.O_RDWR | os.O_CREAT, 0o600)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        os.close(fd)
        return None
    return fd


def stop_older_versions() -> None:
    """Stop the servers this install left running before its code or packages changed (same
    package folder and Python): no client of this install will use them again."""
    from brandvoice.server.client import request_to

    mine = install_identity()
    for state in protocol.server_states():
        theirs = state.get("identity") or {}
        if state["key"] != install_key() and (theirs.get("package"), theirs.get("prefix")) == (mine["package"], mine["prefix"]):
            request_to(protocol.socket_path(state["key"]), {"op": "stop"}, timeout=5)


def main() -> None:
    from brandvoice.languagetool.server import parse_duration

    parser = argparse.ArgumentParser(prog="brandvoice-server")
    parser.add_argument("--idle", default="30m", help="stop after this idle time: 1800 (seconds), 30m, 2h")
    parser.add_argument("--after-pid", type=int, default=None, help="warm up once this process has ended")
    parser.add_argument("--warm-up", type=json.loads, default=None, help='also run this command in the warm-up: {"cwd": ..., "argv": [...]}')
    args = parser.parse_args()
    if _hold_install_lock() is None:
        return  # this install's server is already running (or starting)
    stop_older_versions()
    Daemon(parse_duration(args.idle)).serve(args.after_pid, args.warm_up)


if __name__ == "__main__":
    main()
