"""`brandvoice languagetool install | start | stop | status`: the LanguageTool behind grammar checks."""

from __future__ import annotations

import json
import sys
from typing import Annotated

import typer

languagetool_app = typer.Typer(
    help="Install LanguageTool and manage the shared local server used for grammar and spelling.",
    no_args_is_help=True,
)


def _say(message: str) -> None:
    print(message, file=sys.stderr)


@languagetool_app.command("install")
def install_command(
    languages: Annotated[
        str, typer.Option("--languages", "-l", help="Comma-separated languages (default: every language pack's).")
    ] = "",
    class_archive: Annotated[
        bool, typer.Option("--class-archive/--no-class-archive", help="Build the JVM class archive for faster starts.")
    ] = True,
) -> None:
    """Fetch LanguageTool from Maven Central into the user cache (a no-op when already there), and
    build its class archive (AppCDS: the server starts faster)."""
    from brandvoice.languagetool.class_archive import build_class_archive
    from brandvoice.languagetool.install import install

    installation, changed = install(languages.split(","), progress=_say)
    what = "installed" if changed else "already installed"
    print(
        f"LanguageTool {installation.version} {what} ({', '.join(installation.languages)}; "
        f"{len(installation.classpath)} jars in {installation.directory})"
    )
    if class_archive:
        build_class_archive(installation, progress=_say)


@languagetool_app.command("start")
def start_command(
    languages: Annotated[str, typer.Option("--languages", "-l", help="Languages the server must load.")] = "",
    heap: Annotated[str | None, typer.Option("--heap", help="JVM heap, e.g. 1g (default), 2g.")] = None,
    idle: Annotated[
        str | None, typer.Option("--idle", help="Stop after this idle time: 1800, 30m (default), 2h.")
    ] = None,
) -> None:
    """Start the shared server (or reuse the running one) and print its URL."""
    from brandvoice.languagetool.server import ServerManager, parse_duration

    manager = ServerManager(heap=heap, idle_timeout=parse_duration(idle) if idle else None)
    before = manager.running()
    state = manager.ensure_running(tuple(c.strip() for c in languages.split(",") if c.strip()))
    if before and before.pid == state.pid:
        _say(f"LanguageTool already running (pid {state.pid})")
    else:
        _say(f"LanguageTool {state.version} started in {state.start_seconds:.1f}s (pid {state.pid})")
    print(state.url)


@languagetool_app.command("stop")
def stop_command() -> None:
    """Stop the shared server (and its supervisor): no JVM is left behind."""
    from brandvoice.languagetool.server import ServerManager

    print("LanguageTool stopped" if ServerManager().stop() else "LanguageTool was not running")


@languagetool_app.command("status")
def status_command(
    as_json: Annotated[bool, typer.Option("--json", help="Print {url, pid, version, languages, uptime_s, rss_mb}.")] = False,
) -> None:
    """Tell what runs. Exit 0 when the shared server is up, 1 when it is not."""
    from brandvoice.languagetool.client import configured_url
    from brandvoice.languagetool.server import ServerManager

    status = ServerManager().status()
    configured = configured_url()
    if as_json:
        print(json.dumps(status))
    elif status:
        print(
            f"LanguageTool {status['version']} at {status['url']} (pid {status['pid']}, "
            f"languages {', '.join(status['languages'])}, up {status['uptime_s']:.0f}s, {status['rss_mb']} MB)"
        )
    else:
        print("LanguageTool is not running (`brandvoice check` starts it when grammar checks are on)")
    if configured and not as_json:
        print(f"note: checks use the configured server {configured} (BRANDVOICE_LANGUAGETOOL_URL), not this one")
    raise typer.Exit(0 if status else 1)
