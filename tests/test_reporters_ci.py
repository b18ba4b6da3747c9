"""CI output formats: golden files per format, SARIF schema validation, and `--output`.

Golden files are regenerated with `BRANDVOICE_UPDATE_GOLDEN=1 pytest tests/test_reporters_ci.py`;
review the diff before committing them.
"""

from __future__ import annotations

import json
import os
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest

from brandvoice.findings import FileResult, Finding, Level, RunResult
from brandvoice.guides.model import Rule
from brandvoice.outputs import parse_output, resolve_format
from brandvoice.formats.common import ReportContext
from brandvoice.registry import FORMATS
from brandvoice.registry import kind as get_kind
from helpers import run_cli

GOLDEN = Path(__file__).parent / "golden"
SARIF_SCHEMA = Path("/work/shared/schemas/sarif-schema-2.1.0.json")
ROOT = "/srv/content"  # a fixed report root, so golden files do not depend on the machine
CI_FORMATS = ("sarif", "github", "rdjsonl", "gitlab", "junit", "markdown")

SOURCE_A = "---\nbrand: hotelia\n---\nUn séjour incroyable 🌅 chez HOTELIA, réservez !\nDeux | trois.\n"
SOURCE_B = "Our new trail shoes are amazing.\n"


def _find(text: str, path: str, needle: str, rule: str, level: Level, message: str, **extra) -> Finding:
    offset = text.index(needle)
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return Finding(
        rule=rule, source=extra.pop("source", "brandvoice"), category=extra.pop("category", "terminology"),
        level=level, message=message, line=line, column=column, end_line=line,
        end_column=column + len(needle), offset=offset, length=len(needle), match=needle, **extra,
    )


def sample_run() -> RunResult:
    a = f"{ROOT}/posts/hotelia/a,b:c.md"  # a comma and a colon: github properties must escape them
    file_a = FileResult(a, "hotelia", "x", "fr-FR", channels=("x",), source=SOURCE_A)
    file_a.findings = [
        _find(SOURCE_A, a, "incroyable", "hotelia.superlatifs", Level.WARNING,
              "Évitez les superlatifs : « incroyable ».", category="tone"),
        _find(SOURCE_A, a, "HOTELIA", "hotelia.terms.hotelia", Level.ERROR,
              "Le nom de la marque s'écrit « Hotelia ».", replacements=("Hotelia",), fix_safe=True),
        _find(SOURCE_A, a, "Deux | trois", "languagetool.FR_TEST", Level.SUGGESTION,
              "Two lines\nand a | pipe, 100% sure", source="languagetool", category="grammar",
              replacements=("Deux, trois", "Deux et trois")),
    ]
    b = f"{ROOT}/posts/trailcraft/b.txt"
    file_b = FileResult(b, None, None, "en-US", source=SOURCE_B)
    run = RunResult(files=[file_a, file_b], skipped=[(f"{ROOT}/posts/logo.md", "binary file, skipped")])
    kind = get_kind("existence")
    run.rules = {
        "hotelia.superlatifs": Rule("hotelia.superlatifs", kind, None, "warning", "tone", "{match}",
                                    description="Pas de superlatifs creux."),
        "hotelia.terms.hotelia": Rule("hotelia.terms.hotelia", get_kind("substitution"), None, "error",
                                      "terminology", "{match}", description="Write “Hotelia”."),
    }
    return run


def render(fmt: str, fail_on: Level = Level.ERROR) -> str:
    run = sample_run()
    ctx = ReportContext(sources={r.path: r.source for r in run.files}, color=False, root=ROOT, fail_on=fail_on)
    return FORMATS[fmt].render(run, ctx)


@pytest.mark.parametrize("fmt", CI_FORMATS)
def test_golden(fmt):
    golden = GOLDEN / f"report.{fmt}"
    output = render(fmt)
    if os.environ.get("BRANDVOICE_UPDATE_GOLDEN"):
        golden.write_text(output, encoding="utf-8")
    assert output == golden.read_text(encoding="utf-8")


def _sarif_validator():
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    return jsonschema.Draft4Validator(schema)


