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
from brandvoice.i18n import _, ngettext, ui_number
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
        raise BrandvoiceError(_("the resident server's folder is not safe to use: {problem}").format(problem=exc)) from None


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
        print(_("brandvoice server already running (pid {pid}, {socket})").format(pid=status["pid"], socket=status["socket"]))
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
            print(_("brandvoice server started (pid {pid}, {socket})").format(pid=status["pid"], socket=status["socket"]))
            return
        if process.poll() is not None:
            print(_("brandvoice: error: the server exited during its warm-up; see {log}").format(log=log), file=sys.stderr)
            raise typer.Exit(2)
        time.sleep(0.2)
    process.terminate()
    print(_("brandvoice: error: the server did not answer within {seconds} s; see {log}").format(
        seconds=ui_number(timeout, ".0f"), log=log), file=sys.stderr)
    raise typer.Exit(2)


@server_app.command()
def stop() -> None:
    """Stop the server."""
    status = _status()
    if not status:
        stale = _runtime_dir() / "server.sock"
        if protocol.check_socket(stale):
            stale.unlink(missing_ok=True)  # a stale socket from a killed server
        print(_("brandvoice server is not running"))
        return
    request({"op": "stop"}, timeout=5)
    deadline = time.time() + 10
    while time.time() < deadline and protocol.check_socket(_runtime_dir() / "server.sock"):
        time.sleep(0.1)
    print(_("brandvoice server stopped (pid {pid})").format(pid=status["pid"]))


@server_app.command()
def status(as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False) -> None:
    """Is the server running, since when, how big."""
    info = _status()
    if as_json:
        print(json.dumps(info or {"running": False}))
    elif info:
        print(_("running: pid {pid}, up {uptime} s, {checks}, {memory} MB, socket {socket}").format(
            pid=info["pid"], uptime=ui_number(info["uptime_s"], ".0f"),
            checks=ngettext("{count} check", "{count} checks", info["requests"]).format(count=info["requests"]),
            memory=ui_number(info["rss_mb"]) if info["rss_mb"] is not None else "?", socket=info["socket"]))
    else:
        print(_("not running"))
    if not info:
        raise typer.Exit(1 if not as_json else 0)
