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
    needs = lambda guide: {n for r in guide.rules for n in getattr(r.kind, "NEEDS", ())}  # noqa: E731
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
