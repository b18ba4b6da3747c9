"""`markdown`: a summary for a pull-request comment or `$GITHUB_STEP_SUMMARY`: totals, then a
table per file with findings (line, level, rule, message, suggestion). Long tables are cut so
the comment stays within GitHub's size limits. Written for people: in the interface language
(the project's `ui_lang` decides it in CI), messages in their draft's."""

from __future__ import annotations

from brandvoice.findings import FileResult, Level, RunResult
from brandvoice.formats.common import Format, ReportContext, level_counts, level_name, position, relative_path
from brandvoice.i18n import _, ngettext, ui_number

ICONS = {Level.ERROR: "🔴", Level.WARNING: "🟠", Level.SUGGESTION: "🔵"}
MAX_ROWS_PER_FILE = 50


def render(run: RunResult, ctx: ReportContext) -> str:
    root = ctx.root
    with_findings = [r for r in run.files if r.findings]
    files = len(run.files)
    out = ["## brandvoice", ""]
    if not with_findings:
        out.append("✅ " + ngettext("{count} file checked, nothing to report.", "{count} files checked, nothing to report.",
                                   files).format(count=files))
    else:
        out.append(ngettext("{counts} in {with_findings} of {count} file checked.",
                            "{counts} in {with_findings} of {count} files checked.", files).format(
            counts=level_counts(run), with_findings=len(with_findings), count=files))
    for result in with_findings:
        out.extend(["", *_file_section(result, relative_path(result.path, root))])
    if run.skipped:
        skipped = "; ".join(f"`{relative_path(p, root)}` ({reason})" for p, reason in run.skipped)
        out.extend(["", _("Skipped: {files}").format(files=skipped)])
    return "\n".join(out) + "\n"


def _file_section(result: FileResult, path: str) -> list[str]:
    context = ", ".join(x for x in (result.brand, result.language, *result.channels) if x)
    heading = f"### `{path}`" + (f" {result.post.place}" if result.post else "") + (f" ({context})" if context else "")
    if "score" in result.metrics:  # the voice score, when the run computed one
        heading += " — " + _("voice score {score}/100").format(score=ui_number(result.metrics["score"]))
    columns = (_("Line"), _("Level"), _("Rule"), _("Message"), _("Suggestion"))
    rows = [heading, "", "| " + " | ".join(columns) + " |", "| ---: | --- | --- | --- | --- |"]
    for f in result.findings[:MAX_ROWS_PER_FILE]:
        suggestion = ", ".join(_("“{text}”").format(text=_cell(r)) for r in f.replacements[:3])
        level = f"{ICONS[f.level]} {level_name(f.level)}"
        rows.append(f"| {position(result, f)} | {level} | `{f.rule}` | {_cell(f.message)} | {suggestion} |")
    hidden = len(result.findings) - MAX_ROWS_PER_FILE
    if hidden > 0:
        rows.extend(["", _("… and {count} more (run brandvoice locally for the full list).").format(count=hidden)])
    return rows


def _cell(text: str) -> str:
    """Table cells cannot hold pipes or line breaks; HTML tags would render."""
    return (
        text.replace("\\", "\\\\").replace("|", "\\|").replace("<", "&lt;").replace("\r", "").replace("\n", " ")
    )


FORMAT = Format("markdown", render, extensions=(".md", ".markdown"))
