"""`rdjsonl`: reviewdog diagnostics, one JSON object per line
(`brandvoice check -f rdjsonl posts/ | reviewdog -f=rdjsonl -reporter=github-pr-review`).

reviewdog counts columns in UTF-8 bytes and ranges end exclusively; suggestions become
reviewdog suggestions (one-click "commit suggestion" on GitHub).
"""

from __future__ import annotations

import json
from typing import Any

from brandvoice.findings import FileResult, Finding, RunResult
from brandvoice.formats.common import Format, ReportContext, file_lines, relative_path, source_lines, utf8_column

SEVERITIES = {"error": "ERROR", "warning": "WARNING", "suggestion": "INFO"}


def render(run: RunResult, ctx: ReportContext) -> str:
    root = ctx.root
    out = []
    for result in run.files:
        path = relative_path(result.path, root)
        lines = source_lines(ctx.sources.get(result.path, result.source) if ctx.sources else result.source)
        for finding in result.findings:
            diagnostic = _in_post(finding, path, result) if result.post else _diagnostic(finding, path, lines)
            out.append(json.dumps(diagnostic, ensure_ascii=False))
    return "".join(line + "\n" for line in out)


def _position(lines: list[str], line: int, column: int) -> dict[str, int]:
    text = lines[line - 1] if 0 < line <= len(lines) else ""
    return {"line": line, "column": utf8_column(text, column)}


def _diagnostic(f: Finding, path: str, lines: list[str]) -> dict[str, Any]:
    span = {"start": _position(lines, f.line, f.column), "end": _position(lines, f.end_line, f.end_column)}
    diagnostic: dict[str, Any] = {
        "message": f.message,
        "location": {"path": path, "range": span},
        "severity": SEVERITIES[str(f.level)],
        "source": {"name": "brandvoice"},
        "code": {"value": f.rule},
    }
    if f.replacements:
        diagnostic["suggestions"] = [{"range": span, "text": text} for text in f.replacements[:5]]
    return diagnostic


def _in_post(f: Finding, path: str, result: FileResult) -> dict[str, Any]:
    """A calendar post's finding: on its row (a CSV: its lines), the cell named in the message; no
    suggestion, which would be an edit of the file's text."""
    start, end = file_lines(result, f)
    return {
        "message": f"{result.post.place} {f.line}:{f.column}: {f.message}",
        "location": {"path": path, "range": {"start": {"line": start}, "end": {"line": end}}},
        "severity": SEVERITIES[str(f.level)],
        "source": {"name": "brandvoice"},
        "code": {"value": f.rule},
    }


FORMAT = Format("rdjsonl", render, extensions=(".jsonl", ".rdjsonl"))
