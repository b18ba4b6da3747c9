"""One shared LanguageTool server per user: started on demand, reused by every run, stopped when idle.

Layout of the state folder (`<cache>/languagetool/server/` by default):

- `state.json`: url, port, pids, version, languages, start time of the running server;
- `state.lock`: a file lock held while the state is read-and-started or stopped, so concurrent
  runs (terminal, pre-commit, CI jobs) share one server and never start two;
- `last_used`: touched by every run and request; its mtime is the idle clock;
- `server.properties`, `server.log`.

The JVM cannot stop itself when idle, so it runs under a small supervisor process
(`python -m brandvoice.languagetool.supervisor`, detached in its own session). The supervisor
stops the JVM once `last_used` is older than the idle timeout, or exits when the JVM dies; the JVM
gets SIGTERM if the supervisor is killed (Linux parent-death signal), and every JVM we start
carries `-Dbrandvoice.state=<folder>` so `stop` can find one even when the state file is lost.
The server binds 127.0.0.1 only (LanguageTool's default without `--public`, which we never pass).
"""

from __future__ import annotations

import json
import os
import re
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Mapping
from dataclasses import asdict, dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

from brandvoice.i18n import _
from brandvoice.languagetool import (
    INSTALL_HINT,
    LT_VERSION,
    LanguageToolUnavailable,
    cache_root,
)
from brandvoice.languagetool.install import (
    Installation,
    find_class_archive,
    find_installation,
    require_java,
)
from brandvoice.processes import alive

DEFAULT_HEAP = "1g"
DEFAULT_IDLE_SECONDS = 30 * 60
HEAP_ENV = "BRANDVOICE_LANGUAGETOOL_HEAP"
IDLE_ENV = "BRANDVOICE_LANGUAGETOOL_IDLE"
STARTUP_TIMEOUT = 120.0
MAIN_CLASS = "org.languagetool.server.HTTPServer"
STATE_PROPERTY = "-Dbrandvoice.state="
JAVA_OPTIONS_VARIABLES = ("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS", "_JAVA_OPTIONS")  # options every `java` reads

# LanguageTool server settings: a sentence cache (drafts are re-checked often, mostly unchanged),
# pipeline caching, text and time limits the client's paragraph splitting stays under.
# LanguageTool's own `pipelinePrewarming` cannot be used: it warms up a fixed list of languages
# (de-DE...) and the server dies when one is not installed; a new server is warmed up with the
# first texts of the run that starts it (else `_prewarm`'s sentence per language) instead.
SERVER_PROPERTIES = {
    "cacheSize": "5000",
    "cacheTTLSeconds": "900",
    "pipelineCaching": "true",
    "maxPipelinePoolSize": "100",
    "maxTextLength": "50000",
    "maxCheckTimeMillis": "60000",
    "maxCheckThreads": "8",
    "maxWorkQueueSize": "200",
}
MAX_TEXT_LENGTH = int(SERVER_PROPERTIES["maxTextLength"])
# The JDK's HTTP server writes a response's headers and its body apart; under Nagle's algorithm the
# body then waits for the client's delayed acknowledgement, 40 ms per request: 1,000 posts, four
# requests at a time, took 14 s for 12 s of LanguageTool's CPU, 6.6 s without the wait.
NO_DELAY = "-Dsun.net.httpserver.nodelay=true"


def parse_duration(value: str | float) -> float:
    """`1800`, `90s`, `30m`, `2h` → seconds."""
    text = str(value).strip().lower()
    units = {"s": 1, "m": 60, "h": 3600}
    try:
        if text and text[-1] in units:
            return float(text[:-1]) * units[text[-1]]
        return float(text)
    except ValueError:
        raise LanguageToolUnavailable(_("invalid duration “{value}” (use seconds, or 90s, 30m, 2h)").format(value=value)) from None


@dataclass
class ServerState:
    url: str
    port: int
    pid: int  # the JVM
    supervisor_pid: int
    version: str
    languages: list[str]
    started: float
    start_seconds: float
    heap: str
    idle_timeout_s: float
    state_dir: str
    log: str = ""
    extra: dict[str, Any] = field(default_factory=dict)


