"""Where drafts go (issue 19): a server on this machine is reached directly, never through an
HTTP(S)_PROXY, however its host is spelled; a default run talks to loopback only; a server off
this machine that a project configures is announced the first time, and with --verbose."""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from brandvoice.languagetool import is_local
from helpers import run_cli

PROXY_VARIABLES = ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy")


class _RecordingProxy(BaseHTTPRequestHandler):
    """Records what reaches it; answers as a LanguageTool would (for forwarded requests)."""

    seen: list[str]

    def _answer(self, body: bytes) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        self.seen.append(f"GET {self.path}")
        self._answer(json.dumps([{"code": "fr", "longCode": "fr-FR"}, {"code": "en", "longCode": "en-US"}]).encode())

    def do_POST(self):
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        self.seen.append(f"POST {self.path}")
        self._answer(b'{"matches": []}')

    def do_CONNECT(self):
        self.seen.append(f"CONNECT {self.path}")
        self.send_error(502)

    def log_message(self, *args):
        pass


@pytest.fixture
def proxy():
    handler = type("Proxy", (_RecordingProxy,), {"seen": []})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}"
    yield url, handler.seen
    server.shutdown()
    server.server_close()


@pytest.mark.parametrize("host", ["localhost", "localhost.", "127.1", "0.0.0.0", "0", "[::1]", "a.localhost"])
def test_any_spelling_of_this_machine_is_local(host):
    assert is_local(f"http://{host}:8081")


@pytest.mark.parametrize("host", ["203.0.113.9", "lt.invalid", "api.languagetool.org", "127.0.0.1.example"])
def test_other_hosts_are_not_local(host):
    assert not is_local(f"http://{host}:8081")


@pytest.mark.languagetool
@pytest.mark.parametrize("host", ["127.1", "0.0.0.0", "0", "localhost", "localhost."])
def test_a_local_server_is_never_reached_through_a_proxy(languagetool_server, proxy, monkeypatch, host):
    from brandvoice.languagetool import LanguageToolUnavailable
    from brandvoice.languagetool.client import CheckOptions, LanguageToolClient
    from brandvoice.parsing.prose import ProseText

    proxy_url, seen = proxy
    for name in PROXY_VARIABLES:
        monkeypatch.setenv(name, proxy_url)
    monkeypatch.delenv("NO_PROXY", raising=False)
    monkeypatch.delenv("no_proxy", raising=False)
    url = f"http://{host}:{languagetool_server.port}"
    with LanguageToolClient(url) as client:
        try:
            result = client.check_prose(ProseText.plain("Les enfant sont allé à l'école."), CheckOptions("fr-FR"))
        except LanguageToolUnavailable:
            assert host == "localhost."  # a resolver without the trailing-dot form: unreachable, yet not proxied
        else:
            assert {m.rule_id for m in result.matches} >= {"D_N"}
    assert seen == []


@pytest.mark.languagetool
def test_a_default_run_talks_to_loopback_only(languagetool_server, proxy, tmp_path):
    proxy_url, seen = proxy
    (tmp_path / "post.txt").write_text("Les enfant sont allé à l'école.\n", encoding="utf-8")
    (tmp_path / "g.yaml").write_text("language: fr-FR\n", encoding="utf-8")
    env = {name: proxy_url for name in PROXY_VARIABLES} | {"NO_PROXY": "", "no_proxy": ""}
    proc = run_cli("check", str(tmp_path / "post.txt"), "-b", str(tmp_path / "g.yaml"), "--no-cache", env=env, timeout=300)
    assert proc.returncode == 1 and "languagetool.D_N" in proc.stdout, proc.stderr
    assert seen == []


def test_an_off_machine_server_from_a_project_is_announced(tmp_path, proxy):
    """A project's .brandvoice.yaml may send its drafts to a team server: said the first time for
    that server, and on every run with --verbose. (lt.invalid never resolves: requests go to the
    recording proxy, which answers as LanguageTool would.)"""
    proxy_url, seen = proxy
    (tmp_path / ".brandvoice.yaml").write_text("languagetool:\n  url: http://lt.invalid:8081\n", encoding="utf-8")
    (tmp_path / "post.txt").write_text("Bonjour à tous.\n", encoding="utf-8")
    (tmp_path / "g.yaml").write_text("language: fr-FR\n", encoding="utf-8")  # grammar, and no spaCy: fast
    env = {name: proxy_url for name in PROXY_VARIABLES} | {
        "NO_PROXY": "", "no_proxy": "", "BRANDVOICE_LANGUAGETOOL_HOME": str(tmp_path / "lt-home"),
    }
    notice = (
        "brandvoice: warning: drafts are sent to the LanguageTool server at http://lt.invalid:8081, off this "
        f"machine (set by {tmp_path / '.brandvoice.yaml'}, languagetool.url)"
    )
    args = ("check", "post.txt", "-b", "./g.yaml", "--no-cache")
    first = run_cli(*args, cwd=tmp_path, env=env, timeout=300)
    assert first.returncode == 0 and notice in first.stderr, first.stderr
    assert "POST http://lt.invalid:8081/v2/check" in seen  # the user's choice: sent there, through their proxy
    second = run_cli(*args, cwd=tmp_path, env=env, timeout=300)
    assert second.returncode == 0 and "drafts are sent" not in second.stderr
    verbose = run_cli(*args, "--verbose", cwd=tmp_path, env=env, timeout=300)
    assert notice in verbose.stderr
    quiet = run_cli(*args, "--no-grammar", "--verbose", cwd=tmp_path, env=env, timeout=300)
    assert "drafts are" not in quiet.stderr  # nothing is sent: nothing to say
