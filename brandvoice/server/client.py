"""The thin client: forwards a command to this install's resident server if one answers, else
returns None so the CLI runs in-process. Standard library (and PyYAML) only: this is the fast path.

Warm by default: when no server of this install runs, the first `check`, `score` or `watch`
starts one in the background and does its own work meanwhile (it says so); the next runs use it.
`server_mode` decides: `auto` (start one when none runs, the default), `manual` (use one started
by `brandvoice server start`, never start one: the default when `CI` is set), `off` (always
in-process). `--no-server`, `BRANDVOICE_NO_SERVER=1`, `BRANDVOICE_SERVER=auto|manual|off`, or
the project configuration's `server:` key (the current folder's project) choose.

The server is used only from a private socket folder (see `protocol`); when the folder is not
safe, the command runs in-process and a warning says why. A request too big for the protocol
(a huge standard input) runs in-process too."""

from __future__ import annotations

import contextlib
import io
import os
import socket
import stat
import sys
import time
from pathlib import Path
from typing import Any

from brandvoice.i18n import _
from brandvoice.project_files import SERVER_MODES, config_candidates, server_mode_of
from brandvoice.processes import alive
from brandvoice.server import protocol, turned_off
from brandvoice.server.identity import install_key

MODE_ENV = "BRANDVOICE_SERVER"
IDLE_ENV = "BRANDVOICE_SERVER_IDLE"
DEFAULT_IDLE = "30m"
RETRY_AFTER_DEATH = 600.0  # seconds without automatic starts after a server died in its warm-up

# the environment that can change a check's output, forwarded so results match in-process runs
FORWARDED_ENV = ("NO_COLOR", "FORCE_COLOR", "GITHUB_ACTIONS", "CI", "TERM", "COLUMNS",
                 "LANG", "LC_ALL", "LC_MESSAGES", "LANGUAGE")  # the locale: the interface language
FORWARDED_PREFIX = "BRANDVOICE_"


def server_socket() -> str | None:
    """This install's server socket, if one may be used: in a safe folder, a socket of ours."""
    try:
        path = protocol.socket_path()
    except protocol.UnsafeRuntimeDir as exc:
        notice(_("warning: not using the resident server: {problem}").format(problem=exc))
        return None
    return str(path) if protocol.check_socket(path) else None


def server_mode(argv: list[str]) -> str:
    """auto, manual or off for this run (see the module's documentation)."""
    if turned_off(argv):
        return "off"
    chosen = os.environ.get(MODE_ENV, "").strip().lower()
    if chosen in SERVER_MODES:
        return chosen
    configured = project_server_mode(Path.cwd())
    if configured:
        return configured
    return "manual" if os.environ.get("CI", "").strip().lower() in ("true", "1", "yes") else "auto"


def project_server_mode(folder: Path) -> str | None:
    """The `server:` key of the nearest project configuration above `folder` (`.brandvoice.yaml`,
    or `[tool.brandvoice]` in `pyproject.toml`, as `config.find_project` looks them up). A broken
    configuration says nothing here: the run itself reports it."""
    for candidate, info in config_candidates(folder):
        if not stat.S_ISREG(info.st_mode):
            continue
        section = _read_section(candidate)
        if section is None:
            continue  # a pyproject.toml without [tool.brandvoice]
        mode = server_mode_of(section.get("server")) if isinstance(section, dict) else None
        return mode if mode in SERVER_MODES else None
    return None


def _read_section(file: Path) -> object:
    from brandvoice.reading import SETTINGS_MAX_BYTES, read_regular_file

    try:
        text = read_regular_file(file, SETTINGS_MAX_BYTES).decode("utf-8")
        if file.suffix == ".toml":
            import tomllib

            return tomllib.loads(text).get("tool", {}).get("brandvoice")
        from brandvoice import safe_yaml

        return safe_yaml.load(text) or {}
    except Exception:  # noqa: BLE001 (unreadable or invalid: the run itself says what is wrong)
        return {}


