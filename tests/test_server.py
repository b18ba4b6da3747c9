"""The resident server: same output as in-process runs, and a lifecycle that recovers."""

import json
import os
import signal
import socket
import struct
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
        "BRANDVOICE_SERVER": "manual",  # these tests start the server themselves (auto start: test_server_auto.py)
    }
    env.pop("BRANDVOICE_NO_SERVER", None)
    yield env
    subprocess.run([sys.executable, "-m", "brandvoice", "server", "stop", "--all"], env=env, capture_output=True, timeout=60)


def cli(env, *args, stdin=None, cwd=ROOT, **extra):
    return subprocess.run(
        [sys.executable, "-m", "brandvoice", *args], env={**env, **extra}, input=stdin,
        capture_output=True, text=True, cwd=cwd, timeout=300,
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


def test_the_server_speaks_each_client_s_language(server_env, tmp_path):
    draft = tmp_path / "d.md"
    draft.write_text(DRAFT, encoding="utf-8")
    start(server_env)
    args = ("check", str(draft), "-b", "hotelia", "--no-grammar")
    for locale, summary in (("fr_FR.UTF-8", "1 fichier vérifié\u00a0:"), ("en_US.UTF-8", "1 file checked:")):
        served = cli(server_env, *args, LANG=locale)
        local = cli(server_env, *args, LANG=locale, BRANDVOICE_NO_SERVER="1")
        assert (served.returncode, served.stdout, served.stderr) == (local.returncode, local.stdout, local.stderr)
        assert summary in served.stdout
    assert json.loads(cli(server_env, "server", "status", "--json").stdout)["requests"] == 2


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
    socket_file = tmp_path / "run" / os.path.basename(status["socket"])
    assert socket_file.exists()  # left behind by the killed server
    draft = tmp_path / "d.md"
    draft.write_text(DRAFT, encoding="utf-8")
    proc = cli(server_env, "check", str(draft), "-b", "hotelia", "--no-grammar")
    assert proc.returncode == 1 and "hotelia.names.hotelia" in proc.stdout  # ran in-process
    assert cli(server_env, "server", "status").returncode == 1
    assert start(server_env)["pid"] != status["pid"]


def test_socket_is_user_only(server_env, tmp_path):
    status = start(server_env)
    run_dir = tmp_path / "run"
    assert oct(run_dir.stat().st_mode & 0o777) == "0o700"
    assert oct(os.stat(status["socket"]).st_mode & 0o777) == "0o600"
    if os.geteuid() == 0:  # another user cannot even reach the socket
        sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        os.setegid(65534)
        os.seteuid(65534)
        try:
            with pytest.raises(PermissionError):
                sock.connect(status["socket"])
        finally:
            os.seteuid(0)
            os.setegid(0)
            sock.close()


# --- issue 19: the socket's folder, other users, request size --------------------------------

def test_the_socket_folder_is_made_private_under_xdg_runtime_dir(tmp_path, monkeypatch):
    from brandvoice.server import protocol
    from brandvoice.server.identity import install_key

    monkeypatch.delenv("BRANDVOICE_RUNTIME_DIR", raising=False)
    xdg = tmp_path / "xdg"
    xdg.mkdir(mode=0o700)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(xdg))
    old = os.umask(0o000)  # a careless umask must not loosen the folder
    try:
        assert protocol.socket_path() == xdg / "brandvoice" / f"server-{install_key()}.sock"
    finally:
        os.umask(old)
    assert oct((xdg / "brandvoice").stat().st_mode & 0o777) == "0o700"


