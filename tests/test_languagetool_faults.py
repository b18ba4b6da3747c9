"""A LanguageTool server that misbehaves (issue 19): garbage, errors, answers that are not
LanguageTool's, answers that drip or never come, a stopped process. Each is exit 2 with a message
naming the server, within the time limits (short here: set through the environment); never a
traceback, never a check that silently went without grammar. Fake servers on loopback only."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from helpers import run_cli

LANGUAGES = json.dumps([{"name": "French", "code": "fr", "longCode": "fr-FR"}]).encode()
LIMITS = {
    "BRANDVOICE_LANGUAGETOOL_CONNECT_TIMEOUT": "1",
    "BRANDVOICE_LANGUAGETOOL_TIMEOUT": "2",
    "BRANDVOICE_LANGUAGETOOL_BUDGET": "20",
}
DRAFT = "Les enfant sont allé à l'école.\n\n" * 3


def _match(offset: int, length: int) -> dict:
    return {"offset": offset, "length": length, "message": "m", "replacements": [], "rule": {"id": "X"}}


# what /v2/check answers: (status, body) or a callable writing the answer itself
CHECK_ANSWERS = {
    "garbage": (200, b"\x00<html>not json"),
    "http-500": (500, b"java.lang.OutOfMemoryError"),
    "no-matches": (200, json.dumps({"software": {"name": "LanguageTool"}}).encode()),
    "empty-json": (200, b"{}"),
    "not-an-object": (200, b"[1, 2, 3]"),
    "bad-offsets": (200, json.dumps({"matches": [_match(5000, 3)]}).encode()),
    "negative-offset": (200, json.dumps({"matches": [_match(-1, 3)]}).encode()),
    "incomplete": (200, json.dumps({"matches": [], "warnings": {"incompleteResults": True}}).encode()),
}


class _Fake(BaseHTTPRequestHandler):
    fault = "garbage"

    def _send(self, status: int, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):  # /v2/languages
        if self.fault in ("languages-garbage", "languages-500"):
            self._send(500 if self.fault == "languages-500" else 200, b"<html>oops</html>")
        else:
            self._send(200, LANGUAGES)

    def do_POST(self):  # /v2/check
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        if self.fault == "drip":  # a byte at a time, each in time, the whole far too late
            self.send_response(200)
            self.send_header("Content-Length", "100")
            self.end_headers()
            try:
                for _ in range(100):
                    self.wfile.write(b" ")
                    self.wfile.flush()
                    time.sleep(0.5)
            except OSError:
                pass  # the client gave up, as it should
            return
        self._send(*CHECK_ANSWERS[self.fault])

    def log_message(self, *args):
        pass


@pytest.fixture
def fake_server():
    servers = []

    def start(fault: str) -> str:
        handler = type("Handler", (_Fake,), {"fault": fault})
        server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        server.daemon_threads = True
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        return f"http://127.0.0.1:{server.server_address[1]}"

    yield start
    for server in servers:
        server.shutdown()
        server.server_close()


def _check_with(tmp_path, url: str):
    guide = tmp_path / "g.yaml"
    guide.write_text("language: fr-FR\n", encoding="utf-8")
    (tmp_path / "post.txt").write_text(DRAFT, encoding="utf-8")
    started = time.monotonic()
    proc = run_cli("check", str(tmp_path / "post.txt"), "-b", str(guide), "--no-cache", "--languagetool-url", url,
                   env=LIMITS, timeout=120)
    return proc, time.monotonic() - started


@pytest.mark.parametrize("fault", ["languages-garbage", "languages-500", *CHECK_ANSWERS, "drip"])
def test_a_misbehaving_server_is_an_error_naming_it(tmp_path, fake_server, fault):
    url = fake_server(fault)
    proc, seconds = _check_with(tmp_path, url)
    assert proc.returncode == 2, proc.stdout + proc.stderr
    assert f"brandvoice: error: LanguageTool at {url}" in proc.stderr and "Traceback" not in proc.stderr
    assert seconds < 30  # 2 s per request, the first failure ends the run


def test_a_black_hole_server_times_out(tmp_path):
    """A server that accepts connections and never answers (a hung process, a firewall)."""
    hole = socket.socket()
    hole.bind(("127.0.0.1", 0))
    hole.listen(64)  # the kernel accepts; nobody reads
    try:
        url = f"http://127.0.0.1:{hole.getsockname()[1]}"
        proc, seconds = _check_with(tmp_path, url)
        assert proc.returncode == 2 and f"LanguageTool at {url} did not answer /v2/languages within 2 s" in proc.stderr
        assert seconds < 30
    finally:
        hole.close()


def test_a_stopped_server_times_out(tmp_path):
    """SIGSTOP: the process exists, its port accepts, nothing answers."""
    code = (
        "import http.server, json, sys\n"
        "class H(http.server.BaseHTTPRequestHandler):\n"
        "    def do_GET(self):\n"
        "        b = json.dumps([{'code': 'fr', 'longCode': 'fr-FR'}]).encode()\n"
        "        self.send_response(200); self.send_header('Content-Length', str(len(b))); self.end_headers(); self.wfile.write(b)\n"
        "    def log_message(self, *a): pass\n"
        "s = http.server.HTTPServer(('127.0.0.1', 0), H)\n"
        "print(s.server_address[1], flush=True)\n"
        "s.serve_forever()\n"
    )
    server = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    try:
        url = f"http://127.0.0.1:{server.stdout.readline().strip()}"
        os.kill(server.pid, signal.SIGSTOP)
        proc, seconds = _check_with(tmp_path, url)
        assert proc.returncode == 2 and f"LanguageTool at {url} did not answer" in proc.stderr
        assert seconds < 30
    finally:
        os.kill(server.pid, signal.SIGCONT)
        server.kill()
        server.wait()


def test_the_run_budget_bounds_all_requests_together(fake_server):
    from brandvoice.languagetool import LanguageToolUnavailable, begin_run
    from brandvoice.languagetool.client import CheckOptions, LanguageToolClient
    from brandvoice.parsing.prose import ProseText

    url = fake_server("drip")
    env = {**LIMITS, "BRANDVOICE_LANGUAGETOOL_TIMEOUT": "60", "BRANDVOICE_LANGUAGETOOL_BUDGET": "1.5"}
    saved = {k: os.environ.get(k) for k in env}
    os.environ.update(env)
    try:
        begin_run()
        started = time.monotonic()
        with LanguageToolClient(url) as client, pytest.raises(LanguageToolUnavailable, match=f"LanguageTool at {url}"):
            client.check_many([(ProseText.plain(DRAFT), CheckOptions("fr-FR"))] * 4)
        assert time.monotonic() - started < 10
        with LanguageToolClient(url) as client, pytest.raises(LanguageToolUnavailable, match="grammar checks are spent"):
            client.check_many([(ProseText.plain(DRAFT), CheckOptions("fr-FR"))])
    finally:
        for key, value in saved.items():
            os.environ.pop(key, None) if value is None else os.environ.__setitem__(key, value)
        begin_run()