class ServerManager:
    """Start, find, and stop the shared server whose state lives in `state_dir`."""

    def __init__(
        self,
        state_dir: Path | None = None,
        *,
        heap: str | None = None,
        idle_timeout: float | None = None,
        version: str = LT_VERSION,
        prewarm: bool = True,
        properties: dict[str, str] | None = None,
    ) -> None:
        self.state_dir = (Path(state_dir) if state_dir else cache_root() / "server").absolute()
        self.heap = heap or os.environ.get(HEAP_ENV) or DEFAULT_HEAP
        idle = idle_timeout if idle_timeout is not None else os.environ.get(IDLE_ENV, DEFAULT_IDLE_SECONDS)
        self.idle_timeout = parse_duration(idle)
        self.version = version
        self.prewarm = prewarm
        self.properties = {**SERVER_PROPERTIES, **(properties or {})}

    # -- files --------------------------------------------------------------------------------
    @property
    def state_file(self) -> Path:
        return self.state_dir / "state.json"

    @property
    def last_used_file(self) -> Path:
        return self.state_dir / "last_used"

    @property
    def log_file(self) -> Path:
        return self.state_dir / "server.log"

    def lock(self, timeout: float = STARTUP_TIMEOUT * 2):
        from filelock import FileLock

        self.state_dir.mkdir(parents=True, exist_ok=True)
        return FileLock(str(self.state_dir / "state.lock"), timeout=timeout)

    def touch(self) -> None:
        """Reset the idle clock (called by every run and request)."""
        try:
            self.last_used_file.touch()
        except OSError:
            pass

    def read_state(self) -> ServerState | None:
        """The state file, if it describes a server we could have started (else None: stale)."""
        try:
            data = json.loads(self.state_file.read_text(encoding="utf-8"))
            state = ServerState(**data)
        except (OSError, ValueError, TypeError):
            return None
        return state if _sound(state) else None

    def _write_state(self, state: ServerState) -> None:
        tmp = self.state_file.with_suffix(".tmp")
        tmp.write_text(json.dumps(asdict(state), indent=2), encoding="utf-8")
        tmp.replace(self.state_file)

    def _clear_state(self) -> None:
        self.state_file.unlink(missing_ok=True)

    # -- queries ------------------------------------------------------------------------------
    def running(self) -> ServerState | None:
        """The state of a live, answering server, or None (without changing anything)."""
        state = self.read_state()
        if state and self._alive(state) and answers(state.url):
            return state
        return None

    def _alive(self, state: ServerState) -> bool:
        """Our JVM (or its supervisor) is alive and its port accepts connections: a busy server
        that is slow to answer is alive, and is never taken for a dead one."""
        processes = _is_our_jvm(state.pid, self.state_dir) or _is_ours(state.supervisor_pid, self.state_dir)
        return processes and _listening(state.port)

    def _wait_for_answer(self, state: ServerState) -> bool:
        """Give a live but busy server time to answer (another run may keep it busy)."""
        deadline = time.monotonic() + STARTUP_TIMEOUT
        while time.monotonic() < deadline:
            if answers(state.url, timeout=min(30.0, max(1.0, deadline - time.monotonic()))):
                return True
            if not self._alive(state):
                return False
            time.sleep(0.5)
        return False

    def status(self) -> dict[str, Any] | None:
        state = self.running()
        if state is None:
            return None
        return {
            "url": state.url,
            "pid": state.pid,
            "version": state.version,
            "languages": state.languages,
            "uptime_s": round(time.time() - state.started, 1),
            "rss_mb": _rss_mb(state.pid),
        }

    # -- start / stop -------------------------------------------------------------------------
    def ensure_running(
        self, languages: tuple[str, ...] = (), warm_up: Callable[[str], None] | None = None
    ) -> ServerState:
        """The running server, started if needed and then warmed up (by `warm_up(url)`, else with a
        sentence per language) before other runs waiting on the lock use it. Raises
        LanguageToolUnavailable with the fix."""
        from filelock import Timeout

        self.touch()
        state = self.running()
        if state and set(languages) <= set(state.languages) | {"all"}:
            return state
        try:
            return self._ensure_running_locked(languages, warm_up)
        except Timeout:
            raise LanguageToolUnavailable(_(
                "another process has held {lock} for minutes while starting "
                "LanguageTool: see `brandvoice languagetool status`, or `stop` it and try again"
            ).format(lock=self.state_dir / "state.lock")) from None
        except OSError as exc:
            raise LanguageToolUnavailable(_("cannot use the LanguageTool state folder {folder}: {problem}").format(
                folder=self.state_dir, problem=exc)) from None

    def _ensure_running_locked(self, languages: tuple[str, ...], warm_up: Callable[[str], None] | None) -> ServerState:
        with self.lock():
            self.touch()
            # someone may have started it while we waited for the lock; or it is busy: slow to
            # answer is not dead, and a server other runs are using is never stopped for that
            state = self.read_state()
            if state and self._alive(state) and set(languages) <= set(state.languages) | {"all"}:
                if answers(state.url) or self._wait_for_answer(state):
                    return state
                raise LanguageToolUnavailable(_(
                    "the shared LanguageTool server (pid {pid}, {url}) is running but has not answered for {seconds} s; "
                    "it is left alone for the runs using it: see `brandvoice languagetool status`, or "
                    "`brandvoice languagetool stop` it"
                ).format(pid=state.pid, url=state.url, seconds=f"{STARTUP_TIMEOUT:.0f}"))
            installation = find_installation(languages, self.version)
            if installation is None:
                wanted = ",".join(languages) if languages else "en,fr"
                raise LanguageToolUnavailable(_("LanguageTool {version} is not installed for {languages}: {hint}").format(
                    version=self.version, languages=wanted,
                    hint=_(INSTALL_HINT).replace("install`", f"install --languages {wanted}`", 1)))
            self._stop_locked()  # a stale state, a dead or foreign process on the port, a wrong language set
            from brandvoice.activity import step

            with step(_("starting LanguageTool ({languages})").format(languages=", ".join(languages or installation.languages))):
                return self._start_locked(installation, languages, warm_up)

    def stop(self) -> bool:
        """Stop the server and its supervisor. True when something was running."""
        try:
            with self.lock():
                return self._stop_locked()
        except OSError as exc:
            raise LanguageToolUnavailable(_("cannot use the LanguageTool state folder {folder}: {problem}").format(
                folder=self.state_dir, problem=exc)) from None

    def _stop_locked(self) -> bool:
        state = self.read_state()
        pids = [p for p in (state.pid, state.supervisor_pid) if p] if state else []
        pids += [p for p in _our_processes(self.state_dir) if p not in pids]
        stopped = _terminate(pids, self.state_dir)
        self._clear_state()
        return stopped

    def _start_locked(
        self, installation: Installation, languages: tuple[str, ...] = (), warm_up: Callable[[str], None] | None = None
    ) -> ServerState:
        java = require_java()
        archive = find_class_archive(installation, java)  # AppCDS: built by `languagetool install`
        classpath = archive.classpath if archive else installation.classpath
        class_sharing = archive.java_options() if archive else []
        self.state_dir.mkdir(parents=True, exist_ok=True)
        properties = self.state_dir / "server.properties"
        properties.write_text("".join(f"{k}={v}\n" for k, v in self.properties.items()), encoding="utf-8")
        last_error = ""
        for _attempt in range(3):  # a free port can be taken between choosing it and binding it
            port = free_port()
            command = [
                java, f"-Xmx{self.heap}", *collector_options(), NO_DELAY, f"{STATE_PROPERTY}{self.state_dir}", *class_sharing,
                "-cp", os.pathsep.join(str(p) for p in classpath),
                MAIN_CLASS, "--port", str(port), "--config", str(properties),
            ]  # fmt: skip
            started = time.time()
            supervisor_pid = self._spawn_supervisor(command)
            url = f"http://127.0.0.1:{port}"
            ready, last_error = self._wait_ready(url, supervisor_pid)
            if ready:
                ready_seconds = round(time.time() - started, 2)
                if self.prewarm:
                    (warm_up or partial(_prewarm, languages=languages or installation.languages))(url)
                jvm_pid = _jvm_child(supervisor_pid, self.state_dir)
                state = ServerState(
                    url=url,
                    port=port,
                    pid=jvm_pid or 0,
                    supervisor_pid=supervisor_pid,
                    version=installation.version,
                    languages=list(installation.languages),
                    started=started,
                    start_seconds=ready_seconds,
                    heap=self.heap,
                    idle_timeout_s=self.idle_timeout,
                    state_dir=str(self.state_dir),
                    log=str(self.log_file),
                    extra={"warm_seconds": round(time.time() - started, 2), "class_archive": bool(archive)},
                )
                self._write_state(state)
                self.touch()
                return state
            _terminate([supervisor_pid, *_our_processes(self.state_dir)], self.state_dir)
            if "port" not in last_error.lower():
                break
        raise LanguageToolUnavailable(
            _("the LanguageTool server did not start (log: {log}):").format(log=self.log_file) + f"\n{last_error}\n"
            + _("Try `brandvoice languagetool install` again, or a larger heap ({setting}).").format(setting=f"{HEAP_ENV}=2g")
        )

    def _spawn_supervisor(self, command: list[str]) -> int:
        """Start the detached supervisor (which starts the JVM); its pid."""
        with open(self.log_file, "ab") as log:
            launcher = subprocess.Popen(
                [
                    sys.executable, "-m", "brandvoice.languagetool.supervisor",
                    "--state-dir", str(self.state_dir), "--idle", str(self.idle_timeout),
                    "--log", str(self.log_file), "--", *command,
                ],
                stdin=subprocess.DEVNULL,
                stdout=subprocess.PIPE,
                stderr=log,
                start_new_session=True,  # a Ctrl-C in the terminal that started it must not stop it
                close_fds=True,
            )
        try:
            out, _errors = launcher.communicate(timeout=60)
        except subprocess.TimeoutExpired:
            launcher.kill()
            launcher.communicate()
            raise LanguageToolUnavailable(_("the LanguageTool supervisor did not start (log: {log})").format(
                log=self.log_file)) from None
        try:
            return int(out.strip())
        except ValueError:
            raise LanguageToolUnavailable(
                _("the LanguageTool supervisor did not start (log: {log}):").format(log=self.log_file)
                + "\n" + _log_tail(self.log_file)
            ) from None

    def _wait_ready(self, url: str, supervisor_pid: int) -> tuple[bool, str]:
        deadline = time.monotonic() + STARTUP_TIMEOUT
        while time.monotonic() < deadline:
            if not alive(supervisor_pid):
                return False, _log_tail(self.log_file)
            if answers(url, timeout=2.0):
                return True, ""
            time.sleep(0.2)
        return False, _("no answer on {url} after {seconds} s").format(url=url, seconds=f"{STARTUP_TIMEOUT:.0f}") + "\n" + _log_tail(self.log_file)


