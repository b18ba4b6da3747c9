"""The real pre-commit, in a temporary content repository, with this checkout as the hook
repository (`repo: <this checkout>`, `rev: HEAD`): pre-commit installs brandvoice from the
committed code into its own environment, as a content team's machine would.

The first test pays the environment's installation (about 40 s: pip installs brandvoice's
dependencies from PyPI); the others reuse it. Set BRANDVOICE_PRECOMMIT_HOME to keep the
environment between test runs.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import ROOT

pytestmark = pytest.mark.precommit

BAD = "Chez HOTELIA !!! Une vue incroyable.\n"
CLEAN = "Chez Hotelia, une vue sur le lac.\n"
FIXABLE = "Chez HOTELIA, une vue sur le lac.\n"


def _head_with_hooks() -> str:
    rev = subprocess.run(["git", "rev-parse", "HEAD"], cwd=ROOT, capture_output=True, text=True).stdout.strip()
    has_hooks = subprocess.run(["git", "cat-file", "-e", f"{rev}:.pre-commit-hooks.yaml"], cwd=ROOT).returncode == 0
    if not rev or not has_hooks:
        pytest.skip("this checkout has no committed .pre-commit-hooks.yaml to install")
    return rev


@pytest.fixture(scope="module")
def precommit_home(tmp_path_factory) -> Path:
    kept = os.environ.get("BRANDVOICE_PRECOMMIT_HOME")
    return Path(kept) if kept else tmp_path_factory.mktemp("pre-commit-home")


def _env(home: Path) -> dict[str, str]:
    return {
        **os.environ,
        "PRE_COMMIT_HOME": str(home),
        "GIT_AUTHOR_NAME": "CM", "GIT_AUTHOR_EMAIL": "cm@example.com",
        "GIT_COMMITTER_NAME": "CM", "GIT_COMMITTER_EMAIL": "cm@example.com",
        "NO_COLOR": "1",
    }


class ContentRepo:
    def __init__(self, path: Path, home: Path, args: list[str]) -> None:
        self.path, self.env = path, _env(home)
        self.git("init", "-q", "-b", "main")
        self.git("config", "commit.gpgsign", "false")
        (path / ".brandvoice.yaml").write_text("brand: hotelia\n", encoding="utf-8")
        hook_args = "[" + ", ".join(args) + "]"
        (path / ".pre-commit-config.yaml").write_text(
            f"repos:\n  - repo: {ROOT}\n    rev: {_head_with_hooks()}\n    hooks:\n"
            f"      - id: brandvoice\n        args: {hook_args}\n"
            f"      - id: brandvoice-fix\n        args: {hook_args}\n",
            encoding="utf-8",
        )
        self.git("add", ".brandvoice.yaml", ".pre-commit-config.yaml")
        self.git("commit", "-q", "--no-verify", "-m", "setup")

    def git(self, *args: str, env: dict | None = None) -> subprocess.CompletedProcess:
        return subprocess.run(["git", *args], cwd=self.path, capture_output=True, text=True,
                              env={**self.env, **(env or {})}, timeout=900)

    def pre_commit(self, *args: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "pre_commit", *args], cwd=self.path, capture_output=True,
                              text=True, env=self.env, timeout=900)

    def write(self, name: str, text: str) -> None:
        (self.path / name).write_text(text, encoding="utf-8")


def test_commit_blocked_then_clean_commit_passes_then_fix_hook_rewrites(tmp_path, precommit_home):
    repo = ContentRepo(tmp_path, precommit_home, ["--no-grammar"])
    assert repo.pre_commit("install").returncode == 0

    repo.write("bad.md", BAD)
    repo.git("add", "bad.md")
    blocked = repo.git("commit", "-m", "a bad draft", env={"SKIP": "brandvoice-fix"})
    output = blocked.stdout + blocked.stderr
    assert blocked.returncode != 0, output
    assert "brandvoice" in output and "Failed" in output
    assert "bad.md" in output and "hotelia.exclamations" in output and "^^^" in output  # readable, with the line
    assert "Traceback" not in output
    assert repo.git("log", "--oneline").stdout.count("\n") == 1  # only the setup commit

    repo.git("rm", "-q", "--cached", "bad.md")
    (tmp_path / "bad.md").unlink()
    repo.write("good.md", CLEAN)
    repo.git("add", "good.md")
    passed = repo.git("commit", "-m", "a clean draft", env={"SKIP": "brandvoice-fix"})
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert "Passed" in passed.stdout + passed.stderr

    repo.write("fixable.md", FIXABLE)
    repo.git("add", "fixable.md")
    fixed = repo.pre_commit("run", "brandvoice-fix", "--files", "fixable.md")
    assert fixed.returncode == 1 and "files were modified by this hook" in fixed.stdout
    assert (tmp_path / "fixable.md").read_text(encoding="utf-8") == CLEAN
    again = repo.pre_commit("run", "brandvoice-fix", "--files", "fixable.md")
    assert again.returncode == 0, again.stdout


def _languagetool_ready() -> bool:
    from brandvoice.languagetool.install import find_installation, find_java

    return find_java() is not None and find_installation(("en", "fr")) is not None


def test_second_run_reuses_the_running_languagetool_server(tmp_path, precommit_home):
    if not _languagetool_ready():
        pytest.skip("LanguageTool is not installed (brandvoice languagetool install)")
    from brandvoice.languagetool.server import ServerManager

    repo = ContentRepo(tmp_path, precommit_home, [])
    servers = []
    for round_ in range(2):
        # a new text each time, so the result cache cannot answer instead of LanguageTool
        repo.write("gram.md", f"Chez Hotelia, il ont une vue sur le lac ({round_}).\n")
        proc = repo.pre_commit("run", "brandvoice", "--files", "gram.md")
        assert proc.returncode == 1 and "languagetool." in proc.stdout, proc.stdout
        state = ServerManager().running()
        assert state is not None
        servers.append(state.pid)
    assert servers[0] == servers[1]
