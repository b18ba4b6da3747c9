"""`gitlab`: a GitLab Code Quality report (the Code Climate subset GitLab reads), for
`artifacts: reports: codequality:`. Fingerprints are stable across edits elsewhere in a file,
so GitLab tells new findings from fixed ones in merge requests."""

from __future__ import annotations

from typing import Any

from brandvoice.findings import RunResult
from brandvoice.formats import indented_json
from brandvoice.formats.common import Format, ReportContext, file_lines, fingerprints, position, relative_path

SEVERITIES = {"error": "major", "warning": "minor", "suggestion": "info"}
CATEGORIES = {"grammar": "Style", "spelling": "Style", "readability": "Complexity"}


def render(run: RunResult, ctx: ReportContext) -> str:
    root = ctx.root
    issues: list[dict[str, Any]] = []
    for result in run.files:
        path = relative_path(result.path, root)
        for f, fingerprint in fingerprints(result, root):
            location: dict[str, Any] = {
                "path": path,
                "positions": {
                    "begin": {"line": f.line, "column": f.column},
                    "end": {"line": f.end_line, "column": f.end_column},
                },
            }
            if result.post is not None:  # a calendar's post: on its row (a CSV: its lines)
                start, end = file_lines(result, f)
                location = {"path": path, "lines": {"begin": start, "end": end}}
            issues.append(
                {
                    "type": "issue",
                    "check_name": f.rule,
                    "description": f"{position(result, f) + ': ' if result.post else ''}{f.message} [{f.rule}]",
                    "content": {"body": _body(f)},
                    "categories": [CATEGORIES.get(f.category, "Style")],
                    "fingerprint": fingerprint,
                    "severity": SEVERITIES[str(f.level)],
                    "location": location,
                }
            )
    return indented_json.dumps(issues) + "\n"


def _body(f) -> str:
    body = f"{f.category}: “{f.match}”"
    if f.replacements:
        body += " → " + ", ".join(f"“{r}”" for r in f.replacements[:5])
    return body


FORMAT = Format("gitlab", render)