def notice(message: str) -> None:
    print(_("brandvoice: {message}").format(message=message), file=sys.stderr)


def server_running() -> bool:
    """Whether a server of this install is alive (warming up or ready): its lock is held."""
    import fcntl

    try:
        fd = os.open(protocol.lock_path(), os.O_RDWR | os.O_CREAT, 0o600)
    except (OSError, protocol.UnsafeRuntimeDir):
        return False
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return True
    finally:
        os.close(fd)  # closing releases a lock we got
    return False


def start_in_background(after_pid: int | None = None, warm_up: list[str] | None = None, retry: bool = False) -> int | None:
    """Start this install's server, detached, unless one is alive; its pid. `after_pid`: the
    server warms up once that process (the run that started it) has ended, not competing with it;
    `warm_up`: that run's command made read-only (`warm_up_command`), run again in the warm-up in
    this folder, so that its project's guides, word lists and LanguageTool options are ready.
    A server that died before it was warm is not started again for a while (`retry`: now)."""
    import json
    import subprocess

    if server_running():
        return None
    if not retry:
        _refuse_after_a_recent_death()
    command = [sys.executable, "-m", "brandvoice.server.daemon", "--idle", os.environ.get(IDLE_ENV) or DEFAULT_IDLE]
    if after_pid:
        command += ["--after-pid", str(after_pid)]
    if warm_up:
        command += ["--warm-up", json.dumps({"cwd": os.getcwd(), "argv": warm_up})]
    with open(protocol.log_path(), "ab") as log:
        process = subprocess.Popen(
            command,
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=log,
            start_new_session=True,  # survives the terminal, or the pre-commit run, that started it
            cwd=protocol.runtime_dir(),  # `-m` imports from the current folder: never a checkout's other copy
            env={k: v for k, v in os.environ.items() if k not in ("BRANDVOICE_NO_SERVER", MODE_ENV)},
        )
    _write_private(protocol.starting_path(), json.dumps({"pid": process.pid, "time": time.time()}))
    return process.pid


class RecentDeath(OSError):
    """The last server of this install died before it was warm, a moment ago."""


def _refuse_after_a_recent_death() -> None:
    """Automatic starts pause after a server died in its warm-up (a crash, the out-of-memory
    killer): a run each minute must not start a doomed server each minute."""
    import json

    path = protocol.starting_path()
    try:
        started = json.loads(path.read_text(encoding="utf-8"))
        pid, when = int(started["pid"]), float(started["time"])
    except (OSError, ValueError, KeyError, TypeError):
        return
    if alive(pid) or time.time() - when > RETRY_AFTER_DEATH:
        return
    again = time.strftime("%H:%M", time.localtime(when + RETRY_AFTER_DEATH))
    raise RecentDeath(_(
        "it died before it was warm (log: {log}); runs check on their own until {time} "
        "(`brandvoice server start` tries now)"
    ).format(log=protocol.log_path(), time=again))


def _write_private(path: Path, text: str) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as out:
        out.write(text)


# The options a warm-up keeps (they choose the guides, the languages, the engines), and whether
# each takes a value; any other (`--fix`, `--output`...) is left out: a warm-up writes nothing.
WARM_UP_OPTIONS = {
    "-b": True, "--brand": True, "-c": True, "--channel": True, "--lang": True, "--guides-dir": True,
    "--languagetool-url": True, "--select": True, "--ignore": True, "--no-grammar": False,
}  # fmt: skip


def warm_up_command(argv: list[str]) -> list[str] | None:
    """A `check`/`score` command as a read-only warm-up: the same guide, language and engine
    options on its first existing file (what a pre-commit hook passes), result cache off; None
    when it names no file (standard input, folders only)."""
    kept: list[str] = []
    draft = None
    tokens = iter(argv[1:])
    for token in tokens:
        name = token.split("=", 1)[0]
        if token == "--":
            break
        if name in WARM_UP_OPTIONS:
            kept.append(token)
            if WARM_UP_OPTIONS[name] and "=" not in token:
                kept.append(next(tokens, ""))
        elif token[:2] in ("-b", "-c") and len(token) > 2 and token[1] != "-":
            kept.append(token)  # -bhotelia
        elif draft is None and not token.startswith("-"):
            with contextlib.suppress(OSError):
                if Path(token).is_file():
                    draft = str(Path(token).absolute())
    return [argv[0], *kept, draft, "--no-cache"] if draft else None