def collector_options(environ: Mapping[str, str] | None = None) -> list[str]:
    """The serial collector: as fast as G1 on thousands of posts, and a third less memory (G1 grows
    the heap to its cap: 1.03–1.23 GB after 3,200 posts, 0.77–0.79 GB serial). Not when the user's
    Java options choose a collector already: the JVM refuses to start with two."""
    env = os.environ if environ is None else environ
    chosen = " ".join(env.get(name, "") for name in JAVA_OPTIONS_VARIABLES)
    return [] if re.search(r"-XX:\+Use\w+GC\b", chosen) else ["-XX:+UseSerialGC"]


def answers(url: str, timeout: float = 3.0) -> bool:
    """Whether a LanguageTool server answers at `url` (and it is LanguageTool, not another program)."""
    import httpx

    try:
        response = httpx.get(f"{url.rstrip('/')}/v2/languages", timeout=timeout, trust_env=False)
        return response.status_code == 200 and isinstance(response.json(), list)
    except (httpx.HTTPError, ValueError):
        return False


_PREWARM_TEXTS = {"en": ("en-US", "This is a short sentence."), "fr": ("fr-FR", "Ceci est une phrase courte.")}


def _prewarm(url: str, languages: tuple[str, ...]) -> None:
    import httpx

    for code in languages:
        if code in _PREWARM_TEXTS:
            language, text = _PREWARM_TEXTS[code]
            try:
                httpx.post(f"{url}/v2/check", data={"language": language, "text": text}, timeout=60, trust_env=False)
            except httpx.HTTPError:
                pass  # a slow first check is not a failure


