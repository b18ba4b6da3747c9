"""Warm by default (issue 14): the first check starts this install's resident server in the
background and does its own work; the next runs use it; the switches keep one process; a
server never answers another install's client (two virtualenvs, two copies of the code)."""

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from helpers import ROOT

from brandvoice.server.client import warm_up_command
from test_server import server_env  # noqa: F401 (the fixture auto_env builds on)

DRAFT = "Enfin l’été chez hotelia ! Une vue incroyable.\n"
STARTING = "starting the resident server in the background"
WARMING = "the resident server is still warming up: this run checks on its own"


@pytest.fixture
def auto_env(server_env):
    """test_server's environment (private folders) with every switch left to its default."""
    env = {k: v for k, v in server_env.items() if k not in ("BRANDVOICE_SERVER", "CI")}
    yield env
    stop_all(env)


def stop_all(env, python=sys.executable):
    subprocess.run([python, "-m", "brandvoice", "server", "stop", "--all"], env=env, capture_output=True, timeout=60,
                   cwd=Path(env["BRANDVOICE_RUNTIME_DIR"]).parent)


def cli(env, *args, python=sys.executable, cwd=ROOT, **extra):
    return subprocess.run(
        [python, "-m", "brandvoice", *args], env={**env, **extra}, capture_output=True, text=True, cwd=cwd, timeout=300
    )


def status(env, python=sys.executable) -> dict:
    return json.loads(cli(env, "server", "status", "--json", python=python, cwd=Path(env["BRANDVOICE_RUNTIME_DIR"]).parent).stdout)


def wait_ready(env, python=sys.executable, timeout=300) -> dict:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        info = status(env, python)
        if info.get("ready"):
            return info
        time.sleep(0.5)
    raise AssertionError(f"the server was not warm within {timeout} s: {status(env, python)}")


def draft(tmp_path) -> Path:
    path = tmp_path / "d.md"
    path.write_text(DRAFT, encoding="utf-8")
    return path


def test_the_first_check_starts_the_server_and_the_next_runs_use_it(auto_env, tmp_path):
    args = ("check", str(draft(tmp_path)), "-b", "hotelia", "--no-grammar")
    first = cli(auto_env, *args)
    assert first.returncode == 1 and "hotelia.names.hotelia" in first.stdout  # its own work, done
    assert STARTING in first.stderr
    info = wait_ready(auto_env)
    assert info["requests"] == 0 and info["identity"]["prefix"] == sys.prefix
    # warmed up with the run's own draft and guide: the next run loads nothing
    assert info["warmed_with"] == ["check", "-b", "hotelia", "--no-grammar", str(tmp_path / "d.md"), "--no-cache"]
    served = cli(auto_env, *args)
    local = cli(auto_env, *args, "--no-server")
    assert (served.returncode, served.stdout, served.stderr) == (local.returncode, local.stdout, local.stderr)
    assert STARTING not in served.stderr
    scored = cli(auto_env, "score", str(draft(tmp_path)), "-b", "hotelia", "--no-grammar", "--format", "json")
    assert scored.returncode == 0 and json.loads(scored.stdout)
    assert status(auto_env)["requests"] == 2  # the check and the score; --no-server ran in its own process
    assert cli(auto_env, "server", "stop").returncode == 0
    assert status(auto_env) == {"running": False}


def test_the_clients_notices_follow_the_projects_interface_language(auto_env, tmp_path):
    project = tmp_path / "projet"
    project.mkdir()
    (project / ".brandvoice.yaml").write_text("ui_lang: fr\n", encoding="utf-8")
    proc = cli(auto_env, "check", str(draft(project)), "-b", "hotelia", "--no-grammar", cwd=project, LANG="C.UTF-8")
    assert proc.returncode == 1
    assert proc.stderr.startswith("brandvoice\u00a0: démarrage du serveur résident en arrière-plan\u00a0:"), proc.stderr


def test_idle_server_stops_by_itself(auto_env, tmp_path):
    cli(auto_env, "check", str(draft(tmp_path)), "-b", "hotelia", "--no-grammar", BRANDVOICE_SERVER_IDLE="5")
    pid = wait_ready(auto_env)["pid"]
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and status(auto_env).get("pid") == pid:
        time.sleep(0.5)
    assert status(auto_env) == {"running": False}
    assert not list((tmp_path / "run").glob("server-*.sock"))


