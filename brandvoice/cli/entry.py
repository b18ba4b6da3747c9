"""The `brandvoice` executable. A `check` or `score` goes to this install's resident server when
one runs (fast: this path imports nothing heavy), else runs in this process and, unless turned
off, starts the server in the background for the next runs; the output is the same either way.
`watch` starts the server too (for the other runs) and checks in its own process."""

from __future__ import annotations

import sys

SERVED_COMMANDS = frozenset({"check", "score"})
STARTING_COMMANDS = frozenset({"watch"})


def run(argv: list[str]) -> int:
    """Run the CLI in this process and return its exit code, printing as the CLI does."""
    import typer

    from brandvoice.cli.app import app
    from brandvoice.cli.console import ExitCode, err
    from brandvoice.cli.ui import localized_command, resolve_ui_locale, show_click_error, with_ui_lang_first
    from brandvoice.errors import BrandvoiceError
    from brandvoice.i18n import _, set_ui_locale

    argv, asked = with_ui_lang_first(argv)
    set_ui_locale(resolve_ui_locale(asked))
    _notices_as_plain_text()
    try:
        code = localized_command(app, argv).main(args=argv, prog_name="brandvoice", standalone_mode=False)
    except typer._click.ClickException as exc:  # typer vendors click; this is its base error
        show_click_error(exc)
        return exc.exit_code
    except typer.Abort:
        err(_("Aborted!"))
        return 1
    except BrandvoiceError as exc:
        err(_("brandvoice: error: {message}").format(message=exc))
        return ExitCode.ERROR
    except KeyboardInterrupt:
        err(_("brandvoice: interrupted"))
        return ExitCode.ERROR
    except Exception:  # a bug, not a user mistake: exit 2 (not "findings") with what to report
        import traceback

        traceback.print_exc()
        err(_("brandvoice: internal error: please report it with the traceback above"))
        return ExitCode.ERROR
    return code if isinstance(code, int) else 0


def _notices_as_plain_text() -> None:
    """brandvoice's own warnings print as one readable line on stderr, not Python's format."""
    import warnings

    from brandvoice.errors import BrandvoiceWarning

    default = warnings.showwarning
    if getattr(default, "brandvoice", False):
        return  # installed already (the resident server runs many commands in one process)

    def show(message, category, filename, lineno, file=None, line=None):
        if issubclass(category, BrandvoiceWarning):
            from brandvoice.i18n import _

            print(_("brandvoice: warning: {message}").format(message=message), file=sys.stderr)
        else:
            default(message, category, filename, lineno, file, line)

    show.brandvoice = True
    warnings.showwarning = show


def main() -> None:
    from brandvoice.server import turned_off

    argv = sys.argv[1:]
    asks_help = "--help" in argv or "-h" in argv
    if argv and argv[0] in SERVED_COMMANDS and not asks_help and not turned_off(argv):
        from brandvoice.server.client import run_on_server

        code = run_on_server(argv)
        if code is not None:
            sys.exit(code)
    elif argv and argv[0] in STARTING_COMMANDS and not asks_help:
        from brandvoice.server.client import ensure_started

        ensure_started(argv)
    sys.exit(run(argv))
