"""`brandvoice learn` (a guide from approved posts) and `brandvoice guides init` (a guide in a minute).

Both are registered on the main app by `register(app, guides_app)`. Heavy modules are imported
inside the commands.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from brandvoice.cli.console import ExitCode, color_enabled
from brandvoice.cli.options import GuidesDirOption
from brandvoice.languages.packs import PACKS

_LOCALES = ", ".join(locale for pack in PACKS.values() for locale in pack.locales)

def learn(
    paths: Annotated[list[str], typer.Argument(help="Approved posts: files, folders, or text files with one post per line.")],
    brand: Annotated[str, typer.Option("--brand", "-b", help="The guide to learn into (name or path).")],
    write: Annotated[bool, typer.Option("--write", help="Apply the proposal to the guide file (comments are kept).")] = False,
    lang: Annotated[Optional[str], typer.Option("--lang", help="Language of the posts: fr, en, auto or a locale.")] = None,
    split: Annotated[
        str, typer.Option("--split", help="auto, lines (one post per line) or files (one post per file).")
    ] = "auto",
    limit: Annotated[Optional[int], typer.Option("--limit", min=1, help="Learn from the first N posts only.")] = None,
    min_posts: Annotated[
        Optional[int],
        typer.Option("--min-posts", min=1, help="Recurring means in at least N posts (default: 3, or 1% of the posts)."),
    ] = None,
    rule_share: Annotated[
        float, typer.Option("--rule-share", min=0.0, max=1.0, help="Report rules firing on more than this share of posts.")
    ] = 0.5,
    output_format: Annotated[str, typer.Option("--format", "-f", help="text or json.")] = "text",
    guides_dir: GuidesDirOption = None,
    no_grammar: Annotated[bool, typer.Option("--no-grammar", help="Skip LanguageTool (no vocabulary proposal).")] = False,
) -> None:
    """Learn a brand's vocabulary, tone bands, register, hashtags and mentions from approved posts,
    and show the change to its guide as a diff (--write applies it)."""
    import json

    from brandvoice.learn.analysis import LearnSettings
    from brandvoice.learn.corpus import SPLITS
    from brandvoice.learn.render import render_text, to_json
    from brandvoice.learn.run import LearnRequest
    from brandvoice.learn.run import learn as run_learn

    if output_format not in ("text", "json"):
        raise typer.BadParameter(f"unknown format “{output_format}” (choose from text, json)", param_hint="--format")
    if split not in SPLITS:
        raise typer.BadParameter(f"unknown split “{split}” (choose from {', '.join(SPLITS)})", param_hint="--split")
    request = LearnRequest(
        paths=paths,
        brand=brand,
        guides_dirs=list(guides_dir or []),
        language=lang,
        grammar=not no_grammar,
        split=split,  # type: ignore[arg-type]
        limit=limit,
        settings=LearnSettings(min_posts=min_posts, rule_share=rule_share),
    )
    from brandvoice.cli.progress import progress_bar

    with progress_bar("Learning") as progress:
        outcome = run_learn(request, write=write, progress=progress)
    if output_format == "json":
        print(json.dumps(to_json(outcome.proposal, outcome.diff, outcome.written), indent=2, ensure_ascii=False))
    else:
        sys.stdout.write(render_text(outcome.proposal, outcome.diff, color=color_enabled(), written=outcome.written))
    raise typer.Exit(ExitCode.CLEAN)


def guides_init(
    name: Annotated[Optional[str], typer.Option("--name", help="The brand's name, as it is spelled.")] = None,
    language: Annotated[Optional[str], typer.Option("--language", help="fr or en.")] = None,
    locale: Annotated[Optional[str], typer.Option("--locale", help=f"The language's variant: {_LOCALES}...")] = None,
    register: Annotated[
        Optional[str], typer.Option("--register", help="French: vous or tu. English: casual or formal.")
    ] = None,
    channels: Annotated[
        Optional[str], typer.Option("--channels", help="Channels used, comma-separated (x, instagram, linkedin...), or none.")
    ] = None,
    market: Annotated[Optional[str], typer.Option("--market", help="Market whose disclosure law applies: FR or US.")] = None,
    extends: Annotated[
        Optional[str], typer.Option("--extends", help="Base guide to build on (base-fr, base-en, any guide), or none.")
    ] = None,
    description: Annotated[Optional[str], typer.Option("--description", help="One line about the brand's voice.")] = None,
    output: Annotated[
        Optional[Path], typer.Option("--output", "-o", help="Where to write the guide (default: styleguides/<name>.yaml).")
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Replace an existing file.")] = False,
    no_input: Annotated[bool, typer.Option("--no-input", help="Never prompt: use defaults for what is not given.")] = False,
    guides_dir: GuidesDirOption = None,
) -> None:
    """Start a style guide: answer a few questions (or pass them as options) and get a commented
    YAML guide that validates."""
    from brandvoice.errors import BrandvoiceError
    from brandvoice.guides.loader import available_guides
    from brandvoice.learn import init
    from brandvoice.registry import GUIDES

    guides_dirs = list(guides_dir or [])

    def ask(value, question: str, default, convert=str):
        if value is not None or no_input:
            return value if value is not None else default
        try:
            return convert(typer.prompt(question, default=default))
        except typer.Abort:
            raise BrandvoiceError(f"no answer to “{question}”: pass it as an option, or use --no-input") from None

    name = ask(name, "Brand name", None if not no_input else "")
    if not name:
        raise typer.BadParameter("the brand needs a name", param_hint="--name")
    language = ask(language, f"Language ({_either(init.LANGUAGES)})", "fr").strip().lower()
    if language not in init.LANGUAGES:
        raise typer.BadParameter(f"“{language}” is not supported (choose from {', '.join(init.LANGUAGES)})", param_hint="--language")
    pack = PACKS[language]
    locale = ask(locale, "Locale", pack.default_locale)
    registers = init.registers(language)
    if registers:
        register = ask(register, f"Register ({_either(registers)})", registers[0]).strip().lower()
    channel_list = init.parse_channels(
        ask(channels, f"Channels used, comma-separated ({', '.join(init.known_channels())})", ", ".join(init.DEFAULT_CHANNELS))
    )
    market = ask(market, f"Market for sponsored-post disclosure ({_either(init.known_markets())})", pack.default_market or "")
    extends = ask(extends, "Base guide to extend (or none)", f"base-{language}")

    answers = init.InitAnswers(
        name=name, language=language, locale=locale, register=register, channels=channel_list,
        market=market, extends=extends, description=description,
    )
    problems = init.check_answers(answers, available_guides(guides_dirs))
    if problems:
        raise BrandvoiceError("cannot write the guide:\n  " + "\n  ".join(problems))
    path = output or Path("styleguides") / f"{init.guide_slug(name)}.yaml"
    text = init.render_guide(answers, path)
    existed = path.exists()
    previous = path.read_bytes() if existed else None
    init.write_guide(path, text, force=force)
    try:
        guide = GUIDES.load_file(path, guides_dirs)
    except BaseException:
        # the starter guide must validate: never leave a broken one behind
        if previous is None:
            path.unlink(missing_ok=True)
        else:
            path.write_bytes(previous)
        raise
    print(f"Wrote {path} ({len(guide.rules)} rules, extends {extends}).")
    print(f"Check a draft:      brandvoice check draft.md --brand {path}")
    print(f"Learn from posts:   brandvoice learn approved-posts/ --brand {path}   (review, then add --write)")
    raise typer.Exit(ExitCode.CLEAN)


def _either(choices) -> str:
    """"fr or en", "fr, en or de"."""
    choices = list(choices)
    return " or ".join(choices) if len(choices) < 3 else f"{', '.join(choices[:-1])} or {choices[-1]}"


def register(app: typer.Typer, guides_app: typer.Typer) -> None:
    app.command("learn")(learn)
    guides_app.command("init")(guides_init)
