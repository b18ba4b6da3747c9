"""`brandvoice languagetool install | start | stop | status`: the LanguageTool behind grammar checks."""

from __future__ import annotations

import json
import sys
from typing import Annotated

import typer

from brandvoice.i18n import _, ngettext, ui_number

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
    said = _("LanguageTool {version} installed ({languages}; {jars} in {folder})") if changed else _(
        "LanguageTool {version} already installed ({languages}; {jars} in {folder})")
    print(said.format(
        version=installation.version, languages=", ".join(installation.languages), folder=installation.directory,
        jars=ngettext("{count} jar", "{count} jars", len(installation.classpath)).format(count=len(installation.classpath)),
    ))
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
        _say(_("LanguageTool already running (pid {pid})").format(pid=state.pid))
    else:
        _say(_("LanguageTool {version} started in {seconds} s (pid {pid})").format(
            version=state.version, seconds=ui_number(state.start_seconds, ".1f"), pid=state.pid))
    print(state.url)


@languagetool_app.command("stop")
def stop_command() -> None:
    """Stop the shared server (and its supervisor): no JVM is left behind."""
    from brandvoice.languagetool.server import ServerManager

    print(_("LanguageTool stopped") if ServerManager().stop() else _("LanguageTool was not running"))


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
        print(_("LanguageTool {version} at {url} (pid {pid}, languages {languages}, up {uptime} s, {memory} MB)").format(
            version=status["version"], url=status["url"], pid=status["pid"], languages=", ".join(status["languages"]),
            uptime=ui_number(status["uptime_s"], ".0f"), memory=status["rss_mb"]))
    else:
        print(_("LanguageTool is not running (`brandvoice check` starts it when grammar checks are on)"))
    if configured and not as_json:
        print(_("note: checks use the configured server {url} (BRANDVOICE_LANGUAGETOOL_URL), not this one").format(
            url=configured))
    raise typer.Exit(0 if status else 1)
