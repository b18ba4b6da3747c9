"""Project configuration: discovery, precedence (command line > front matter > project globs >
project defaults > guide defaults), ignore globs, fail level, guide folders and errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from brandvoice.config import find_project, load_project
from brandvoice.errors import BrandvoiceError
from brandvoice.runner import GuideCache
from helpers import run_cli

ACME = """language: en-GB
rules:
  hype:
    kind: existence
    tokens: [amazing]
    level: warning
"""
ACME_FR = """language: fr-CA
rules:
  hype:
    kind: existence
    tokens: [incroyable]
    level: warning
"""
CONFIG = """guides: [brand-guides]
brand: acme
ignore: ["archive/", "*.draft.md"]
paths:
  "fr/**": {brand: acme-fr}
  "us/**": {language: en-US}
  "**/*.x.md": {channel: x}
"""


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "brand-guides").mkdir()
    (tmp_path / "brand-guides" / "acme.yaml").write_text(ACME, encoding="utf-8")
    (tmp_path / "brand-guides" / "acme-fr.yaml").write_text(ACME_FR, encoding="utf-8")
    (tmp_path / ".brandvoice.yaml").write_text(CONFIG, encoding="utf-8")
    files = {
        "plain.md": "An amazing day.\n",
        "us/post.md": "An amazing day.\n",
        "fr/post.md": "Une journée incroyable.\n",
        "fr/front.md": "---\nbrand: acme\nlang: en-US\n---\nAn amazing day.\n",
        "fr/thread.x.md": "Une journée incroyable.\n",
        "fr/insta.x.md": "---\nchannel: instagram\n---\nUne journée incroyable.\n",
        "archive/old.md": "An amazing day.\n",
        "plain.draft.md": "An amazing day.\n",
    }
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    return tmp_path


def _files(cwd: Path, *args: str) -> dict[str, dict]:
    proc = run_cli("check", *args, "--no-grammar", "--format", "json", cwd=cwd)
    assert proc.returncode in (0, 1), proc.stderr
    return {f["path"]: f for f in json.loads(proc.stdout)["files"]}


def test_precedence_of_settings(project):
    files = _files(project, ".")
    assert sorted(files) == ["fr/front.md", "fr/insta.x.md", "fr/post.md", "fr/thread.x.md", "plain.md", "us/post.md"]
    # project default brand, guide default language
    assert (files["plain.md"]["brand"], files["plain.md"]["language"]) == ("acme", "en-GB")
    # a project glob beats the guide's default language
    assert files["us/post.md"]["language"] == "en-US"
    # a project glob beats the project default brand
    assert (files["fr/post.md"]["brand"], files["fr/post.md"]["language"]) == ("acme-fr", "fr-CA")
    assert [f["rule"] for f in files["fr/post.md"]["findings"]] == ["acme-fr.hype"]
    # front matter beats the project's globs
    assert (files["fr/front.md"]["brand"], files["fr/front.md"]["language"]) == ("acme", "en-US")
    assert files["fr/thread.x.md"]["channels"] == ["x"]
    assert files["fr/insta.x.md"]["channels"] == ["instagram"]
    # the command line beats everything
    cli = _files(project, "fr/insta.x.md", "fr/front.md", "--brand", "acme", "--channel", "linkedin", "--lang", "en-GB")
    assert {(f["brand"], f["language"], tuple(f["channels"])) for f in cli.values()} == {("acme", "en-GB", ("linkedin",))}


def test_ignore_globs_apply_to_named_files_too(project):
    """pre-commit names files one by one: the project's ignore list must still hold."""
    files = _files(project, "archive/old.md", "plain.draft.md", "plain.md")
    assert sorted(files) == ["plain.md"]


def test_fail_on_from_the_project_and_the_command_line(project):
    assert run_cli("check", "plain.md", "--no-grammar", cwd=project).returncode == 0  # a warning; fail_on error
    with open(project / ".brandvoice.yaml", "a", encoding="utf-8") as handle:
        handle.write("fail_on: warning\n")
    assert run_cli("check", "plain.md", "--no-grammar", cwd=project).returncode == 1
    assert run_cli("check", "plain.md", "--no-grammar", "--fail-on", "error", cwd=project).returncode == 0


def test_nearest_configuration_wins_and_pyproject_is_read(tmp_path):
    (tmp_path / ".brandvoice.yaml").write_text("brand: hotelia\n", encoding="utf-8")
    sub = tmp_path / "en"
    sub.mkdir()
    (sub / "pyproject.toml").write_text('[project]\nname = "x"\n\n[tool.brandvoice]\nbrand = "trailcraft"\n',
                                        encoding="utf-8")
    (sub / "deeper").mkdir()
    assert find_project(tmp_path / "a.md").config.brand == "hotelia"
    assert find_project(sub / "deeper" / "b.md").config.brand == "trailcraft"
    (sub / "pyproject.toml").write_text('[project]\nname = "x"\n', encoding="utf-8")  # no [tool.brandvoice]
    assert find_project(sub / "deeper" / "b.md").config.brand == "hotelia"


