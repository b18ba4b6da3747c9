"""`brandvoice score` and `brandvoice report`: voice scores, the numbers a community manager shows
a client.

`score` prints a compact table of voice scores, worst first. `report` writes a self-contained
HTML report with charts and/or a CSV of findings for Excel. Both check files like `check` does,
with a progress bar on stderr for long interactive runs. The `--min-score` gate of `check` lives
here too (`min_score_gate`).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from brandvoice.cli.console import ExitCode, color_enabled, err, report_skipped
from brandvoice.cli.options import (
    BrandOption,
    ChannelOption,
    GuidesDirOption,
    IgnoreOption,
    LangOption,
    NoGrammarOption,
    PathsArgument,
    ProgressOption,
    SelectOption,
    run_options,
)

if TYPE_CHECKING:
    from brandvoice.findings import RunResult
    from brandvoice.runner import RunOptions

MinScoreOption = Annotated[
    Optional[float],
    typer.Option("--min-score", min=0, max=100, help="Exit 1 when a file's voice score is below this (0-100)."),
]


def run_with_progress(paths: list[str], options: "RunOptions", progress: bool | None) -> "RunResult":
    from brandvoice.cli.progress import progress_bar
    from brandvoice.runner import Checker

    with progress_bar(enabled=progress) as callback:
        return Checker(options, callback).check_paths(paths)


def min_score_gate(run: "RunResult", min_score: float | None) -> bool:
    """True (and the files named on stderr) when a file scores below `min_score`."""
    from brandvoice.score import below, score_of

    if min_score is None:
        return False
    failing = below(run.files, min_score)
    if failing:
        names = ", ".join(f"{r.path} ({score_of(r):g})" for r in failing[:10])
        more = f" and {len(failing) - 10} more" if len(failing) > 10 else ""
        err(f"{len(failing)} file(s) below the minimum voice score {min_score:g}: {names}{more}")
    return bool(failing)


def score(
    paths: PathsArgument,
    brand: BrandOption = None,
    channel: ChannelOption = None,
    lang: LangOption = None,
    guides_dir: GuidesDirOption = None,
    no_grammar: NoGrammarOption = False,
    select: SelectOption = None,
    ignore: IgnoreOption = None,
    min_score: MinScoreOption = None,
    progress: ProgressOption = None,
) -> None:
    """Print each file's voice score (0-100), worst first, with the mean by brand and channel."""
    options = run_options(brand, channel, lang, guides_dir, no_grammar, select, ignore)
    run = run_with_progress(paths, options, progress)
    report_skipped(run.skipped)
    sys.stdout.write(score_table(run, color=color_enabled()))
    raise typer.Exit(ExitCode.FINDINGS if min_score_gate(run, min_score) else ExitCode.CLEAN)


def score_table(run: "RunResult", color: bool) -> str:
    import io

    from rich.console import Console
    from rich.table import Table

    from brandvoice.findings import Level
    from brandvoice.score import NO_GROUP, by_brand, by_channel, mean_score, score_of, scores_by, worst_first

    if not run.files:
        return "no files checked\n"

    def styled(value: float) -> str:
        style = "green" if value >= 80 else "yellow" if value >= 60 else "red"
        return f"[{style}]{value:g}[/{style}]"

    table = Table(box=None, pad_edge=False, header_style="bold")
    for name, justify in (("file", "left"), ("brand", "left"), ("channel", "left"), ("score", "right"),
                          ("errors", "right"), ("warnings", "right")):
        table.add_column(name, justify=justify)
    for result in worst_first(run.files):
        table.add_row(
            result.path,
            result.brand or NO_GROUP,
            ", ".join(result.channels) or NO_GROUP,
            styled(score_of(result)),
            str(result.count(Level.ERROR)),
            str(result.count(Level.WARNING)),
        )
    buffer = io.StringIO()
    console = Console(file=buffer, force_terminal=color, no_color=not color, highlight=False, width=200)
    console.print(table)
    for label, key in (("brand", by_brand), ("channel", by_channel)):
        groups = scores_by(run.files, key)
        if len(groups) > 1:
            console.print(f"by {label}: " + ", ".join(f"{name} {styled(value)}" for name, value in groups.items()))
    files = len(run.files)
    console.print(f"{files} file{'s' * (files != 1)}: voice score {styled(mean_score(run.files) or 0)}/100")
    return buffer.getvalue()


def report(
    paths: PathsArgument,
    html: Annotated[Optional[Path], typer.Option("--html", help="Write a self-contained HTML report here.")] = None,
    csv: Annotated[Optional[Path], typer.Option("--csv", help="Write one CSV row per finding here.")] = None,
    csv_sep: Annotated[
        Optional[str],
        typer.Option("--csv-sep", help="CSV separator: , ; or tab (default: ; for a French report, else ,)."),
    ] = None,
    report_lang: Annotated[
        Optional[str], typer.Option("--report-lang", help="fr or en (default: the language of most posts' guides).")
    ] = None,
    title: Annotated[Optional[str], typer.Option("--title", help="Title of the HTML report.")] = None,
    git: Annotated[bool, typer.Option("--git/--no-git", help="Authors and dates from git, when files are in a repo.")] = True,
    brand: BrandOption = None,
    channel: ChannelOption = None,
    lang: LangOption = None,
    guides_dir: GuidesDirOption = None,
    no_grammar: NoGrammarOption = False,
    select: SelectOption = None,
    ignore: IgnoreOption = None,
    progress: ProgressOption = None,
) -> None:
    """Write an HTML report with charts and/or a CSV of findings for Excel."""
    from brandvoice.client_report import build_report_data, last_commits, write_csv, write_html
    from brandvoice.client_report.csv_export import parse_separator
    from brandvoice.client_report.i18n import report_languages, strings
    from brandvoice.errors import BrandvoiceError

    if html is None and csv is None:
        raise typer.BadParameter("say where to write the report: --html FILE and/or --csv FILE", param_hint="--html")
    if report_lang is not None and report_lang not in report_languages():
        raise typer.BadParameter(
            f"“{report_lang}” is not a report language ({' or '.join(report_languages())})", param_hint="--report-lang"
        )
    separator = None
    if csv_sep is not None:
        try:
            separator = parse_separator(csv_sep)
        except ValueError as exc:
            raise typer.BadParameter(str(exc), param_hint="--csv-sep") from None
    options = run_options(brand, channel, lang, guides_dir, no_grammar, select, ignore)
    run = run_with_progress(paths, options, progress)
    report_skipped(run.skipped)
    commits = last_commits([r.path for r in run.files]) if git else {}
    data = build_report_data(run, commits, language=report_lang)
    try:
        if html is not None:
            write_html(data, html, title)
            err(f"wrote {html}")
        if csv is not None:
            write_csv(data, csv, separator or strings(data.language).csv_separator)
            err(f"wrote {csv}")
    except OSError as exc:
        raise BrandvoiceError(f"cannot write the report: {exc.strerror}: {exc.filename}") from None


def register(app: typer.Typer) -> None:
    app.command("score")(score)
    app.command("report")(report)
