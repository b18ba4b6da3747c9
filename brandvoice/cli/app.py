"""The `brandvoice` command. Thin: parses options, calls the checker, hands results to a format.

Heavy modules are imported inside commands so `brandvoice --help` stays fast. Exit codes are
`console.ExitCode`: 0 nothing at or above the fail level, 1 findings at or above it, 2 usage,
configuration or runtime error (printed without a traceback).
"""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path
from typing import Annotated, Optional

import typer

from brandvoice import __version__
from brandvoice.cli.console import ExitCode, color_enabled, err, report_reading, stdout_is_terminal, terminal_width
from brandvoice.cli.languagetool import languagetool_app
from brandvoice.cli.learn import register as register_learn_commands
from brandvoice.cli.lsp import lsp
from brandvoice.cli.options import (
    BrandOption,
    ChannelOption,
    GuidesDirOption,
    IgnoreOption,
    LangOption,
    LanguageToolUrlOption,
    NoGrammarOption,
    NoServerOption,
    PathsArgument,
    SelectOption,
    run_options,
)
from brandvoice.cli.scores import MinScoreOption, min_score_gate
from brandvoice.cli.scores import register as register_score_commands
from brandvoice.cli.server import server_app
from brandvoice.cli.watch import watch

app = typer.Typer(
    name="brandvoice",
    help="Check social-media drafts against a brand's voice: grammar, terms, tone and channel rules.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
    rich_markup_mode=None,
)
guides_app = typer.Typer(help="List, show, validate style guides, and print their JSON Schema.", no_args_is_help=True)
app.add_typer(guides_app, name="guides")
app.add_typer(server_app, name="server")
app.command("watch")(watch)
app.command("lsp")(lsp)
app.add_typer(languagetool_app, name="languagetool")
register_score_commands(app)  # score, report
register_learn_commands(app, guides_app)  # learn, guides init


def _version(value: bool) -> None:
    if value:
        print(f"brandvoice {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")
    ] = False,
) -> None:
    """brandvoice: a brand-voice and copy checker."""


@app.command()
def check(
    paths: PathsArgument,
    brand: BrandOption = None,
    channel: ChannelOption = None,
    lang: LangOption = None,
    output_format: Annotated[
        str,
        typer.Option(
            "--format", "-f",
            help="Output format: text, json, sarif, github, rdjsonl, gitlab, junit, markdown, or auto "
            "(github inside GitHub Actions, else text).",
        ),
    ] = "text",
    output: Annotated[
        Optional[list[str]],
        typer.Option(
            "--output", "-o",
            help="Also write a report to a file: FORMAT:FILE (sarif:report.sarif) or FILE with a known "
            "extension (.sarif .json .xml .md .jsonl); annotated:FILE.xlsx for a checked calendar's annotated copy. "
            "Repeatable.",
        ),
    ] = None,
    fail_on: Annotated[
        Optional[str],
        typer.Option("--fail-on", help="error, warning or suggestion (default: the project's fail_on, else error)."),
    ] = None,
    min_score: MinScoreOption = None,
    guides_dir: GuidesDirOption = None,
    no_grammar: NoGrammarOption = False,
    languagetool_url: LanguageToolUrlOption = None,
    stdin_filename: Annotated[
        Optional[str], typer.Option("--stdin-filename", help="Name (and so type) of the text read from `-`.")
    ] = None,
    select: SelectOption = None,
    ignore: IgnoreOption = None,
    fix: Annotated[bool, typer.Option("--fix", help="Apply safe fixes in place, then report what remains.")] = False,
    diff: Annotated[
        bool, typer.Option("--diff", help="Print the fixes as a unified diff, write nothing; exit 1 if there are any.")
    ] = False,
    unsafe_fixes: Annotated[
        bool, typer.Option("--unsafe-fixes", help="With --fix/--diff, also apply any single suggestion (LanguageTool...).")
    ] = False,
    diff_base: Annotated[
        Optional[str],
        typer.Option("--diff-base", help="Report only findings on lines changed since this git ref (origin/main)."),
    ] = None,
    changed: Annotated[
        bool, typer.Option("--changed", help="Check only files changed since --diff-base (else HEAD), in full.")
    ] = False,
    no_cache: Annotated[bool, typer.Option("--no-cache", help="Check every file again, ignoring cached results.")] = False,
    no_server: NoServerOption = False,
    verbose: Annotated[
        bool, typer.Option("--verbose", "-v", help="Also say where drafts are sent for grammar checks.")
    ] = False,
) -> None:
    """Check drafts and report findings."""
    from brandvoice.cli.progress import progress_bar
    from brandvoice.config import failing, run_fail_level
    from brandvoice.findings import Level
    from brandvoice.formats.common import ReportContext
    from brandvoice.outputs import parse_output, resolve_format, write_report
    from brandvoice.registry import FORMATS
    from brandvoice.runner import Checker

    terminal_format = resolve_format(output_format)
    targets = [parse_output(spec) for spec in output or ()]
    try:
        fail_level = Level.parse(fail_on) if fail_on else None  # None: each file's project decides
    except ValueError as exc:
        raise typer.BadParameter(str(exc), param_hint="--fail-on") from None
    options = run_options(
        brand,
        channel,
        lang,
        guides_dir,
        no_grammar,
        select,
        ignore,
        languagetool_url=languagetool_url,
        stdin_filename=stdin_filename,
        diff_base=diff_base,
        changed_only=changed,
        cache=not (no_cache or fix or diff),  # fixes come from a fresh check, never from a cached entry
        verbose=verbose,
    )
    with progress_bar() as progress:
        run = Checker(options, progress).check_paths(paths)
    report_reading(run)
    if fix or diff:
        # fix rounds check again: the run already said where drafts go
        run = _fix(run, paths, Checker(replace(options, verbose=False)), write=not diff, unsafe=unsafe_fixes)
    sources = {r.path: r.source for r in run.files}
    context = ReportContext(
        sources=sources, color=color_enabled(), fail_on=run_fail_level(fail_level), width=terminal_width()
    )
    for target in targets:
        write_report(target, run, replace(context, color=False, width=None))
    sys.stdout.write(FORMATS[terminal_format].render(run, context))
    failed = min_score_gate(run, min_score) | failing(run.files, fail_level)
    raise typer.Exit(ExitCode.FINDINGS if failed else ExitCode.CLEAN)