def test_languagetool_can_be_turned_off_per_project(tmp_path):
    (tmp_path / ".brandvoice.yaml").write_text("languagetool: {enabled: false}\n", encoding="utf-8")
    project = find_project(tmp_path / "x.md")
    guides = GuideCache([], grammar=True)
    needs = lambda guide: {n for r in guide.rules for n in r.needs}  # noqa: E731
    assert "languagetool" not in needs(guides.get("base-fr", project))
    if "languagetool" in needs(guides.get("base-fr")):  # the shipped guide checks grammar by default
        assert len(guides.get("base-fr").rules) > len(guides.get("base-fr", project).rules)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("brnad: hotelia\n", "brnad"),
        ("paths:\n  'a/**': {brand: [1, 2]}\n", "paths.a/**.brand"),
        ("fail_on: sometimes\n", "fail_on"),
        ("guides: [a\n", "not valid YAML"),
    ],
)
def test_invalid_configuration_is_a_clear_error(tmp_path, text, expected):
    (tmp_path / ".brandvoice.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(BrandvoiceError, match=r"\.brandvoice\.yaml"):
        load_project(tmp_path / ".brandvoice.yaml")
    (tmp_path / "p.md").write_text("Hello.\n", encoding="utf-8")
    proc = run_cli("check", "p.md", "--no-grammar", cwd=tmp_path)
    assert proc.returncode == 2 and expected in proc.stderr and "Traceback" not in proc.stderr


def test_each_project_sends_its_drafts_only_to_its_own_languagetool_server(tmp_path):
    """Drafts are confidential: project B's text never reaches project A's server."""
    import http.server
    import json as jsonlib
    import threading
    import urllib.parse

    received: dict[int, list[str]] = {}

    class FakeLanguageTool(http.server.BaseHTTPRequestHandler):
        def _reply(self, body):
            data = jsonlib.dumps(body).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def do_GET(self):  # /v2/languages
            self._reply([{"name": "French", "code": "fr", "longCode": "fr-FR"}])

        def do_POST(self):  # /v2/check
            form = urllib.parse.parse_qs(self.rfile.read(int(self.headers["Content-Length"])).decode())
            received.setdefault(self.server.server_port, []).append(form.get("data", form.get("text", [""]))[0])
            self._reply({"matches": []})

        def log_message(self, *args):
            pass

    servers = [http.server.ThreadingHTTPServer(("127.0.0.1", 0), FakeLanguageTool) for _ in range(2)]
    for server in servers:
        threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        for name, server, text in (("a", servers[0], "Publication du projet A."), ("b", servers[1], "Brouillon secret de B.")):
            project = tmp_path / name
            project.mkdir()
            (project / ".brandvoice.yaml").write_text(
                f"brand: hotelia\nlanguagetool: {{url: 'http://127.0.0.1:{server.server_port}'}}\n", encoding="utf-8"
            )
            (project / "post.txt").write_text(text + "\n", encoding="utf-8")
        env = {"BRANDVOICE_LANGUAGETOOL_URL": ""}
        proc = run_cli("check", str(tmp_path / "b" / "post.txt"), str(tmp_path / "a" / "post.txt"), "--no-cache", env=env)
        assert proc.returncode in (0, 1), proc.stderr
        sent_a = " ".join(received.get(servers[0].server_port, []))
        sent_b = " ".join(received.get(servers[1].server_port, []))
        assert "projet A" in sent_a and "secret" not in sent_a
        assert "secret" in sent_b and "projet A" not in sent_b
    finally:
        for server in servers:
            server.shutdown()


def test_a_run_looks_each_folder_up_once_and_the_next_run_sees_a_new_configuration(tmp_path, monkeypatch):
    from brandvoice import config
    from brandvoice.runner import Checker, RunOptions

    drafts = tmp_path / "drafts"
    drafts.mkdir()
    for i in range(20):
        (drafts / f"post-{i}.md").write_text("Our new boots are here.\n", encoding="utf-8")
    looked_up: list[Path] = []
    in_folder = config._in_folder
    monkeypatch.setattr(config, "_in_folder", lambda folder: looked_up.append(folder) or in_folder(folder))
    checker = Checker(RunOptions(grammar=False, cache=False, language="en"))
    run = checker.check_paths([str(drafts)])
    assert [r.guide for r in run.files] == ["base-en"] * 20
    assert len(looked_up) == len(set(looked_up)) == len(drafts.resolve().parents) + 1  # each folder once
    (drafts / ".brandvoice.yaml").write_text("brand: trailcraft\n", encoding="utf-8")
    assert {r.guide for r in checker.check_paths([str(drafts)]).files} == {"trailcraft"}