def _sound(state: ServerState) -> bool:
    """A state file we wrote: numbers where numbers go, and a URL on our own loopback port (a
    tampered state must not send drafts elsewhere, nor break `check`, `status` or `stop`)."""

    def whole(value: Any, low: int) -> bool:
        return isinstance(value, int) and not isinstance(value, bool) and value >= low

    return (
        whole(state.pid, 0)
        and whole(state.supervisor_pid, 1)
        and whole(state.port, 1)
        and state.port < 65536
        and state.url == f"http://127.0.0.1:{state.port}"
        and isinstance(state.languages, list)
        and all(isinstance(code, str) for code in state.languages)
        and all(isinstance(v, (int, float)) for v in (state.started, state.start_seconds, state.idle_timeout_s))
    )


def _listening(port: int) -> bool:
    """Whether something accepts connections on our loopback port (the kernel answers this, even
    for a process too busy, or stopped, to serve)."""
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=2.0):
            return True
    except OSError:
        return False


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _cmdline(pid: int) -> list[str]:
    import psutil

    if not isinstance(pid, int) or isinstance(pid, bool) or pid <= 0:
        return []
    try:
        return psutil.Process(pid).cmdline()
    except (psutil.Error, OSError, ValueError):
        return []


def _is_ours(pid: int, state_dir: Path) -> bool:
    """A JVM or supervisor started for this state folder (never some other process reusing a pid)."""
    cmd = _cmdline(pid)
    return f"{STATE_PROPERTY}{state_dir}" in cmd or (
        "brandvoice.languagetool.supervisor" in cmd and str(state_dir) in cmd
    )


