"""`github`: GitHub Actions workflow commands, one annotation per finding, shown on the pull
request's changed files (`--format auto` picks this format when `GITHUB_ACTIONS=true`).

    ::error file=posts/a.md,line=3,col=14,endLine=3,endColumn=24,title=hotelia.superlatifs::...
"""

from __future__ import annotations

from brandvoice.findings import FileResult, Finding, Level, RunResult
from brandvoice.formats.common import Format, ReportContext, file_lines, relative_path

COMMANDS = {"error": "error", "warning": "warning", "suggestion": "notice"}


def render(run: RunResult, ctx: ReportContext) -> str:
    root = ctx.root
    lines = []
    for result in run.files:
        path = relative_path(result.path, root)
        lines.extend(_command(f, path, result) for f in result.findings)
    for path, reason in run.skipped:
        lines.append(f"::warning file={_property(relative_path(path, root))},title=brandvoice::{_data(reason)}")
    counts = ", ".join(f"{run.count(level)} {level}" for level in sorted(Level, reverse=True))
    lines.append(f"brandvoice: {len(run.files)} file(s) checked: {counts}")
    return "\n".join(lines) + "\n"


def _command(f: Finding, path: str, result: FileResult) -> str:
    properties: dict[str, object] = {"file": path, "line": f.line, "col": f.column, "endLine": f.end_line, "endColumn": f.end_column}
    message = f.message
    if result.post is not None:  # a calendar's post: on its row, the cell named in the message
        start, end = file_lines(result, f)
        properties = {"file": path, "line": start, "endLine": end}
        message = f"{result.post.place} {f.line}:{f.column}: {message}"
    properties["title"] = f"{f.rule} ({f.category})"
    encoded = ",".join(f"{key}={_property(str(value))}" for key, value in properties.items())
    if f.replacements:
        message += "\nSuggestion: " + ", ".join(f"“{r}”" for r in f.replacements[:5])
    return f"::{COMMANDS[str(f.level)]} {encoded}::{_data(message)}"


# Escaping as in @actions/core (toCommandValue / escapeData / escapeProperty).
def _data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(value: str) -> str:
    return _data(value).replace(":", "%3A").replace(",", "%2C")


FORMAT = Format("github", render)
