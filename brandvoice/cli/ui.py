"""The interface language of one command: which it is, and the command line in it.

`brandvoice` decides before it parses anything (its help and usage errors are already in that
language): `--ui-lang` anywhere on the command line, else the `ui_lang` of the project
configuration above the current folder, else the user's locale (`LC_ALL`, `LC_MESSAGES`, `LANG`),
else English. The option is the root command's; written after a subcommand it is moved in front
of it, so `brandvoice check post.md --ui-lang fr` works like `brandvoice --ui-lang fr check post.md`.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from brandvoice.i18n import N_, _, locale_from_environment
from brandvoice.i18n.catalogs import SOURCE_LANGUAGE, catalog_languages
from brandvoice.project_files import PYPROJECT, config_candidates

UI_LANG = "--ui-lang"
HELP_OPTIONS = ["-h", "--help"]

# Typer's own words in help pages and usage errors, which it translates through gettext
TYPER_WORDS = (
    N_("Arguments"), N_("Options"), N_("Commands"), N_("default: {default}"), N_("required"), N_("env var: {var}"),
    N_("(dynamic)"), N_("Missing command."), N_("No such command {name!r}."), N_("Aborted!"),
    N_("Show this message and exit."),
)


def with_ui_lang_first(argv: list[str]) -> tuple[list[str], str | None]:
    """The arguments with `--ui-lang VALUE` moved to the front (the root command's option), and
    that value."""
    for i, arg in enumerate(argv):
        if arg == "--":
            break
        if arg == UI_LANG:  # without a value after it, the root command says so
            return [arg, *argv[i + 1 : i + 2], *argv[:i], *argv[i + 2 :]], (argv[i + 1 : i + 2] or [None])[0]
        if arg.startswith(UI_LANG + "="):
            return [arg, *argv[:i], *argv[i + 1 :]], arg.partition("=")[2]
    return argv, None


def resolve_ui_locale(asked: str | None, environ: Mapping[str, str] | None = None, cwd: Path | None = None) -> str:
    """The interface locale: `--ui-lang`, the project's `ui_lang`, the user's locale, English."""
    return chosen_ui_lang(asked, cwd) or locale_from_environment(environ) or SOURCE_LANGUAGE


def chosen_ui_lang(asked: str | None, cwd: Path | None = None) -> str | None:
    """The interface language someone chose: `--ui-lang`, else the project's `ui_lang`; None when
    it is left to the locale (an editor's, for the language server)."""
    if asked in catalog_languages():
        return asked
    return _project_ui_lang(cwd or Path.cwd())


def _project_ui_lang(cwd: Path) -> str | None:
    """The `ui_lang` of the project above `cwd`, read without the configuration's validation
    (pydantic would double what `--help` costs): a value brandvoice does not speak, or a file it
    cannot read, is left to the command that loads the configuration to report."""
    for candidate, _info in config_candidates(cwd):
        try:
            table = _brandvoice_table(candidate)
        except (OSError, UnicodeDecodeError, ValueError):
            return None
        if table is not _NO_TABLE:
            value = table.get("ui_lang") if isinstance(table, dict) else None
            return value if value in catalog_languages() else None
    return None


_NO_TABLE = object()  # a pyproject.toml without brandvoice's table: no project of ours


def _brandvoice_table(file: Path) -> Any:
    text = file.read_text(encoding="utf-8")
    if file.name == PYPROJECT:
        import tomllib

        return tomllib.loads(text).get("tool", {}).get("brandvoice", _NO_TABLE)
    import yaml

    try:
        return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError as exc:
        raise ValueError(str(exc)) from None


def localized_command(app: Any, argv: list[str] | None = None) -> Any:
    """The click command tree of the Typer app, with its help in the interface language; given the
    arguments, only the branch they invoke (Typer builds every command's options: 20 ms)."""
    import typer.core
    import typer.main

    typer.core._ = _  # Typer marks its own words for gettext (TYPER_WORDS): ours translate them
    command = typer.main.get_command(_invoked_branch(app, argv) if argv else app)
    for node in _commands(command):
        node.help = _(node.help) if node.help else node.help
        node.short_help = _(node.short_help) if node.short_help else node.short_help
        for param in node.params:
            if getattr(param, "help", None):
                param.help = _(param.help)
        context = typer._click.Context(node, info_name=node.name, help_option_names=HELP_OPTIONS)
        help_option = node.get_help_option(context)
        if help_option is not None:
            help_option.help = _(help_option.help)
    return command


def _invoked_branch(app: Any, argv: list[str]) -> Any:
    """A copy of the app with only the top-level command or group the arguments name (after the
    root's options); the app itself when they name none or ask the root's help (`-h check`), or
    name a mistyped command."""
    import copy

    import typer.main

    rest = list(argv)
    while rest and rest[0].startswith("-"):
        option = rest.pop(0)
        if option in HELP_OPTIONS:
            return app  # the root's help lists every command
        if option == UI_LANG and rest:
            rest.pop(0)
    if not rest:
        return app
    name = rest[0]
    commands = [info for info in app.registered_commands
                if (info.name or typer.main.get_command_name(info.callback.__name__)) == name]
    groups = [info for info in app.registered_groups if info.name == name]
    if not commands and not groups:
        return app
    branch = copy.copy(app)
    branch.registered_commands, branch.registered_groups = commands, groups
    return branch


def help_texts(app: Any) -> Iterator[str]:
    """Every help text of the command line, as written in the code (for the catalogues)."""
    import typer.main

    for node in _commands(typer.main.get_command(app)):
        yield from (text for text in (node.help, node.short_help) if text)
        yield from (param.help for param in node.params if getattr(param, "help", None))


def _commands(command: Any) -> Iterator[Any]:
    yield command
    for sub in getattr(command, "commands", {}).values():
        yield from _commands(sub)


def click_error_message(exc: Any) -> str:
    """A usage error's message in the interface language (Typer writes its own in English)."""
    from typer._click.exceptions import BadParameter, MissingParameter, NoSuchOption

    if isinstance(exc, MissingParameter) and exc.param is not None and not exc.message:
        name = exc.param_hint if isinstance(exc.param_hint, str) else exc.param.get_error_hint(exc.ctx)
        missing = _("Missing argument {name}.") if exc.param.param_type_name == "argument" else _("Missing option {name}.")
        return missing.format(name=name)
    if isinstance(exc, NoSuchOption):
        message = _("No such option: {option}").format(option=exc.option_name)
        if exc.possibilities:
            message += " " + _("(Possible options: {options})").format(options=", ".join(sorted(exc.possibilities)))
        return message
    if isinstance(exc, BadParameter) and not isinstance(exc, MissingParameter):
        hint = exc.param_hint if exc.param_hint is not None else exc.param.get_error_hint(exc.ctx) if exc.param else None
        if isinstance(hint, (list, tuple)):
            hint = " / ".join(hint)
        if hint:
            return _("Invalid value for {option}: {message}").format(option=hint, message=exc.message)
        return _("Invalid value: {message}").format(message=exc.message)
    return exc.format_message()


def show_click_error(exc: Any) -> None:
    """What Typer's `exc.show()` prints (usage, a hint, the error), in the interface language."""
    from typer._click.exceptions import UsageError

    from brandvoice.cli.console import err

    if isinstance(exc, UsageError) and exc.ctx is not None:
        err(exc.ctx.get_usage())
        if exc.ctx.command.get_help_option(exc.ctx) is not None:
            err(_("Try “{command} {option}” for help.").format(
                command=exc.ctx.command_path, option=exc.ctx.help_option_names[0]))
        err("")
    err(_("Error: {message}").format(message=click_error_message(exc)))
