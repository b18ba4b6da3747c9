"""Options shared by the commands that check files (check, watch, score, report, learn)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

if TYPE_CHECKING:
    from brandvoice.runner import RunOptions

PathsArgument = Annotated[list[str], typer.Argument(help="Files or folders to check; `-` reads standard input.")]
BrandOption = Annotated[Optional[str], typer.Option("--brand", "-b", help="Guide name or path.")]
ChannelOption = Annotated[Optional[list[str]], typer.Option("--channel", "-c", help="Target channel (repeatable).")]
LangOption = Annotated[Optional[str], typer.Option("--lang", help="fr, en, auto or a locale (fr-CA, en-GB).")]
GuidesDirOption = Annotated[
    Optional[list[Path]], typer.Option("--guides-dir", help="Extra folder of style guides (repeatable).")
]
NoGrammarOption = Annotated[bool, typer.Option("--no-grammar", help="Skip LanguageTool grammar checks.")]
LanguageToolUrlOption = Annotated[
    Optional[str],
    typer.Option(
        "--languagetool-url",
        help="LanguageTool server to use instead of the local one (`public`: the public API; drafts then leave "
        "this machine). Also BRANDVOICE_LANGUAGETOOL_URL.",
    ),
]


SelectOption = Annotated[Optional[list[str]], typer.Option("--select", help="Only these rule ids or prefixes.")]
IgnoreOption = Annotated[Optional[list[str]], typer.Option("--ignore", help="Skip these rule ids or prefixes.")]
NoServerOption = Annotated[
    bool,
    typer.Option(
        "--no-server",
        help="Run in this process: neither use nor start the resident server (also BRANDVOICE_NO_SERVER=1, "
        "or `server: off` in the project configuration).",
    ),
]
ProgressOption = Annotated[
    Optional[bool],
    typer.Option("--progress/--no-progress", help="Progress bar on stderr (default: on a terminal, for long runs)."),
]


def run_options(
    brand: str | None = None,
    channel: list[str] | None = None,
    lang: str | None = None,
    guides_dir: list[Path] | None = None,
    no_grammar: bool = False,
    select: list[str] | None = None,
    ignore: list[str] | None = None,
    **more,
) -> "RunOptions":
    from brandvoice.runner import RunOptions

    return RunOptions(
        brand=brand,
        channels=tuple(channel or ()),
        language=lang,
        guides_dirs=list(guides_dir or []),
        grammar=not no_grammar,
        select=tuple(select or ()),
        ignore=tuple(ignore or ()),
        **more,
    )