def _is_our_jvm(pid: int, state_dir: Path) -> bool:
    cmd = _cmdline(pid) if pid else []
    # the supervisor's own command line carries the JVM's after `--`: it is not the JVM
    return f"{STATE_PROPERTY}{state_dir}" in cmd and "brandvoice.languagetool.supervisor" not in cmd


def _our_processes(state_dir: Path) -> list[int]:
    import psutil

    found = []
    for proc in psutil.process_iter(["pid", "cmdline"]):
        cmd = proc.info.get("cmdline") or []
        if f"{STATE_PROPERTY}{state_dir}" in cmd or (
            "brandvoice.languagetool.supervisor" in cmd and str(state_dir) in cmd
        ):
            found.append(proc.info["pid"])
    return found


def _jvm_child(supervisor_pid: int, state_dir: Path) -> int | None:
    import psutil

    try:
        for child in psutil.Process(supervisor_pid).children():
            if _is_our_jvm(child.pid, state_dir):
                return child.pid
    except psutil.Error:
        pass
    return None


def _terminate(pids: list[int], state_dir: Path, grace: float = 15.0) -> bool:
    import psutil

    procs = []
    for pid in pids:
        if pid and pid != os.getpid() and _is_ours(pid, state_dir):
            try:
                procs.append(psutil.Process(pid))
            except (psutil.Error, ValueError):
                pass
    for proc in procs:
        try:
            proc.send_signal(signal.SIGTERM)
        except psutil.Error:
            pass
    _gone, left = psutil.wait_procs(procs, timeout=grace)
    for proc in left:
        try:
            proc.kill()
        except psutil.Error:
            pass
    psutil.wait_procs(left, timeout=5)
    return bool(procs)


def _rss_mb(pid: int) -> float | None:
    import psutil

    try:
        return round(psutil.Process(pid).memory_info().rss / 2**20, 1)
    except (psutil.Error, ValueError):
        return None


def _log_tail(path: Path, lines: int = 12) -> str:
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return ""
    return "\n".join(text.strip().splitlines()[-lines:])