@pytest.mark.parametrize("kind", ["loose", "symlink", "other-owner", "file"])
def test_an_unsafe_socket_folder_is_refused_and_never_changed(tmp_path, kind):
    """Another local user who made the folder first (or loosened it) could plant a fake server
    there: drafts would leak, results be forged. Refused with a message; the folder untouched."""
    run_dir = tmp_path / "run"
    if kind == "symlink":
        (tmp_path / "elsewhere").mkdir(mode=0o700)
        run_dir.symlink_to(tmp_path / "elsewhere")
    elif kind == "file":
        run_dir.write_text("", encoding="utf-8")
    else:
        run_dir.mkdir()
        run_dir.chmod(0o777 if kind == "loose" else 0o700)
        if kind == "other-owner":
            if os.geteuid() != 0:
                pytest.skip("needs root to make a folder another user owns")
            os.chown(run_dir, 65534, 65534)
    before = os.lstat(run_dir)
    env = {**os.environ, "NO_COLOR": "1", "BRANDVOICE_RUNTIME_DIR": str(run_dir)}
    env.pop("BRANDVOICE_NO_SERVER", None)
    started = cli(env, "server", "start", "--idle-minutes", "1")
    assert started.returncode == 2 and "the resident server's folder is not safe to use" in started.stderr
    assert "Traceback" not in started.stderr
    draft = tmp_path / "d.md"
    draft.write_text(DRAFT, encoding="utf-8")
    checked = cli(env, "check", str(draft), "-b", "hotelia", "--no-grammar", "--select", "hotelia.names")
    assert checked.returncode == 1 and "hotelia.names.hotelia" in checked.stdout  # in-process
    assert "brandvoice: warning: not using the resident server" in checked.stderr
    after = os.lstat(run_dir)
    assert (after.st_mode, after.st_uid) == (before.st_mode, before.st_uid)  # never chmod-ed or chown-ed


def test_a_planted_socket_is_never_talked_to(tmp_path, monkeypatch):
    """A socket that is a symbolic link, or not ours, is not the server."""
    from brandvoice.server import client, protocol

    run_dir = tmp_path / "run"
    run_dir.mkdir(mode=0o700)
    monkeypatch.setenv("BRANDVOICE_RUNTIME_DIR", str(run_dir))
    monkeypatch.delenv("BRANDVOICE_NO_SERVER", raising=False)
    fake = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    fake.bind(str(tmp_path / "fake.sock"))
    fake.listen(1)
    planted = protocol.socket_path()
    try:
        planted.symlink_to(tmp_path / "fake.sock")
        assert client.server_socket() is None and client.request({"op": "status"}) is None
        planted.unlink()
        if os.geteuid() == 0:
            os.link(tmp_path / "fake.sock", planted)
            os.chown(planted, 65534, 65534, follow_symlinks=False)
            assert not protocol.check_socket(planted)
            assert client.server_socket() is None
    finally:
        fake.close()


def test_the_server_checks_who_connects():
    from brandvoice.server.daemon import _peer_uid

    left, right = socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
    with left, right:
        assert _peer_uid(left) == os.getuid()


def test_an_oversized_request_runs_in_process(server_env, tmp_path):
    """42 MB on standard input gave a traceback through the server: a request past the protocol's
    bound is not sent; the command runs in-process (here: over the input limit, exit 2)."""
    from brandvoice.server import protocol

    status = start(server_env)
    big = "Chez hotelia. " * (42 * 1024 * 1024 // 14)
    proc = cli(server_env, "check", "-", "-b", "hotelia", "--no-grammar", stdin=big)
    assert proc.returncode == 2 and "standard input is larger than the 5.0 MB limit" in proc.stderr
    assert "Traceback" not in proc.stderr
    requests = json.loads(cli(server_env, "server", "status", "--json").stdout)["requests"]
    assert requests == 0  # never sent
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as sock:  # a header claiming too much
        sock.connect(status["socket"])
        sock.sendall(struct.pack("!I", protocol.MAX_MESSAGE + 1))
        assert sock.recv(16) == b""  # closed without reading on


def test_standard_input_already_read_is_replayed_in_process():
    import io

    from brandvoice.server.client import _Replay

    stream = io.TextIOWrapper(io.BufferedReader(_Replay(b"Bonjour ", io.BytesIO("à tous.".encode()))), encoding="utf-8")
    assert stream.read() == "Bonjour à tous."