def ensure_started(argv: list[str]) -> None:
    """`watch`: start the server for the other runs (watch itself keeps its checks in-process)."""
    if server_mode(argv) == "auto":
        try:
            if start_in_background(warm_up=warm_up_command(["check", *argv[1:]])) is not None:
                notice(_("starting the resident server in the background for the next checks"))
        except (OSError, protocol.UnsafeRuntimeDir):
            pass


def request(message: dict[str, Any], timeout: float | None = None) -> dict[str, Any] | None:
    """Send to this install's server; its reply, or None (no server, a stale socket...)."""
    path = server_socket()
    if path is None:
        return None
    return request_to(path, {**message, "identity": install_key()}, timeout)


def request_to(path: str | Path, message: dict[str, Any], timeout: float | None = None) -> dict[str, Any] | None:
    if not protocol.check_socket(Path(path)):
        return None
    try:
        data = protocol.encode(message)
    except protocol.MessageTooLarge:
        return None
    try:
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as sock:
            sock.settimeout(timeout)
            sock.connect(str(path))
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
    """The command's exit code when this install's server ran it; None: run it in this process
    (no server, or one still warming up: started now in auto mode, and said)."""
    from brandvoice.cli.ui import resolve_ui_locale, with_ui_lang_first
    from brandvoice.i18n import set_ui_locale

    set_ui_locale(resolve_ui_locale(with_ui_lang_first(argv)[1]))  # this client's own notices
    mode = server_mode(argv)
    if mode == "off":
        return None
    try:
        path = protocol.socket_path()
    except protocol.UnsafeRuntimeDir as exc:
        notice(_("warning: not using the resident server: {problem}").format(problem=exc))
        return None
    if not protocol.check_socket(path):
        if mode == "auto":
            _start_for_next_runs(argv)
        return None
    raw_stdin = sys.stdin.buffer.read(protocol.MAX_MESSAGE + 1) if "-" in argv[1:] else None
    reply = None
    sendable = raw_stdin is None or len(raw_stdin) <= protocol.MAX_MESSAGE // 2
    if sendable:
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
    if reply is not None and reply.get("warming"):
        notice(_("the resident server is still warming up: this run checks on its own"))
    elif reply is not None and reply.get("error") == protocol.ANOTHER_INSTALL:
        notice(_("warning: not using the resident server: {problem}").format(problem=reply.get("detail") or _("another install")))
    elif reply is None and sendable and mode == "auto":
        _start_for_next_runs(argv)  # a stale socket (a killed server)
    if reply is None or "code" not in reply:
        if raw_stdin is not None:  # give the in-process run the text already read, then the rest
            stream = io.BufferedReader(_Replay(raw_stdin, sys.stdin.buffer))
            sys.stdin = io.TextIOWrapper(stream, encoding="utf-8")
        return None  # no server after all (stale socket, a request too big): run in-process
    sys.stdout.write(reply["stdout"])
    sys.stdout.flush()
    sys.stderr.write(reply["stderr"])
    return int(reply["code"])


def _start_for_next_runs(argv: list[str]) -> None:
    try:
        started = start_in_background(after_pid=os.getpid(), warm_up=warm_up_command(argv))
    except (OSError, protocol.UnsafeRuntimeDir) as exc:
        notice(_("warning: could not start the resident server: {problem}").format(problem=exc))
        return
    if started is None:
        notice(_("the resident server is still warming up: this run checks on its own"))
    else:
        notice(_(
            "starting the resident server in the background: this run checks on its own, the next ones "
            "answer in a blink (--no-server or BRANDVOICE_NO_SERVER=1 to turn it off)"
        ))
