"""`brandvoice lsp`: the language server for editors, over standard input and output."""

from __future__ import annotations

from typing import Annotated

import typer

from brandvoice.cli.options import (
    BrandOption,
    ChannelOption,
    GuidesDirOption,
    LangOption,
    LanguageToolUrlOption,
    NoGrammarOption,
)


def lsp(
    brand: BrandOption = None,
    channel: ChannelOption = None,
    lang: LangOption = None,
    guides_dir: GuidesDirOption = None,
    no_grammar: NoGrammarOption = False,
    languagetool_url: LanguageToolUrlOption = None,
    stdio: Annotated[
        bool, typer.Option("--stdio", help="Accepted for editors that pass it: standard input and output is the transport.")
    ] = False,
) -> None:
    """Language server for editors (LSP over stdio): diagnostics as you type, quick fixes, hover, the
    post's length and score. The editor's settings (initializationOptions) override these options."""
    from brandvoice.lsp.features import serve
    from brandvoice.lsp.server import Settings

    serve(Settings(
        brand=brand, channels=tuple(channel or ()), lang=lang, guides_dirs=tuple(str(d) for d in guides_dir or ()),
        grammar=not no_grammar, languagetool_url=languagetool_url,
    ))
