"""`brandvoice server start | stop | status`: the resident process that keeps checks warm."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from typing import Annotated

import typer

from brandvoice.errors import BrandvoiceError
from brandvoice.server import protocol
from brandvoice.server.client import request

server_app = typer.Typer(
    help="A resident process that keeps spaCy and LanguageTool warm: `check` answers in a blink.",
    no_args_is_help=True,
)


def _runtime_dir():
    try:
        return protocol.runtime_dir()
    except protocol.UnsafeRuntimeDir as exc:
        raise BrandvoiceError(f"the resident server's folder is not safe to use: {exc}") from None


def _status() -> dict | None:
    if not protocol.check_socket(_runtime_dir() / "server.sock"):
        return None
    return request({"op": "status"}, timeout=5)


@server_app.command()
def start(
    idle_minutes: Annotated[float, typer.Option("--idle-minutes", help="Stop after this long unused.")] = 30.0,
    timeout: Annotated[float, typer.Option("--timeout", help="Seconds to wait for the warm-up.")] = 180.0,
) -> None:
    """Start the server in the background (no-op when one already runs)."""
    status = _status()
    if status:
        print(f"brandvoice server already running (pid {status['pid']}, {status['socket']})")
        return
    log = _runtime_dir() / "server.log"
    with open(log, "ab") as handle:
        process = subprocess.Popen(
            [sys.executable, "-m", "brandvoice.server.daemon", "--idle", str(idle_minutes * 60)],
            stdin=subprocess.DEVNULL,
            stdout=handle,
            stderr=handle,
            start_new_session=True,  # survives the terminal that started it
            env={k: v for k, v in os.environ.items() if k != "BRANDVOICE_NO_SERVER"},
        )
    deadline = time.time() + timeout
    while time.time() < deadline:
        status = _status()
        if status:
            print(f"brandvoice server started (pid {status['pid']}, {status['socket']})")
            return
        if process.poll() is not None:
            print(f"brandvoice: error: the server exited during its warm-up; see {log}", file=sys.stderr)
            raise typer.Exit(2)
        time.sleep(0.2)
    process.terminate()
    print(f"brandvoice: error: the server did not answer within {timeout:.0f} s; see {log}", file=sys.stderr)
    raise typer.Exit(2)


@server_app.command()
def stop() -> None:
    """Stop the server."""
    status = _status()
    if not status:
        stale = _runtime_dir() / "server.sock"
        if protocol.check_socket(stale):
            stale.unlink(missing_ok=True)  # a stale socket from a killed server
        print("brandvoice server is not running")
        return
    request({"op": "stop"}, timeout=5)
    deadline = time.time() + 10
    while time.time() < deadline and protocol.check_socket(_runtime_dir() / "server.sock"):
        time.sleep(0.1)
    print(f"brandvoice server stopped (pid {status['pid']})")


@server_app.command()
def status(as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False) -> None:
    """Is the server running, since when, how big."""
    info = _status()
    if as_json:
        print(json.dumps(info or {"running": False}))
    elif info:
        print(
            f"running: pid {info['pid']}, up {info['uptime_s']:.0f} s, {info['requests']} checks, "
            f"{info['rss_mb']} MB, socket {info['socket']}"
        )
    else:
        print("not running")
    if not info:
        raise typer.Exit(1 if not as_json else 0)