@pytest.mark.parametrize("switch", ["--no-server", "BRANDVOICE_NO_SERVER", "BRANDVOICE_SERVER", "config", "pyproject", "CI"])
def test_switches_keep_one_process(auto_env, tmp_path, switch):
    project = tmp_path / "project"
    project.mkdir()
    (project / "sub").mkdir()
    if switch == "config":
        (project / ".brandvoice.yaml").write_text("brand: hotelia\nserver: off\n", encoding="utf-8")
    if switch == "pyproject":
        (project / "pyproject.toml").write_text('[tool.brandvoice]\nbrand = "hotelia"\nserver = "manual"\n', encoding="utf-8")
    extra = {"BRANDVOICE_NO_SERVER": "1", "BRANDVOICE_SERVER": "off", "CI": "true"}.get(switch)
    env = {**auto_env, switch: extra} if extra else auto_env
    args = ["check", str(draft(tmp_path)), "-b", "hotelia", "--no-grammar"] + (["--no-server"] if switch == "--no-server" else [])
    proc = cli(env, *args, cwd=project / "sub")
    assert proc.returncode == 1 and "hotelia.names.hotelia" in proc.stdout
    assert "resident server" not in proc.stderr
    assert not list((tmp_path / "run").glob("server-*.sock")) if (tmp_path / "run").exists() else True


def test_ci_uses_a_server_only_when_configured(auto_env, tmp_path):
    project = tmp_path / "project"
    project.mkdir()
    (project / ".brandvoice.yaml").write_text("server: auto\n", encoding="utf-8")
    proc = cli(auto_env, "check", str(draft(tmp_path)), "-b", "hotelia", "--no-grammar", cwd=project, CI="true")
    assert proc.returncode == 1 and STARTING in proc.stderr


def test_a_bad_server_key_is_reported_by_the_run(auto_env, tmp_path):
    project = tmp_path / "project"
    project.mkdir()
    (project / ".brandvoice.yaml").write_text("server: sometimes\n", encoding="utf-8")
    proc = cli(auto_env, "check", str(draft(project)), "-b", "hotelia", "--no-grammar", cwd=project, BRANDVOICE_SERVER="off")
    assert proc.returncode == 2 and ".brandvoice.yaml: server:" in proc.stderr and "Traceback" not in proc.stderr


def test_a_warming_server_is_never_waited_for(auto_env, tmp_path):
    """A server warms up once the run that started it has ended: while a (sleeping) process holds
    it back, checks run in their own process and say so."""
    sleeper = subprocess.Popen(["sleep", "60"])
    try:
        daemon = subprocess.Popen(
            [sys.executable, "-m", "brandvoice.server.daemon", "--after-pid", str(sleeper.pid)], env=auto_env
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and not status(auto_env).get("pid"):
            time.sleep(0.2)
        assert status(auto_env)["ready"] is False
        started = time.monotonic()
        proc = cli(auto_env, "check", str(draft(tmp_path)), "-b", "hotelia", "--no-grammar", "--select", "hotelia.names")
        assert proc.returncode == 1 and "hotelia.names.hotelia" in proc.stdout
        assert WARMING in proc.stderr and STARTING not in proc.stderr
        assert time.monotonic() - started < 60  # did not wait for the sleeper
        assert "warming up" in cli(auto_env, "server", "status").stdout
    finally:
        sleeper.kill()
        sleeper.wait()
    wait_ready(auto_env)
    stop_all(auto_env)
    daemon.wait(timeout=30)


def test_a_server_that_died_warming_up_is_not_restarted_by_every_run(auto_env, tmp_path):
    sleeper = subprocess.Popen(["sleep", "60"])
    try:  # started as a run starts it, it waits for that run (the sleeper) to end before warming up...
        started = subprocess.run(
            [sys.executable, "-c", f"from brandvoice.server.client import start_in_background as s; print(s(after_pid={sleeper.pid}))"],
            env=auto_env, capture_output=True, text=True, check=True, cwd=tmp_path,
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and not status(auto_env).get("pid"):
            time.sleep(0.2)
        assert status(auto_env)["pid"] == int(started.stdout) and not status(auto_env)["ready"]
        os.kill(int(started.stdout), signal.SIGKILL)  # ...and dies (the out-of-memory killer, a crash)
        again = cli(auto_env, "check", str(draft(tmp_path)), "-b", "hotelia", "--no-grammar")
        assert again.returncode == 1 and "hotelia.names.hotelia" in again.stdout  # checked on its own
        assert "warning: could not start the resident server: it died before it was warm" in again.stderr
        assert STARTING not in again.stderr and status(auto_env) == {"running": False}
    finally:
        sleeper.kill()
        sleeper.wait()
    assert cli(auto_env, "server", "start").returncode == 0  # on demand: tried now
    assert cli(auto_env, "check", str(draft(tmp_path)), "-b", "hotelia", "--no-grammar").stderr == ""


# --- one server per install ---------------------------------------------------------------------

def _virtualenv(where: Path, tree: Path) -> str:
    """A virtualenv running brandvoice from `tree` (a copy of this checkout's code), with this
    environment's packages (spaCy, models...) on its path: two such are two installs."""
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(where)], check=True, timeout=120)
    python = where / "bin" / "python"
    site = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        capture_output=True, text=True, check=True,
    ).stdout.strip()
    dependencies = [p for p in sys.path if p.endswith("site-packages")]
    Path(site, "brandvoice-tree.pth").write_text("\n".join([str(tree), *dependencies]) + "\n", encoding="utf-8")
    return str(python)


