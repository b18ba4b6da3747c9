"""`junit`: JUnit XML with one test case per checked file, for CI test-report views (GitLab
`reports: junit`, Jenkins, Azure). A file fails when it has a finding at or above the fail
level (`--fail-on`); its other findings go to the case's output. Skipped files are skipped cases."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from brandvoice.findings import FileResult, Finding, Level, RunResult
from brandvoice.formats.common import Format, ReportContext, position, relative_path


def render(run: RunResult, ctx: ReportContext) -> str:
    root = ctx.root
    fail_on = ctx.fail_on
    suite = ET.Element("testsuite", name="brandvoice")
    failures = 0
    for result in run.files:
        failures += _case(suite, result, relative_path(result.path, root), fail_on)
    for path, reason in run.skipped:
        case = ET.SubElement(suite, "testcase", name=relative_path(path, root), classname="brandvoice")
        ET.SubElement(case, "skipped", message=reason)
    suite.set("tests", str(len(run.files) + len(run.skipped)))
    suite.set("failures", str(failures))
    suite.set("errors", "0")
    suite.set("skipped", str(len(run.skipped)))
    suites = ET.Element("testsuites", name="brandvoice", tests=suite.get("tests"), failures=str(failures), errors="0")
    suites.append(suite)
    ET.indent(suites)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(suites, encoding="unicode") + "\n"


def _case(suite: ET.Element, result: FileResult, path: str, fail_on: Level) -> int:
    classname = f"brandvoice.{result.brand or 'base'}"
    name = f"{path} {result.post.place}" if result.post else path  # a calendar: a case per post
    case = ET.SubElement(suite, "testcase", name=name, classname=classname, file=path)
    if "score" in result.metrics:
        properties = ET.SubElement(case, "properties")
        ET.SubElement(properties, "property", name="voice_score", value=f"{result.metrics['score']:g}")
    failing = [f for f in result.findings if f.level >= fail_on]
    others = [f for f in result.findings if f.level < fail_on]
    if failing:
        worst = max(f.level for f in failing)
        failure = ET.SubElement(
            case, "failure", message=f"{len(failing)} finding(s) at or above {fail_on}", type=str(worst)
        )
        failure.text = "\n".join(_line(path, f, result) for f in failing)
    if others:
        ET.SubElement(case, "system-out").text = "\n".join(_line(path, f, result) for f in others)
    return 1 if failing else 0


def _line(path: str, f: Finding, result: FileResult) -> str:
    suggestion = f" (suggestion: {', '.join(f.replacements[:5])})" if f.replacements else ""
    where = f"{path} {position(result, f)}" if result.post else f"{path}:{f.line}:{f.column}"
    return f"{where}: {f.level} {f.rule}: {f.message}{suggestion}"


FORMAT = Format("junit", render, extensions=(".xml",))
