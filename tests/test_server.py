"""The resident server: same output as in-process runs, and a lifecycle that recovers."""

import json
import os
import signal
import subprocess
import sys
import threading
import time

import pytest

from helpers import ROOT

DRAFT = "Enfin l’été chez hotelia ! Une vue incroyable.\n"


@pytest.fixture
def server_env(tmp_path):
    env = {
        **os.environ,
        "NO_COLOR": "1",
        "BRANDVOICE_RUNTIME_DIR": str(tmp_path / "run"),
        "BRANDVOICE_CACHE_DIR": str(tmp_path / "cache"),
    }
    env.pop("BRANDVOICE_NO_SERVER", None)
    yield env
    subprocess.run([sys.executable, "-m", "brandvoice", "server", "stop"], env=env, capture_output=True, timeout=60)


def cli(env, *args, stdin=None, **extra):
    return subprocess.run(
        [sys.executable, "-m", "brandvoice", *args], env={**env, **extra}, input=stdin,
        capture_output=True, text=True, cwd=ROOT, timeout=300,
    )


def start(env):
    proc = cli(env, "server", "start", "--idle-minutes", "5")
    assert proc.returncode == 0, proc.stderr
    status = json.loads(cli(env, "server", "status", "--json").stdout)
    assert status["pid"]
    return status


def test_outputs_identical_with_and_without_the_server(server_env, tmp_path):
    draft = tmp_path / "d.md"
    draft.write_text(DRAFT, encoding="utf-8")
    start(server_env)
    for extra in ([], ["--format", "json"]):
        args = ("check", str(draft), "-b", "hotelia", "--no-grammar", *extra)
        served = cli(server_env, *args)
        local = cli(server_env, *args, BRANDVOICE_NO_SERVER="1")
        assert (served.returncode, served.stdout, served.stderr) == (local.returncode, local.stdout, local.stderr)
    requests = json.loads(cli(server_env, "server", "status", "--json").stdout)["requests"]
    assert requests == 2
    args = ("check", "-", "--stdin-filename", "post.md", "-b", "hotelia", "--no-grammar")
    served, local = cli(server_env, *args, stdin=DRAFT), cli(server_env, *args, stdin=DRAFT, BRANDVOICE_NO_SERVER="1")
    assert served.returncode == local.returncode == 1 and served.stdout == local.stdout
    # relative paths resolve in the client's folder
    rel = cli(server_env, "check", "examples/hotelia/2026-10-automne-clean.txt", "--no-grammar")
    assert rel.returncode == 0 and "1 file checked" in rel.stdout
    # user errors keep their exit code and message
    bad = cli(server_env, "check", "missing.md")
    assert bad.returncode == 2 and "no such file" in bad.stderr


def test_two_clients_at_once(server_env, tmp_path):
    start(server_env)
    drafts = []
    for i in range(2):
        d = tmp_path / f"d{i}.md"
        d.write_text(f"Chez hotelia {i}.\n", encoding="utf-8")
        drafts.append(d)
    results = {}

    def run(i):
        results[i] = cli(server_env, "check", str(drafts[i]), "-b", "hotelia", "--no-grammar", "--format", "json")

    threads = [threading.Thread(target=run, args=(i,)) for i in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    for i in range(2):
        data = json.loads(results[i].stdout)
        assert data["files"][0]["path"] == str(drafts[i])


def test_killed_server_and_stale_socket_are_recovered(server_env, tmp_path):
    status = start(server_env)
    os.kill(status["pid"], signal.SIGKILL)
    time.sleep(0.5)
    socket_file = tmp_path / "run" / "server.sock"
    assert socket_file.exists()  # left behind by the killed server
    draft = tmp_path / "d.md"
    draft.write_text(DRAFT, encoding="utf-8")
    proc = cli(server_env, "check", str(draft), "-b", "hotelia", "--no-grammar")
    assert proc.returncode == 1 and "hotelia.names.hotelia" in proc.stdout  # ran in-process
    assert cli(server_env, "server", "status").returncode == 1
    assert start(server_env)["pid"] != status["pid"]


def test_socket_is_user_only(server_env, tmp_path):
    start(server_env)
    run_dir = tmp_path / "run"
    assert oct(run_dir.stat().st_mode & 0o777) == "0o700"
    assert oct((run_dir / "server.sock").stat().st_mode & 0o777) == "0o600"