def _copy_tree(where: Path) -> Path:
    where.mkdir()
    shutil.copytree(ROOT / "brandvoice", where / "brandvoice", symlinks=True, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "styleguides", where / "styleguides")
    return where


def test_a_client_never_uses_another_installs_server(auto_env, tmp_path):
    from brandvoice.server import protocol

    tree_a = _copy_tree(tmp_path / "a")
    tree_b = _copy_tree(tmp_path / "b")
    changed = tree_b / "brandvoice" / "__init__.py"
    changed.write_text(changed.read_text(encoding="utf-8").replace('"0.1.0"', '"0.1.0+b"'), encoding="utf-8")
    python_a = _virtualenv(tmp_path / "venv-a", tree_a)
    python_b = _virtualenv(tmp_path / "venv-b", tree_b)
    args = ("check", str(draft(tmp_path)), "-b", "hotelia", "--no-grammar")
    here = {"cwd": tmp_path}  # not this checkout, whose brandvoice `python -m` would import

    first_a = cli(auto_env, *args, python=python_a, **here)
    assert first_a.returncode == 1 and STARTING in first_a.stderr, first_a.stderr
    server_a = wait_ready(auto_env, python_a)
    assert server_a["identity"]["package"] == str((tree_a / "brandvoice").resolve())
    assert status(auto_env, python_b) == {"running": False}  # A's server is not B's

    first_b = cli(auto_env, *args, python=python_b, **here)
    assert first_b.returncode == 1 and STARTING in first_b.stderr  # B starts its own
    server_b = wait_ready(auto_env, python_b)
    assert server_b["pid"] != server_a["pid"] and server_b["socket"] != server_a["socket"]
    assert server_b["identity"]["version"] == "0.1.0+b" and server_b["identity"]["prefix"] == str(tmp_path / "venv-b")

    served_b = cli(auto_env, *args, python=python_b, **here)
    assert served_b.stdout == first_b.stdout and not served_b.stderr
    assert status(auto_env, python_b)["requests"] == 1 and status(auto_env, python_a)["requests"] == 0

    # the handshake: a request carrying another install's key is refused, even on the right socket
    from brandvoice.server.client import request_to

    reply = request_to(server_a["socket"], {"op": "run", "argv": list(args), "identity": server_b["key"]}, timeout=30)
    assert reply["error"] == protocol.ANOTHER_INSTALL and "0.1.0" in reply["detail"]
    assert status(auto_env, python_a)["requests"] == 0

    # an edit makes a new install: its first run starts a new server, which stops the old one
    edited = tree_a / "brandvoice" / "findings.py"
    edited.write_text(edited.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    after_edit = cli(auto_env, *args, python=python_a, **here)
    assert STARTING in after_edit.stderr
    new_a = wait_ready(auto_env, python_a)
    assert new_a["key"] != server_a["key"]
    assert not Path(server_a["socket"]).exists()  # the old version's server was stopped
    stop_all(auto_env, python_a)
    stop_all(auto_env, python_b)


def test_the_warm_up_repeats_the_starting_command_read_only(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.md").write_text("Bonjour.\n", encoding="utf-8")
    (tmp_path / "b.md").write_text("Salut.\n", encoding="utf-8")
    (tmp_path / "drafts").mkdir()
    a = str(tmp_path / "a.md")
    assert warm_up_command(["check", "a.md", "b.md"]) == ["check", a, "--no-cache"]
    assert warm_up_command(
        ["check", "--fix", "--unsafe-fixes", "-o", "json:out.json", "-bhotelia", "--channel=x", "--lang", "fr",
         "--no-grammar", "drafts", "a.md", "--diff", "--select", "typography"]
    ) == ["check", "-bhotelia", "--channel=x", "--lang", "fr", "--no-grammar", "--select", "typography", a, "--no-cache"]
    assert warm_up_command(["score", "-b", "hotelia", "a.md", "--format", "json"]) == ["score", "-b", "hotelia", a, "--no-cache"]
    assert warm_up_command(["check", "-", "--stdin-filename", "x.md"]) is None
    assert warm_up_command(["check", "drafts", "missing.md"]) is None
