"""The process that owns the shared LanguageTool JVM (started by `ServerManager`, never by hand).

    python -m brandvoice.languagetool.supervisor --state-dir DIR --idle SECONDS --log FILE -- java ...

It first detaches (forks, prints the supervisor's pid and lets the launching process reap the
intermediate one): the supervisor is nobody's child, so no zombie or "still running" warning is
left in a long-lived brandvoice process that started it.

It starts the JVM, then wakes up regularly: when the JVM has died it clears the state file and
exits; when `last_used` in DIR is older than the idle timeout it stops the JVM (under the state
lock, re-checking the clock so a run that just touched it keeps its server) and exits. SIGTERM
stops the JVM too. Only the standard library, filelock and psutil are imported: it stays small.
"""

from __future__ import annotations

import argparse
import ctypes
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

PR_SET_PDEATHSIG = 1


def _die_with_parent() -> None:
    """Linux: the JVM gets SIGTERM if the supervisor dies, even by SIGKILL (no orphan JVM)."""
    try:
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGTERM)
    except (OSError, AttributeError):
        pass


def _detach(log: Path) -> None:
    """Fork: the parent prints the child's pid and exits; the child goes on as the supervisor, in
    its own session, writing to the log."""
    pid = os.fork()
    if pid > 0:
        print(pid, flush=True)
        os._exit(0)
    os.setsid()
    fd = os.open(log, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
    for target in (1, 2):
        os.dup2(fd, target)
    os.close(fd)


def _idle_for(last_used: Path) -> float:
    try:
        return time.time() - last_used.stat().st_mtime
    except OSError:
        return float("inf")


def _clear_state_if_ours(state_dir: Path, jvm_pid: int) -> None:
    state_file = state_dir / "state.json"
    try:
        if json.loads(state_file.read_text(encoding="utf-8")).get("pid") == jvm_pid:
            state_file.unlink()
    except (OSError, ValueError):
        pass


def _stop(jvm: subprocess.Popen, grace: float = 15.0) -> None:
    if jvm.poll() is None:
        jvm.terminate()
        try:
            jvm.wait(grace)
        except subprocess.TimeoutExpired:
            jvm.kill()
            jvm.wait(5)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="brandvoice.languagetool.supervisor")
    parser.add_argument("--state-dir", required=True, type=Path)
    parser.add_argument("--idle", required=True, type=float)
    parser.add_argument("--log", required=True, type=Path)
    parser.add_argument("command", nargs=argparse.REMAINDER)
    args = parser.parse_args(argv)
    command = args.command[1:] if args.command[:1] == ["--"] else args.command

    _detach(args.log)
    from filelock import FileLock

    with open(args.log, "ab") as log:
        jvm = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=log, stderr=log, preexec_fn=_die_with_parent)  # noqa: PLW1509 (no threads here)

    def on_term(signum, frame):
        _stop(jvm)
        _clear_state_if_ours(args.state_dir, jvm.pid)
        sys.exit(0)

    signal.signal(signal.SIGTERM, on_term)
    signal.signal(signal.SIGINT, on_term)
    last_used = args.state_dir / "last_used"
    poll = max(0.5, min(15.0, args.idle / 4))
    while True:
        try:
            jvm.wait(poll)
        except subprocess.TimeoutExpired:
            pass
        else:
            _clear_state_if_ours(args.state_dir, jvm.pid)
            return 0
        if _idle_for(last_used) > args.idle:
            with FileLock(str(args.state_dir / "state.lock"), timeout=300):
                if _idle_for(last_used) > args.idle:
                    print(f"brandvoice: idle for {args.idle:.0f}s, stopping LanguageTool", file=sys.stderr, flush=True)
                    _stop(jvm)
                    _clear_state_if_ours(args.state_dir, jvm.pid)
                    return 0


if __name__ == "__main__":
    os.umask(0o077)
    sys.exit(main())
