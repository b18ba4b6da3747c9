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
    from brandvoice.errors import BrandvoiceError

    _notices_as_plain_text()
    try:
        code = app(args=argv, prog_name="brandvoice", standalone_mode=False)
    except typer._click.ClickException as exc:  # typer vendors click; this is its base error
        exc.show()
        return exc.exit_code
    except typer.Abort:
        err("Aborted!")
        return 1
    except BrandvoiceError as exc:
        err(f"brandvoice: error: {exc}")
        return ExitCode.ERROR
    except KeyboardInterrupt:
        err("brandvoice: interrupted")
        return ExitCode.ERROR
    except Exception:  # a bug, not a user mistake: exit 2 (not "findings") with what to report
        import traceback

        traceback.print_exc()
        err("brandvoice: internal error: please report it with the traceback above")
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
            print(f"brandvoice: warning: {message}", file=sys.stderr)
        else:
            default(message, category, filename, lineno, file, line)

    show.brandvoice = True
    warnings.showwarning = show


def main() -> None:
    argv = sys.argv[1:]
    asks_help = "--help" in argv or "-h" in argv
    if argv and argv[0] in SERVED_COMMANDS and not asks_help:
        from brandvoice.server.client import run_on_server

        code = run_on_server(argv)
        if code is not None:
            sys.exit(code)
    elif argv and argv[0] in STARTING_COMMANDS and not asks_help:
        from brandvoice.server.client import ensure_started

        ensure_started(argv)
    sys.exit(run(argv))
