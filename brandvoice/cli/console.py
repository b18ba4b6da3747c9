"""What every command prints with: exit codes, diagnostics on stderr, and whether to colour."""

from __future__ import annotations

import enum
import os
import shutil
import sys
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from brandvoice.findings import RunResult


class ExitCode(enum.IntEnum):
    """0 nothing at or above the fail level, 1 findings at or above it (or a score under
    `--min-score`, or fixes to show with `--diff`), 2 a usage, configuration or runtime error."""

    CLEAN = 0
    FINDINGS = 1
    ERROR = 2


def err(message: str) -> None:
    """Diagnostics go to stderr."""
    print(message, file=sys.stderr)


def report_reading(run: RunResult) -> None:
    """Files a run could not check (binary, not UTF-8...) and what to know about how files were
    read (a calendar's encoding, sheets not checked), one line each on stderr."""
    for path, reason in [*run.skipped, *run.notes]:
        err(f"{path}: {reason}")


TTY_ENV = "BRANDVOICE_STDOUT_TTY"  # set by the resident server's client when its stdout is a terminal


def stdout_is_terminal() -> bool:
    return os.environ.get(TTY_ENV) == "1" or sys.stdout.isatty()


def terminal_width() -> int | None:
    """Columns to fit excerpts into: `COLUMNS`, else the terminal's; None when not a terminal."""
    columns = os.environ.get("COLUMNS", "")
    if columns.isdigit() and int(columns) > 0:
        return int(columns)
    if sys.stdout.isatty():
        return shutil.get_terminal_size().columns
    return None


def color_enabled(stream: TextIO | None = None) -> bool:
    """Colour on a terminal, unless `NO_COLOR`; `FORCE_COLOR` forces it (the resident server)."""
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return (stream or sys.stdout).isatty()
