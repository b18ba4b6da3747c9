"""`text`: findings grouped by file, each with its source line, the match underlined, and the
suggestions, then a summary. Colour follows the terminal and `NO_COLOR`."""

from __future__ import annotations

import io

from rich.cells import cell_len
from rich.console import Console
from rich.markup import escape
from rich.text import Text

from brandvoice.findings import Finding, Level, RunResult
from brandvoice.formats.common import Format, ReportContext
from brandvoice.score import mean_score

LEVEL_STYLES = {Level.ERROR: "bold red", Level.WARNING: "yellow", Level.SUGGESTION: "cyan"}


def render(run: RunResult, ctx: ReportContext) -> str:
    buffer = io.StringIO()
    console = Console(
        file=buffer, force_terminal=ctx.color, no_color=not ctx.color, highlight=False, soft_wrap=True, width=200
    )
    shown = None
    for result in run.files:
        if not result.findings:
            continue
        if result.path != shown:  # a calendar's posts share one heading
            console.print(Text(result.path, style="bold underline"))
            shown = result.path
        text = result.source if result.post else ctx.sources.get(result.path)
        lines = (text or "").split("\n")
        place = f"{result.post.place} " if result.post else ""
        for finding in result.findings:
            _finding(console, finding, lines, place)
        console.print()
    console.print(summary(run))
    return buffer.getvalue()


def _finding(console: Console, f: Finding, lines: list[str], place: str = "") -> None:
    """One finding; `place` is a calendar post's cell (`Calendrier!E12 `), its line and column in the cell."""
    style = LEVEL_STYLES[f.level]
    console.print(
        f"  [dim]{escape(place)}{f.line}:{f.column}[/dim]  [{style}]{str(f.level):<10}[/{style}] "
        f"[dim]{escape(f.rule)}[/dim]  {escape(f.message)}"
    )
    if 0 < f.line <= len(lines):
        source_line = lines[f.line - 1].rstrip("\r").replace("\t", " ")
        gutter = f"{f.line:>5} │ "
        console.print(Text(gutter, style="dim") + Text(source_line))
        end_column = f.end_column if f.end_line == f.line else len(source_line) + 1
        before = cell_len(source_line[: f.column - 1])
        width = max(1, cell_len(source_line[f.column - 1 : end_column - 1]))
        console.print(Text(" " * 5 + " │ ", style="dim") + Text(" " * before + "^" * width, style=style))
    if f.replacements:
        shown = ", ".join(f"“{r}”" for r in f.replacements[:5])
        console.print(f"        [green]suggestion:[/green] {escape(shown)}")


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
