"""`--diff-base` and `--changed` on a real temporary git repository."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from brandvoice.findings import FileResult, Finding, Level
from brandvoice.gitdiff import Changes, parse_diff
from helpers import run_cli

GUIDE = """language: en-US
rules:
  hype:
    kind: existence
    tokens: [amazing]
    level: error
  emoji:
    kind: emoji_placement
    max_total: 1
    level: error
"""


def git(repo: Path, *args: str) -> str:
    return subprocess.run(
        ["git", "-c", "user.name=Test", "-c", "user.email=test@example.com", "-c", "commit.gpgsign=false", *args],
        cwd=repo, check=True, capture_output=True, text=True,
    ).stdout


def write(repo: Path, name: str, text: str) -> None:
    (repo / name).parent.mkdir(parents=True, exist_ok=True)
    (repo / name).write_text(text, encoding="utf-8")


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    git(tmp_path, "init", "-q", "-b", "main")
    write(tmp_path, ".brandvoice.yaml", "brand: ./acme.yaml\n")
    write(tmp_path, "acme.yaml", GUIDE)
    write(tmp_path, "posts/old.md", "An amazing old post.\n")
    write(tmp_path, "posts/post.md", "An amazing start.\n\nA calm middle.\n\nThe end.\n")
    write(tmp_path, "posts/emoji.md", "Sunny 🌞 and warm 🌴.\n\nQuiet line.\n")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-q", "-m", "base")
    git(tmp_path, "checkout", "-q", "-b", "feature")
    write(tmp_path, "posts/post.md", "An amazing start.\n\nA calm middle.\n\nAn amazing end.\n")  # line 5 changed
    write(tmp_path, "posts/emoji.md", "Sunny 🌞 and warm 🌴.\n\nQuiet line, edited.\n")
    git(tmp_path, "commit", "-q", "-am", "feature work")
    write(tmp_path, "posts/new.md", "Amazing news.\n")  # untracked: wholly new
    # main moves on after the branch point: its changes are not the pull request's
    git(tmp_path, "checkout", "-q", "main")
    write(tmp_path, "posts/main-only.md", "Amazing things on main.\n")
    git(tmp_path, "add", "posts/main-only.md")
    git(tmp_path, "commit", "-q", "-m", "main moves")
    git(tmp_path, "checkout", "-q", "feature")
    return tmp_path


def findings(repo: Path, *args: str) -> dict[str, list[tuple[str, int]]]:
    proc = run_cli("check", "posts", "--no-grammar", "--format", "json", *args, cwd=repo)
    assert proc.returncode in (0, 1), proc.stderr
    return {f["path"]: [(x["rule"], x["line"]) for x in f["findings"]] for f in json.loads(proc.stdout)["files"]}


def test_diff_base_reports_only_changed_lines(repo):
    everything = findings(repo)
    assert everything["posts/post.md"] == [("acme.hype", 1), ("acme.hype", 5)]
    assert "posts/old.md" in everything
    changed = findings(repo, "--diff-base", "main")
    assert changed == {
        "posts/post.md": [("acme.hype", 5)],  # the old line 1 is not the pull request's doing
        "posts/new.md": [("acme.hype", 1)],  # untracked files are wholly new
        # a whole-document finding (too many emoji) reports because the document changed,
        # although the emoji's line did not
        "posts/emoji.md": [("acme.emoji", 1)],
    }


def test_changed_checks_changed_files_in_full(repo):
    assert findings(repo, "--changed", "--diff-base", "main") == {
        "posts/post.md": [("acme.hype", 1), ("acme.hype", 5)],
        "posts/new.md": [("acme.hype", 1)],
        "posts/emoji.md": [("acme.emoji", 1)],
    }
    # without a base: changes since HEAD (here only the untracked draft, then a working-tree edit)
    assert findings(repo, "--changed") == {"posts/new.md": [("acme.hype", 1)]}
    write(repo, "posts/old.md", "An amazing old post, edited.\n")
    assert sorted(findings(repo, "--changed")) == ["posts/new.md", "posts/old.md"]


def test_diff_base_errors_are_clear(repo, tmp_path_factory):
    proc = run_cli("check", "posts", "--no-grammar", "--diff-base", "origin/nope", cwd=repo)
    assert proc.returncode == 2 and "--diff-base origin/nope: no such commit" in proc.stderr
    outside = tmp_path_factory.mktemp("not-a-repo")
    write(outside, "p.md", "Hello.\n")
    proc = run_cli("check", "p.md", "--no-grammar", "--changed", cwd=outside)
    assert proc.returncode == 2 and "not inside a git repository" in proc.stderr


def test_parse_diff_lines_deletions_and_quoted_names(tmp_path):
    diff = (
        "diff --git a/a.md b/a.md\n--- a/a.md\n+++ b/a.md\n@@ -1,0 +2,2 @@\n+x\n+y\n@@ -7 +9 @@\n-old\n+new\n"
        "diff --git a/gone.md b/gone.md\n--- a/gone.md\n+++ /dev/null\n@@ -1 +0,0 @@\n-bye\n"
        'diff --git "a/caf\\303\\251 \\"x\\".md" "b/caf\\303\\251 \\"x\\".md"\n'
        '--- "a/caf\\303\\251 \\"x\\".md"\n+++ "b/caf\\303\\251 \\"x\\".md"\n@@ -3 +3,0 @@\n-removed\n'
    )
    files = parse_diff(diff, tmp_path)
    assert files[str(tmp_path / "a.md")] == {2, 3, 9}
    assert str(tmp_path / "gone.md") not in files
    assert files[str(tmp_path / 'café "x".md')] == frozenset()  # only a deletion: changed, no line added


def test_restrict_keeps_whole_document_findings_of_changed_files(tmp_path):
    def f(line: int, whole: bool = False) -> Finding:
        return Finding("r", "brandvoice", "style", Level.ERROR, "m", line, 1, line, 2, 0, 1, "x", (), False, whole)

    path = str(tmp_path / "p.md")
    result = FileResult(path, None, None, "en-US", findings=[f(1), f(2), f(4, whole=True)])
    Changes("HEAD", {path: frozenset({2})}).restrict(result)
    assert [(x.line, x.whole_document) for x in result.findings] == [(2, False), (4, True)]
    result = FileResult(path, None, None, "en-US", findings=[f(1), f(4, whole=True)])
    Changes("HEAD", {}).restrict(result)
    assert result.findings == []


def test_fix_with_diff_base_fixes_only_changed_lines(tmp_path):
    git(tmp_path, "init", "-q", "-b", "main")
    write(tmp_path, "post.md", "Chez HOTELIA.\n")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-q", "-m", "base")
    write(tmp_path, "post.md", "Chez HOTELIA.\n\nEt encore HOTELIA.\n")
    proc = run_cli("check", "post.md", "-b", "hotelia", "--no-grammar", "--fix", "--diff-base", "main", cwd=tmp_path)
    assert proc.returncode == 0, proc.stdout + proc.stderr  # what remains on changed lines: nothing
    assert (tmp_path / "post.md").read_text(encoding="utf-8") == "Chez HOTELIA.\n\nEt encore Hotelia.\n"
