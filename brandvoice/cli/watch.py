"""`brandvoice watch`: re-check drafts each time they are saved, redrawing the verdict in place.

The watching process keeps everything loaded after the first check, and unchanged files come from
the result cache, so a save is answered within a blink."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Annotated

import typer

from brandvoice.cli.console import color_enabled
from brandvoice.cli.options import BrandOption, ChannelOption, GuidesDirOption, LangOption, NoGrammarOption, run_options


def watch(
    paths: Annotated[list[Path], typer.Argument(help="Drafts or folders to watch.")],
    brand: BrandOption = None,
    channel: ChannelOption = None,
    lang: LangOption = None,
    guides_dir: GuidesDirOption = None,
    no_grammar: NoGrammarOption = False,
) -> None:
    """Re-check drafts whenever they change (Ctrl-C to stop)."""
    import watchfiles
    from rich.console import Console

    from brandvoice.errors import BrandvoiceError
    from brandvoice.formats import text
    from brandvoice.formats.common import ReportContext
    from brandvoice.runner import Checker

    console = Console(highlight=False, soft_wrap=True)
    options = run_options(brand, channel, lang, guides_dir, no_grammar)
    missing = [str(p) for p in paths if not p.exists()]
    if missing:
        raise BrandvoiceError(f"{', '.join(missing)}: no such file or directory")

    def redraw() -> None:
        started = time.perf_counter()
        try:
            run = Checker(options).check_paths([str(p) for p in paths])  # guides read again: they may have changed
        except BrandvoiceError as exc:  # a guide being edited may be invalid for a moment
            console.clear()
            console.print(f"[red]brandvoice: error:[/red] {exc}")
            return
        report = text.render(
            run, ReportContext(sources={r.path: r.source for r in run.files}, color=color_enabled())
        )
        console.clear()
        console.out(report, end="")
        console.print(f"[dim]checked in {time.perf_counter() - started:.2f} s — watching for changes (Ctrl-C to stop)[/dim]")

    redraw()
    try:
        for _changes in watchfiles.watch(*paths, debounce=200, step=50):
            redraw()
    except KeyboardInterrupt:
        pass
