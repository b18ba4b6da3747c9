"""`text`: findings grouped by file, each with its source line, the match underlined, and the
suggestions, then a summary. Colour follows the terminal and `NO_COLOR`; on a terminal, a line
wider than the terminal is shown as a window around the finding (`ReportContext.width`), and
no-break spaces are made visible (brandvoice.display)."""

from __future__ import annotations

import io

from rich.console import Console
from rich.markup import escape
from rich.text import Text

from brandvoice.display import excerpt, legend, styled_visible, visible
from brandvoice.findings import Finding, Level, RunResult
from brandvoice.formats.common import Format, ReportContext
from brandvoice.score import mean_score

LEVEL_STYLES = {Level.ERROR: "bold red", Level.WARNING: "yellow", Level.SUGGESTION: "cyan"}


def render(run: RunResult, ctx: ReportContext) -> str:
    return findings_text(run, ctx) + summary(run) + "\n"


def findings_text(run: RunResult, ctx: ReportContext) -> str:
    """Everything but the summary line (`watch` puts the summary on top)."""
    buffer = io.StringIO()
    console = Console(
        file=buffer, force_terminal=ctx.color, no_color=not ctx.color, highlight=False, soft_wrap=True, width=200
    )
    shown_path = None
    excerpts: list[str] = []
    for result in run.files:
        if not result.findings:
            continue
        if result.path != shown_path:  # a calendar's posts share one heading
            console.print(Text(result.path, style="bold underline"))
            shown_path = result.path
        text = result.source if result.post else ctx.sources.get(result.path)
        lines = (text or "").split("\n")
        place = f"{result.post.place} " if result.post else ""
        for finding in result.findings:
            excerpts.append(_finding(console, finding, lines, ctx, place))
        console.print()
    stand_ins = legend("".join(excerpts))
    if stand_ins:
        console.print(Text(stand_ins, style="dim"))
    return buffer.getvalue()


def _finding(console: Console, f: Finding, lines: list[str], ctx: ReportContext, place: str = "") -> str:
    """One finding; `place` is a calendar post's cell (`Calendrier!E12 `), its line and column in the
    cell. Returns its excerpt as shown (for the legend)."""
    style = LEVEL_STYLES[f.level]
    console.print(
        f"  [dim]{escape(place)}{f.line}:{f.column}[/dim]  [{style}]{str(f.level):<10}[/{style}] "
        f"[dim]{escape(f.rule)}[/dim]  {escape(f.message)}"
    )
    shown = ""
    if 0 < f.line <= len(lines):
        source_line = lines[f.line - 1].rstrip("\r")
        gutter = f"{f.line:>5} │ "
        end_column = f.end_column if f.end_line == f.line else len(source_line) + 1
        width = ctx.width - len(gutter) if ctx.width else None
        line = excerpt(source_line, f.column - 1, end_column - 1, width)
        shown = line.text
        text = styled_visible(line.text) if ctx.color else Text(visible(line.text))
        console.print(Text(gutter, style="dim") + text)
        marker = " " * line.marker_start + "^" * line.marker_width
        console.print(Text(" " * (len(gutter) - 3) + " │ ", style="dim") + Text(marker, style=style))
    if f.replacements:
        suggestions = visible(", ".join(f"“{r}”" for r in f.replacements[:5]))
        shown += suggestions
        console.print(f"        [green]suggestion:[/green] {escape(suggestions)}")
    return shown


def summary(run: RunResult) -> str:
    files = len({r.path for r in run.files})  # a calendar is one file of many posts
    posts = sum(1 for r in run.files if r.post)
    parts = [
        f"{run.count(Level.ERROR)} error{'s' * (run.count(Level.ERROR) != 1)}",
        f"{run.count(Level.WARNING)} warning{'s' * (run.count(Level.WARNING) != 1)}",
        f"{run.count(Level.SUGGESTION)} suggestion{'s' * (run.count(Level.SUGGESTION) != 1)}",
    ]
    skipped = f", {len(run.skipped)} skipped" if run.skipped else ""
    score = mean_score(run.files)
    voice = f"; voice score {score:g}/100" if score is not None else ""
    in_posts = f" ({posts} calendar post{'s' * (posts != 1)})" if posts else ""
    return f"{files} file{'s' * (files != 1)}{in_posts} checked{skipped}: {', '.join(parts)}{voice}"


FORMAT = Format("text", render, extensions=(".txt", ".log"))
