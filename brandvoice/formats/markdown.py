"""`markdown`: a summary for a pull-request comment or `$GITHUB_STEP_SUMMARY`: totals, then a
table per file with findings (line, level, rule, message, suggestion). Long tables are cut so
the comment stays within GitHub's size limits."""

from __future__ import annotations

from brandvoice.findings import FileResult, Level, RunResult
from brandvoice.formats.common import Format, ReportContext, position, relative_path

ICONS = {Level.ERROR: "🔴 error", Level.WARNING: "🟠 warning", Level.SUGGESTION: "🔵 suggestion"}
MAX_ROWS_PER_FILE = 50


def render(run: RunResult, ctx: ReportContext) -> str:
    root = ctx.root
    with_findings = [r for r in run.files if r.findings]
    counts = {level: run.count(level) for level in Level}
    out = ["## brandvoice", ""]
    if not with_findings:
        out.append(f"✅ {_plural(len(run.files), 'file')} checked, nothing to report.")
    else:
        totals = ", ".join(_plural(counts[level], str(level)) for level in sorted(Level, reverse=True))
        out.append(f"{totals} in {len(with_findings)} of {_plural(len(run.files), 'file')} checked.")
    for result in with_findings:
        out.extend(["", *_file_section(result, relative_path(result.path, root))])
    if run.skipped:
        out.extend(["", "Skipped: " + "; ".join(f"`{relative_path(p, root)}` ({reason})" for p, reason in run.skipped)])
    return "\n".join(out) + "\n"


def _file_section(result: FileResult, path: str) -> list[str]:
    context = ", ".join(x for x in (result.brand, result.language, *result.channels) if x)
    heading = f"### `{path}`" + (f" {result.post.place}" if result.post else "") + (f" ({context})" if context else "")
    if "score" in result.metrics:  # the voice score, when the run computed one
        heading += f" — voice score {result.metrics['score']:g}/100"
    rows = [heading, "", "| Line | Level | Rule | Message | Suggestion |", "| ---: | --- | --- | --- | --- |"]
    for f in result.findings[:MAX_ROWS_PER_FILE]:
        suggestion = ", ".join(f"“{_cell(r)}”" for r in f.replacements[:3])
        rows.append(f"| {position(result, f)} | {ICONS[f.level]} | `{f.rule}` | {_cell(f.message)} | {suggestion} |")
    hidden = len(result.findings) - MAX_ROWS_PER_FILE
    if hidden > 0:
        rows.extend(["", f"… and {hidden} more (run brandvoice locally for the full list)."])
    return rows


def _cell(text: str) -> str:
    """Table cells cannot hold pipes or line breaks; HTML tags would render."""
    return (
        text.replace("\\", "\\\\").replace("|", "\\|").replace("<", "&lt;").replace("\r", "").replace("\n", " ")
    )


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'s' * (n != 1)}"


FORMAT = Format("markdown", render, extensions=(".md", ".markdown"))
