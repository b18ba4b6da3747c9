"""`sarif`: SARIF 2.1.0 for GitHub code scanning and other SARIF viewers.

One run with the rules' metadata (id, short description, help, default level), columns in
Unicode code points, file URIs relative to the report root (`%SRCROOT%`, the current directory)
so code scanning places findings on the pull request's diff, suggestions as SARIF fixes, and a
stable `partialFingerprints` entry so a finding keeps its identity when lines move. A calendar's
post is placed on its row (a workbook) or its lines (a CSV), with its cell as a logical location.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import quote

from brandvoice import __version__
from brandvoice.findings import FileResult, Finding, RunResult
from brandvoice.formats import indented_json
from brandvoice.formats.common import (
    Format,
    ReportContext,
    file_lines,
    fingerprints,
    post_properties,
    relative_path,
    rule_infos,
)

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
INFORMATION_URI = "https://github.com/brandvoice/brandvoice"
SARIF_LEVELS = {"error": "error", "warning": "warning", "suggestion": "note"}
MAX_FIXES = 5  # a fix per suggestion, as LanguageTool may offer many


def render(run: RunResult, ctx: ReportContext) -> str:
    return indented_json.dumps(to_sarif(run, ctx)) + "\n"


def to_sarif(run: RunResult, ctx: ReportContext) -> dict[str, Any]:
    root = ctx.root
    infos = rule_infos(run)
    rule_ids = sorted(infos)
    index = {rule_id: i for i, rule_id in enumerate(rule_ids)}
    results = []
    for file_result in run.files:
        uri = _uri(relative_path(file_result.path, root))
        for finding, fingerprint in fingerprints(file_result, root):
            results.append(_result(finding, uri, index[finding.rule], fingerprint, file_result))
    return {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "brandvoice",
                        "version": __version__,
                        "semanticVersion": __version__,
                        "informationUri": INFORMATION_URI,
                        "rules": [_rule(infos[rule_id]) for rule_id in rule_ids],
                    }
                },
                "originalUriBaseIds": {"%SRCROOT%": {"uri": Path(root).resolve().as_uri() + "/"}},
                "columnKind": "unicodeCodePoints",
                "invocations": [_invocation(run)],
                "results": results,
                **_scores(run, root),
            }
        ],
    }


def _scores(run: RunResult, root: str) -> dict[str, Any]:
    """Voice scores in the run's property bag: the run's mean and each file's."""
    scored = [r for r in run.files if "score" in r.metrics]
    if not scored:
        return {}
    from brandvoice.score_totals import mean_score

    files = {_uri(relative_path(r.path, root)): r.metrics["score"] for r in scored}
    return {"properties": {"voiceScore": mean_score(scored), "voiceScores": files}}


def _uri(path: str) -> str:
    if path.startswith("/"):
        return Path(path).as_uri()
    return quote(path)


def _rule(info) -> dict[str, Any]:
    return {
        "id": info.id,
        "name": info.id,
        "shortDescription": {"text": info.description},
        "fullDescription": {"text": info.description},
        "help": {"text": info.help, "markdown": info.help},
        "defaultConfiguration": {"level": SARIF_LEVELS.get(info.level, "warning")},
        "properties": {"category": info.category, "tags": [info.category], **({"kind": info.kind} if info.kind else {})},
    }


def _region(f: Finding, result: FileResult | None = None) -> dict[str, int]:
    if result is not None and result.post is not None:  # a calendar's post: its row (a CSV: its lines)
        start, end = file_lines(result, f)
        return {"startLine": start, "endLine": end}
    return {"startLine": f.line, "startColumn": f.column, "endLine": f.end_line, "endColumn": f.end_column}


def _location(uri: str) -> dict[str, Any]:
    location: dict[str, Any] = {"uri": uri}
    if not uri.startswith("file:"):
        location["uriBaseId"] = "%SRCROOT%"
    return location


def _result(f: Finding, uri: str, rule_index: int, fingerprint: str, file: FileResult) -> dict[str, Any]:
    location: dict[str, Any] = {"physicalLocation": {"artifactLocation": _location(uri), "region": _region(f, file)}}
    properties: dict[str, Any] = {"category": f.category, "source": f.source, "message_lang": f.message_lang}
    if file.post is not None:  # the cell, and the line and column inside it
        location["logicalLocations"] = [{"name": file.post.cell, "fullyQualifiedName": file.post.place, "kind": "element"}]
        properties.update(post_properties(file), line=f.line, column=f.column)
    result: dict[str, Any] = {
        "ruleId": f.rule,
        "ruleIndex": rule_index,
        "level": SARIF_LEVELS[str(f.level)],
        "message": {"text": f"{file.post.place} {f.line}:{f.column}: {f.message}" if file.post else f.message},
        "locations": [location],
        "partialFingerprints": {"brandvoice/v1": fingerprint},
        "properties": properties,
    }
    if f.replacements and file.post is None:  # a fix in a cell is no text edit of the file
        result["fixes"] = [
            {
                "description": {"text": f"Replace “{f.match}” with “{text}”"},
                "artifactChanges": [
                    {
                        "artifactLocation": _location(uri),
                        "replacements": [{"deletedRegion": _region(f), "insertedContent": {"text": text}}],
                    }
                ],
            }
            for text in f.replacements[:MAX_FIXES]
        ]
    return result


def _invocation(run: RunResult) -> dict[str, Any]:
    invocation: dict[str, Any] = {"executionSuccessful": True}
    if run.skipped:
        invocation["toolExecutionNotifications"] = [
            {
                "level": "warning",
                "message": {"text": reason},
                "locations": [{"physicalLocation": {"artifactLocation": {"uri": _uri(relative_path(path))}}}],
            }
            for path, reason in run.skipped
        ]
    return invocation


FORMAT = Format("sarif", render, extensions=(".sarif",))