def test_sarif_is_valid_and_complete():
    data = json.loads(render("sarif"))
    _sarif_validator().validate(data)
    run = data["runs"][0]
    assert run["columnKind"] == "unicodeCodePoints"
    rules = {r["id"]: r for r in run["tool"]["driver"]["rules"]}
    assert rules["hotelia.superlatifs"]["shortDescription"]["text"] == "Pas de superlatifs creux."
    assert rules["hotelia.terms.hotelia"]["defaultConfiguration"]["level"] == "error"
    assert "languagetool.FR_TEST" in rules  # known only through its finding
    results = run["results"]
    assert [r["ruleId"] for r in results] == ["hotelia.superlatifs", "hotelia.terms.hotelia", "languagetool.FR_TEST"]
    for r in results:
        assert run["tool"]["driver"]["rules"][r["ruleIndex"]]["id"] == r["ruleId"]
        location = r["locations"][0]["physicalLocation"]["artifactLocation"]
        assert location == {"uri": "posts/hotelia/a%2Cb%3Ac.md", "uriBaseId": "%SRCROOT%"}
    fix = results[1]["fixes"][0]["artifactChanges"][0]["replacements"][0]
    assert fix["insertedContent"]["text"] == "Hotelia"
    region = fix["deletedRegion"]
    assert region["startLine"] == region["endLine"] == 4
    assert SOURCE_A.split("\n")[3][region["startColumn"] - 1 : region["endColumn"] - 1] == "HOTELIA"
    assert results[2]["level"] == "note" and len(results[2]["fixes"]) == 2


def test_sarif_schema_rejects_a_broken_report():
    """The validation above can fail: a result without a message is not SARIF."""
    data = json.loads(render("sarif"))
    del data["runs"][0]["results"][0]["message"]
    with pytest.raises(jsonschema.ValidationError):
        _sarif_validator().validate(data)


def test_fingerprints_survive_lines_added_above():
    def prints(source: str) -> list[str]:
        path = f"{ROOT}/p.md"
        result = FileResult(path, None, None, "fr-FR", source=source)
        result.findings = [_find(source, path, "HOTELIA", "r.x", Level.ERROR, "m")]
        run = RunResult(files=[result])
        data = json.loads(FORMATS["gitlab"].render(run, ReportContext(root=ROOT)))
        return [issue["fingerprint"] for issue in data]

    assert prints("Chez HOTELIA.\n") == prints("Nouveau paragraphe.\n\nChez HOTELIA.\n")
    gitlab = json.loads(render("gitlab"))
    assert len({issue["fingerprint"] for issue in gitlab}) == len(gitlab) == 3


def test_rdjsonl_columns_count_utf8_bytes():
    lines = [json.loads(line) for line in render("rdjsonl").splitlines()]
    hotelia = lines[1]
    line_text = SOURCE_A.split("\n")[3]
    start = hotelia["location"]["range"]["start"]["column"]
    assert line_text.encode("utf-8")[start - 1 : start - 1 + len("HOTELIA")] == b"HOTELIA"
    assert start > line_text.index("HOTELIA") + 1  # é and the emoji take more than one byte


def test_github_commands_escape_properties_and_data():
    out = render("github").splitlines()
    assert out[0].startswith("::warning file=posts/hotelia/a%2Cb%3Ac.md,line=4,col=11,endLine=4,endColumn=21,")
    assert out[2].startswith("::notice ") and out[2].endswith("::Two lines%0Aand a | pipe, 100%25 sure%0ASuggestion: “Deux, trois”, “Deux et trois”")
    assert out[3].startswith("::warning file=posts/logo.md,")


def test_junit_fails_only_files_at_the_fail_level():
    suites = ET.fromstring(render("junit", fail_on=Level.ERROR))
    cases = {c.get("name"): c for c in suites.iter("testcase")}
    assert cases["posts/hotelia/a,b:c.md"].find("failure") is not None
    assert cases["posts/trailcraft/b.txt"].find("failure") is None
    assert cases["posts/logo.md"].find("skipped") is not None
    assert suites.get("failures") == "1" and suites.get("tests") == "3"
    lenient = ET.fromstring(render("junit", fail_on=Level.SUGGESTION))
    failure = next(lenient.iter("failure"))
    assert failure.text.count("posts/hotelia/a,b:c.md:") == 3  # all three findings fail now


