"""`brandvoice score` and `brandvoice report`: voice scores, the numbers a community manager shows
a client.

`score` prints a compact table of voice scores, worst first (or one CSV row / JSON object per
post). `report` writes a self-contained HTML report with charts, its PDF, and/or a CSV of
findings for Excel. Both check files like `check` does, with a progress bar on stderr for long
interactive runs, and speak the report's language (numbers too: "78,1" in French). The
`--min-score` gate of `check` lives here too (`min_score_gate`).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from brandvoice.cli.console import ExitCode, color_enabled, err, report_reading
from brandvoice.cli.options import (
    BrandOption,
    ChannelOption,
    GuidesDirOption,
    IgnoreOption,
    LangOption,
    NoGrammarOption,
    NoServerOption,
    PathsArgument,
    ProgressOption,
    SelectOption,
    run_options,
)
from brandvoice.i18n import _, ngettext, ui_locale, ui_number
from brandvoice.i18n.formatting import format_list

if TYPE_CHECKING:
    from brandvoice.findings import RunResult
    from brandvoice.runner import RunOptions

ReportLangOption = Annotated[
    Optional[str], typer.Option("--report-lang", help="fr or en (default: the language of most posts' guides).")
]
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
    from brandvoice.score_totals import below, score_of

    if min_score is None:
        return False
    failing = below(run.files, min_score)
    if failing:
        names = ", ".join(f"{r.path} ({ui_number(score_of(r))})" for r in failing[:10])
        if len(failing) > 10:
            names += " " + _("and {count} more").format(count=len(failing) - 10)
        err(ngettext("{count} file below the minimum voice score {minimum}: {names}",
                     "{count} files below the minimum voice score {minimum}: {names}", len(failing)).format(
            count=len(failing), minimum=ui_number(min_score), names=names))
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
    output_format: Annotated[
        str, typer.Option("--format", "-f", help="table (default), csv (for Excel, one row per post) or json.")
    ] = "table",
    report_lang: ReportLangOption = None,
    no_server: NoServerOption = False,
) -> None:
    """Print each file's voice score (0-100), worst first, with the mean by brand and channel."""
    from brandvoice.client_report.labels import report_languages
    from brandvoice.client_report.scores import score_csv, score_json, score_table

    renderers = {"table": lambda run, language: score_table(run, language, color_enabled()), "csv": score_csv,
                 "json": score_json}
    if output_format not in renderers:
        raise typer.BadParameter(_("“{value}” is not a score format (table, csv or json)").format(value=output_format),
                                 param_hint="--format")
    if report_lang is not None and report_lang not in report_languages():
        raise typer.BadParameter(
            _("“{value}” is not a report language ({languages})").format(
                value=report_lang, languages=format_list(report_languages(), "or", ui_locale())),
            param_hint="--report-lang"
        )
    options = run_options(brand, channel, lang, guides_dir, no_grammar, select, ignore)
    run = run_with_progress(paths, options, progress)
    report_reading(run)
    from brandvoice.client_report.data import report_language

    sys.stdout.write(renderers[output_format](run, report_language(run, report_lang)))
    raise typer.Exit(ExitCode.FINDINGS if min_score_gate(run, min_score) else ExitCode.CLEAN)


def report(
    paths: PathsArgument,
    html: Annotated[Optional[Path], typer.Option("--html", help="Write a self-contained HTML report here.")] = None,
    pdf: Annotated[
        Optional[Path], typer.Option("--pdf", help="Write the same report as a PDF here (needs Chromium or Chrome).")
    ] = None,
    csv: Annotated[Optional[Path], typer.Option("--csv", help="Write one CSV row per finding here.")] = None,
    csv_sep: Annotated[
        Optional[str],
        typer.Option("--csv-sep", help="CSV separator: , ; or tab (default: ; for a French report, else ,)."),
    ] = None,
    report_lang: ReportLangOption = None,
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
    """Write an HTML report with charts, its PDF, and/or a CSV of findings for Excel."""
    from brandvoice.client_report import build_report_data, last_commits, write_csv, write_html, write_pdf
    from brandvoice.client_report.csv_export import parse_separator
    from brandvoice.client_report.labels import report_languages, strings
    from brandvoice.errors import BrandvoiceError

    if html is None and csv is None and pdf is None:
        raise typer.BadParameter(
            _("say where to write the report: --html FILE, --pdf FILE and/or --csv FILE"), param_hint="--html"
        )
    if report_lang is not None and report_lang not in report_languages():
        raise typer.BadParameter(
            _("“{value}” is not a report language ({languages})").format(
                value=report_lang, languages=format_list(report_languages(), "or", ui_locale())),
            param_hint="--report-lang",
        )
    separator = None
    if csv_sep is not None:
        try:
            separator = parse_separator(csv_sep)
        except ValueError as exc:
            raise typer.BadParameter(str(exc), param_hint="--csv-sep") from None
    options = run_options(brand, channel, lang, guides_dir, no_grammar, select, ignore)
    run = run_with_progress(paths, options, progress)
    report_reading(run)
    commits = last_commits([r.path for r in run.files]) if git else {}
    data = build_report_data(run, commits, language=report_lang)
    try:
        if html is not None:
            write_html(data, html, title)
            err(_("wrote {path}").format(path=html))
        if pdf is not None:
            write_pdf(data, pdf, title)
            err(_("wrote {path}").format(path=pdf))
        if csv is not None:
            write_csv(data, csv, separator or strings(data.language).csv_separator)
            err(_("wrote {path}").format(path=csv))
    except OSError as exc:
        raise BrandvoiceError(_("cannot write the report: {reason}: {path}").format(
            reason=exc.strerror, path=exc.filename)) from None


def register(app: typer.Typer) -> None:
    app.command("score")(score)
    app.command("report")(report)
