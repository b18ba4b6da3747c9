"""`annotated`: the calendar checked, as a workbook to send back (`--output annotated:FILE.xlsx`):
comments on the text cells, a status and a score column, a summary sheet with charts. A file
format only (it copies the calendar), never the terminal's; see `brandvoice/calendars/annotated.py`."""

from __future__ import annotations

from pathlib import Path

from brandvoice.findings import RunResult
from brandvoice.formats.common import Format, ReportContext


def write(run: RunResult, ctx: ReportContext, path: Path) -> None:
    from brandvoice.calendars.annotated import write_annotated

    write_annotated(run, path, ctx.fail_on)


FORMAT = Format("annotated", None, extensions=(".xlsx",), write=write)
