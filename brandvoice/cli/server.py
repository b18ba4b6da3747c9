"""`brandvoice server start | stop | status`: the resident process that keeps checks warm. The
first check of an install starts it anyway (see `server.client`); these commands are for scripts
and curious users: start and wait until it is warm, stop it now, see what runs."""

from __future__ import annotations

import json
import os
import sys
import time
from typing import Annotated

import typer

from brandvoice.errors import BrandvoiceError
from brandvoice.i18n import _, ngettext, ui_number

server_app = typer.Typer(
    help="A resident process that keeps spaCy and LanguageTool warm: `check` answers in a blink. "
    "The first check starts it in the background; it stops after 30 idle minutes.",
    no_args_is_help=True,
)


def _runtime_dir():
    from brandvoice.server import protocol

    try:
        return protocol.runtime_dir()
    except protocol.UnsafeRuntimeDir as exc:
        raise BrandvoiceError(_("the resident server's folder is not safe to use: {problem}").format(problem=exc)) from None


def _status() -> dict | None:
    from brandvoice.server.client import request

    _runtime_dir()
    return request({"op": "status"}, timeout=5)


def _socket():
    from brandvoice.server import protocol

    _runtime_dir()
    return protocol.socket_path()


@server_app.command()
def start(
    idle_minutes: Annotated[float, typer.Option("--idle-minutes", help="Stop after this long unused.")] = 30.0,
    timeout: Annotated[float, typer.Option("--timeout", help="Seconds to wait for the warm-up.")] = 180.0,
) -> None:
    """Start this install's server and wait until it is warm (no-op when it already runs)."""
    from brandvoice.server import protocol
    from brandvoice.server.client import start_in_background

    status = _status()
    if status and status.get("ready"):
        print(_("brandvoice server already running (pid {pid}, {socket})").format(pid=status["pid"], socket=status["socket"]))
        return
    os.environ["BRANDVOICE_SERVER_IDLE"] = f"{idle_minutes * 60:g}"
    pid = start_in_background(retry=True)
    deadline = time.time() + timeout
    while time.time() < deadline:
        status = _status()
        if status and status.get("ready"):
            print(_("brandvoice server started (pid {pid}, warm in {seconds} s, {socket})").format(
                pid=status["pid"], seconds=ui_number(status["warm_up_s"]), socket=status["socket"]))
            return
        if pid is not None and not _alive(pid):
            print(_("brandvoice: error: the server exited during its warm-up; see {log}").format(log=protocol.log_path()),
                  file=sys.stderr)
            raise typer.Exit(2)
        time.sleep(0.2)
    print(_("brandvoice: error: the server was not warm within {seconds} s; see {log}").format(
        seconds=ui_number(timeout, ".0f"), log=protocol.log_path()), file=sys.stderr)
    raise typer.Exit(2)


def _alive(pid: int) -> bool:
    try:
        finished, _ = os.waitpid(pid, os.WNOHANG)  # our child: reap it if it exited
    except ChildProcessError:
        return False
    return finished == 0


@server_app.command()
def stop(
    every: Annotated[bool, typer.Option("--all", help="Stop the servers of every install (other virtualenvs, checkouts).")] = False,
) -> None:
    """Stop this install's server (with --all, every install's)."""
    from brandvoice.server import protocol

    if every:
        stopped = [state for state in protocol.server_states() if _stop(protocol.socket_path(state["key"]))]
        print(ngettext("{count} brandvoice server stopped", "{count} brandvoice servers stopped", len(stopped)).format(
            count=len(stopped)))
        return
    status = _status()
    if not status:
        stale = _socket()
        if protocol.check_socket(stale):
            stale.unlink(missing_ok=True)  # a stale socket from a killed server
        print(_("brandvoice server is not running"))
        return
    _stop(_socket())
    print(_("brandvoice server stopped (pid {pid})").format(pid=status["pid"]))


def _stop(socket_path) -> bool:
    from brandvoice.server import protocol
    from brandvoice.server.client import request_to

    if request_to(socket_path, {"op": "stop"}, timeout=5) is None:
        return False
    deadline = time.time() + 10
    while time.time() < deadline and protocol.check_socket(socket_path):
        time.sleep(0.1)
    return True


@server_app.command()
def status(as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False) -> None:
    """Is the server running, since when, how big."""
    info = _status()
    if as_json:
        print(json.dumps(info or {"running": False}))
    elif info:
        state = _("running") if info.get("ready") else _("warming up")
        identity = info["identity"]
        print(_("{state}: pid {pid}, up {uptime} s, {checks}, {memory} MB, socket {socket}").format(
            state=state, pid=info["pid"], uptime=ui_number(info["uptime_s"], ".0f"),
            checks=ngettext("{count} check", "{count} checks", info["requests"]).format(count=info["requests"]),
            memory=ui_number(info["rss_mb"]) if info["rss_mb"] is not None else "?", socket=info["socket"]))
        print(_("install: brandvoice {version} in {prefix}, spaCy models {models}").format(
            version=identity["version"], prefix=identity["prefix"],
            models=", ".join(identity["spacy_models"]) or _("none")))
    else:
        print(_("not running"))
    if not info:
        raise typer.Exit(1 if not as_json else 0)
