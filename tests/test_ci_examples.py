"""The CI examples run as written: their `brandvoice check` commands, in a temporary git
repository laid out as a pull request, with the CI variables those systems set."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest
import yaml

from helpers import ROOT

EXAMPLES = ROOT / "examples" / "ci"
SARIF_SCHEMA = Path("/work/shared/schemas/sarif-schema-2.1.0.json")


def git(repo: Path, *args: str) -> None:
    subprocess.run(["git", "-c", "user.name=T", "-c", "user.email=t@example.com", "-c", "commit.gpgsign=false", *args],
                   cwd=repo, check=True, capture_output=True)


@pytest.fixture
def pull_request(tmp_path: Path) -> Path:
    """main has an old post with a finding; the branch adds a line with one more."""
    git(tmp_path, "init", "-q", "-b", "main")
    (tmp_path / ".brandvoice.yaml").write_text("brand: hotelia\n", encoding="utf-8")
    (tmp_path / "posts").mkdir()
    (tmp_path / "posts" / "old.md").write_text("Chez HOTELIA.\n", encoding="utf-8")
    # `#Hotelia` is the guide's required hashtag: without it a whole-document finding would appear
    (tmp_path / "posts" / "new.md").write_text("Une vue sur le lac. #Hotelia\n", encoding="utf-8")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-q", "-m", "base")
    git(tmp_path, "update-ref", "refs/remotes/origin/main", "main")
    git(tmp_path, "checkout", "-q", "-b", "feature")
    (tmp_path / "posts" / "new.md").write_text("Une vue sur le lac. #Hotelia\n\nRéservez chez HOTELIA.\n", encoding="utf-8")
    git(tmp_path, "commit", "-q", "-am", "draft")
    return tmp_path


def _run(command: str, cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess:
    # the examples need LanguageTool; these tests check the wiring, not grammar
    command = command.strip() + " --no-grammar"
    path = f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"
    return subprocess.run(["bash", "-c", command], cwd=cwd, capture_output=True, text=True,
                          env={**os.environ, "PATH": path, "NO_COLOR": "1", **env}, timeout=600)


def _check_step(steps: list[str]) -> str:
    [command] = [s for s in steps if s.lstrip().startswith("brandvoice check")]
    return command


def test_github_actions_example(pull_request):
    workflow = yaml.safe_load((EXAMPLES / "github-actions.yml").read_text(encoding="utf-8"))
    steps = [step.get("run", "") for step in workflow["jobs"]["brandvoice"]["steps"]]
    command = _check_step(steps).replace("${{ github.base_ref }}", "main")
    summary = pull_request.parent / "step-summary.md"  # outside the checkout, as on GitHub
    summary.write_text("earlier step\n", encoding="utf-8")
    proc = _run(command, pull_request, {"GITHUB_ACTIONS": "true", "GITHUB_STEP_SUMMARY": str(summary)})
    assert proc.returncode == 1, proc.stderr  # the new line has an error
    annotations = [line for line in proc.stdout.splitlines() if line.startswith("::")]
    assert annotations and all("file=posts/new.md,line=3," in a for a in annotations)  # only the changed line
    sarif = json.loads((pull_request / "brandvoice.sarif").read_text(encoding="utf-8"))
    jsonschema.Draft4Validator(json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))).validate(sarif)
    assert {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in sarif["runs"][0]["results"]} == {
        "posts/new.md"
    }
    step_summary = summary.read_text(encoding="utf-8")
    assert step_summary.startswith("earlier step\n## brandvoice")  # appended, not replaced
    assert (pull_request / "brandvoice.md").read_text(encoding="utf-8").startswith("## brandvoice")


def test_gitlab_ci_example(pull_request):
    pipeline = yaml.safe_load((EXAMPLES / "gitlab-ci.yml").read_text(encoding="utf-8"))
    job = pipeline["brandvoice"]
    command = _check_step(job["script"])
    proc = _run(command, pull_request, {"CI_MERGE_REQUEST_TARGET_BRANCH_NAME": "main", "GITLAB_CI": "true"})
    assert proc.returncode == 1, proc.stderr
    report = json.loads((pull_request / job["artifacts"]["reports"]["codequality"]).read_text(encoding="utf-8"))
    assert report and {issue["location"]["path"] for issue in report} == {"posts/new.md"}
    assert all(issue["location"]["positions"]["begin"]["line"] == 3 for issue in report)
    junit = ET.parse(pull_request / job["artifacts"]["reports"]["junit"]).getroot()
    assert [case.get("name") for case in junit.iter("testcase")] == ["posts/new.md"]
