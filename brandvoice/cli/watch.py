"""`brandvoice watch`: re-check drafts each time they are saved, redrawing the verdict in place.

The watching process keeps everything loaded after the first check — the guides too, until one of
their files changes — and unchanged files come from the result cache, so a save is answered
within a blink. Each redraw clears the terminal and starts
with what is watched and the summary, then as many findings as the pane has rows for."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Annotated

import typer

from brandvoice.cli.console import color_enabled, terminal_width
from brandvoice.cli.options import (
    BrandOption,
    ChannelOption,
    GuidesDirOption,
    LangOption,
    NoGrammarOption,
    NoServerOption,
    run_options,
)


def fit_rows(report: str, rows: int, width: int) -> str:
    """`report` if it fits in `rows` terminal rows `width` cells wide (a long line wraps onto
    several); else its first lines and `… +N` for the N lines left out."""
    from rich.text import Text

    lines = report.splitlines()
    heights = [max(1, -(-Text.from_ansi(line).cell_len // max(1, width))) for line in lines]
    if sum(heights) <= rows:
        return report
    used = count = 0
    for count, height in enumerate(heights):
        if used + height > rows - 1:
            break
        used += height
    return "\n".join(lines[:count] + [f"… +{len(lines) - count}"]) + "\n"


def watch(
    paths: Annotated[list[Path], typer.Argument(help="Drafts or folders to watch.")],
    brand: BrandOption = None,
    channel: ChannelOption = None,
    lang: LangOption = None,
    guides_dir: GuidesDirOption = None,
    no_grammar: NoGrammarOption = False,
    no_server: NoServerOption = False,
) -> None:
    """Re-check drafts whenever they change (Ctrl-C to stop)."""
    import watchfiles
    from rich.console import Console
    from rich.markup import escape
    from rich.text import Text

    from brandvoice.errors import BrandvoiceError
    from brandvoice.formats import text
    from brandvoice.formats.common import ReportContext
    from brandvoice.runner import Checker

    console = Console(highlight=False, soft_wrap=True)
    options = run_options(brand, channel, lang, guides_dir, no_grammar)
    missing = [str(p) for p in paths if not p.exists()]
    if missing:
        raise BrandvoiceError(f"{', '.join(missing)}: no such file or directory")

    watched = ", ".join(str(p) for p in paths)
    checkers: list[Checker] = []  # one per state of the guides: an edited guide is read again

    def redraw() -> None:
        started = time.perf_counter()
        try:
            if not checkers or checkers[0].guides.changed_on_disk():
                checkers[:] = [Checker(options)]
            run = checkers[0].check_paths([str(p) for p in paths])
        except BrandvoiceError as exc:  # a guide being edited may be invalid for a moment
            console.clear()
            console.print(Text(watched, style="bold underline"))
            console.print(f"[red]brandvoice: error:[/red] {escape(str(exc))}")
            return
        context = ReportContext(
            sources={r.path: r.source for r in run.files}, color=color_enabled(), width=terminal_width()
        )
        body = text.findings_text(run, context)
        console.clear()
        console.print(Text(watched, style="bold underline"))
        console.print(text.summary(run))
        console.print(f"[dim]checked in {time.perf_counter() - started:.2f} s — watching for changes (Ctrl-C to stop)[/dim]")
        console.print()
        console.out(fit_rows(body, console.size.height - 5, console.size.width) if console.is_terminal else body, end="")

    redraw()
    try:
        for _changes in watchfiles.watch(*paths, debounce=200, step=50):
            redraw()
    except KeyboardInterrupt:
        pass