def test_markdown_table_escapes_cells():
    out = render("markdown")
    assert "| 5:1 | 🔵 suggestion | `languagetool.FR_TEST` | Two lines and a \\| pipe, 100% sure |" in out
    assert "1 error, 1 warning, 1 suggestion in 1 of 2 files checked." in out


def test_every_format_is_registered_and_renders_an_empty_run():
    for fmt in FORMATS:
        if FORMATS[fmt].write is not None:  # a file format (the annotated calendar), for --output only
            assert FORMATS[fmt].render is None
            continue
        assert isinstance(FORMATS[fmt].render(RunResult(), ReportContext(color=False)), str)


def test_auto_format_and_output_specs():
    assert resolve_format("auto", {"GITHUB_ACTIONS": "true"}) == "github"
    assert resolve_format("auto", {}) == "text"
    assert parse_output("sarif:out/r.sarif").format == "sarif"
    assert parse_output("report.xml").format == "junit"
    assert parse_output("gitlab:gl-code-quality-report.json").format == "gitlab"
    assert str(parse_output("C:/reports/x.sarif").path) == "C:/reports/x.sarif"


def test_cli_output_file_while_terminal_shows_text(tmp_path):
    draft = tmp_path / "post.md"
    draft.write_text("Chez HOTELIA, une vue incroyable.\n", encoding="utf-8")
    report = tmp_path / "out" / "report.sarif"
    proc = run_cli("check", "post.md", "-b", "hotelia", "--no-grammar", "--output", f"sarif:{report}", cwd=tmp_path)
    assert proc.returncode == 1, proc.stderr
    assert "hotelia.names.hotelia" in proc.stdout and "^^^^^^^" in proc.stdout  # the text format
    data = json.loads(report.read_text(encoding="utf-8"))
    _sarif_validator().validate(data)
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in data["runs"][0]["results"]}
    assert uris == {"post.md"}
    rules = {r["id"] for r in data["runs"][0]["tool"]["driver"]["rules"]}
    assert "hotelia.superlatifs" in rules


def test_cli_auto_format_in_github_actions(tmp_path):
    draft = tmp_path / "post.md"
    draft.write_text("Chez HOTELIA. #Hotelia\n", encoding="utf-8")  # the guide requires #Hotelia
    proc = run_cli("check", "post.md", "-b", "hotelia", "--no-grammar", "-f", "auto", cwd=tmp_path,
                   env={"GITHUB_ACTIONS": "true"})
    assert proc.stdout.startswith("::error file=post.md,line=1,col=6,endLine=1,endColumn=13,")


def test_cli_bad_output_spec_exits_2(tmp_path):
    proc = run_cli("check", "x.md", "--output", "report.bin", cwd=tmp_path)
    assert proc.returncode == 2 and "cannot tell the format" in proc.stderr and "Traceback" not in proc.stderr


def test_markdown_shows_the_voice_score_when_known():
    run = sample_run()
    run.files[0].metrics["score"] = 84.1
    out = FORMATS["markdown"].render(run, ReportContext(root=ROOT, color=False))
    assert "### `posts/hotelia/a,b:c.md` (hotelia, fr-FR, x) — voice score 84.1/100" in out


def test_sarif_and_junit_carry_the_voice_scores():
    run = sample_run()
    for i, result in enumerate(run.files):
        result.metrics["score"] = 80.0 + i
    ctx = ReportContext(root=ROOT, color=False)
    sarif = json.loads(FORMATS["sarif"].render(run, ctx))
    jsonschema.Draft4Validator(json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))).validate(sarif)
    properties = sarif["runs"][0]["properties"]
    assert sorted(properties["voiceScores"].values()) == [80.0 + i for i in range(len(run.files))]
    assert properties["voiceScore"] == round(sum(properties["voiceScores"].values()) / len(run.files), 1)
    junit = ET.fromstring(FORMATS["junit"].render(run, ctx))
    scores = [p.get("value") for p in junit.iter("property") if p.get("name") == "voice_score"]
    assert scores == [f"{80.0 + i:g}" for i in range(len(run.files))]