def _fix(run, paths: list[str], checker, write: bool, unsafe: bool):
    """--fix writes and returns what remains; --diff prints the diff and exits. `checker` checks
    the fixed texts again, round after round."""
    from brandvoice.errors import BrandvoiceError
    from brandvoice.fixes import fix_run, unified_diff, write_fixes

    if write and "-" in paths:
        raise BrandvoiceError("--fix cannot rewrite standard input; use --diff to see the fixes")
    outcome = fix_run(run, checker.check_sources, unsafe=unsafe)
    if not write:
        _print_diff("".join(unified_diff(f) for f in outcome.files))
        err(f"{outcome.applied} fix(es) would be applied to {len(outcome.files)} file(s)")
        raise typer.Exit(ExitCode.FINDINGS if outcome.files else ExitCode.CLEAN)
    write_fixes(outcome, run)
    for path, reason in outcome.problems:
        err(f"{path}: {reason}")
    if outcome.files:
        err(f"Fixed {outcome.applied} finding(s) in {len(outcome.files)} file(s).")
    return outcome.run


def _print_diff(diff: str) -> None:
    """A plain patch (`git apply`-able) in a pipe; coloured, with no-break spaces made visible, on a
    terminal."""
    if not (color_enabled() or stdout_is_terminal()):
        sys.stdout.write(diff)
        return
    from rich.console import Console
    from rich.text import Text

    from brandvoice.display import coloured_diff

    color = color_enabled()
    console = Console(force_terminal=color, no_color=not color, highlight=False, soft_wrap=True)
    lines, stand_ins = coloured_diff(diff, color)
    for line in lines:
        console.print(line)
    if stand_ins:
        console.print(Text(stand_ins, style="dim"))


@app.command("rules")
def list_rules() -> None:
    """List every rule kind with its options."""
    from brandvoice.docs import kinds_table

    print(kinds_table())


@app.command()
def explain(
    rule_id: Annotated[str, typer.Argument(help="A rule kind (existence) or a rule id (hotelia.superlatifs).")],
    brand: Annotated[Optional[str], typer.Option("--brand", "-b", help="Guide defining the rule.")] = None,
    guides_dir: GuidesDirOption = None,
) -> None:
    """Print a rule's documentation and examples."""
    from brandvoice.docs import explain_rule

    print(explain_rule(rule_id, brand, list(guides_dir or [])))


@guides_app.command("list")
def guides_list(guides_dir: GuidesDirOption = None) -> None:
    """List the guides brandvoice can find, and where."""
    from brandvoice.guides.loader import available_guides

    for name, path in available_guides(list(guides_dir or [])).items():
        print(f"{name:<20} {path}")


@guides_app.command("show")
def guides_show(
    name: Annotated[str, typer.Argument(help="Guide name or path.")],
    guides_dir: GuidesDirOption = None,
) -> None:
    """Show a guide resolved with its `extends` chain, and the rules it runs."""
    from brandvoice.docs import show_guide

    print(show_guide(name, list(guides_dir or [])))


@guides_app.command("validate")
def guides_validate(
    files: Annotated[list[Path], typer.Argument(help="Guide files to validate.")],
    guides_dir: GuidesDirOption = None,
) -> None:
    """Validate guide files (and what they extend); exit 2 on the first invalid one."""
    from brandvoice.errors import BrandvoiceError
    from brandvoice.registry import GUIDES

    failed = False
    for file in files:
        try:
            guide = GUIDES.load_file(file, list(guides_dir or []))
        except BrandvoiceError as exc:
            err(str(exc))
            failed = True
        else:
            print(f"{file}: ok ({len(guide.rules)} rules)")
    raise typer.Exit(ExitCode.ERROR if failed else ExitCode.CLEAN)


@guides_app.command("schema")
def guides_schema() -> None:
    """Print the JSON Schema of a guide (for yaml-language-server and other editors)."""
    import json

    from brandvoice.registry import GUIDES

    print(json.dumps(GUIDES.json_schema(), indent=2, ensure_ascii=False))
