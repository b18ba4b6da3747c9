"""A calendar file as sheets of cells: a workbook through openpyxl, a CSV through the csv module.

CSV files come from many spreadsheets: `;` (French Excel) or `,` or tab separated, UTF-8 with or
without a byte-order mark, or a legacy 8-bit encoding (Windows-1252 from Excel on Windows, Mac
Roman from older Mac Excel), told apart by charset-normalizer. The encoding used is kept so that
fixes are written back in it, and said to the user when it is not UTF-8.
"""

from __future__ import annotations

import csv
import io
import zipfile
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from brandvoice.i18n import _
from brandvoice.parsing.document import DocumentError
from brandvoice.parsing.file_types import CSV_SUFFIXES, WORKBOOK_SUFFIXES
DELIMITERS = (";", ",", "\t")
LEGACY_ENCODINGS = ("cp1252", "mac_roman")  # what a spreadsheet saves a CSV in when not UTF-8
ENCODING_NAMES = {"utf-8": "UTF-8", "utf-8-sig": "UTF-8 with BOM", "cp1252": "Windows-1252", "mac_roman": "Mac Roman"}
EXCEL_1900 = datetime(1899, 12, 30)


@dataclass
class Sheet:
    """One sheet's cells by 1-based (row, column). `merged` ranges are (min_row, min_col, max_row,
    max_col); only their top-left cell holds the value. `formulas` are the cells whose value is a
    formula's result. A CSV's sheet has no name; `lines` gives the file line each record starts on."""

    name: str | None
    rows: list[list[Any]]
    merged: list[tuple[int, int, int, int]] = field(default_factory=list)
    formulas: set[tuple[int, int]] = field(default_factory=set)
    lines: list[int] = field(default_factory=list)
    hidden: bool = False

    def value(self, row: int, column: int) -> Any:
        if 0 < row <= len(self.rows) and 0 < column <= len(self.rows[row - 1]):
            return self.rows[row - 1][column - 1]
        return None

    def filled(self, row: int, column: int) -> Any:
        """The value a merged range shows in every cell it covers (a date merged over a day's posts)."""
        for min_row, min_col, max_row, max_col in self.merged:
            if min_row <= row <= max_row and min_col <= column <= max_col:
                return self.value(min_row, min_col)
        return self.value(row, column)

    def merged_bottom(self, row: int, column: int) -> int:
        """The last row of the merged range holding this cell (the row itself when not merged)."""
        return max((r[2] for r in self.merged if r[0] <= row <= r[2] and r[1] <= column <= r[3]), default=row)

    def width(self) -> int:
        return max((len(r) for r in self.rows), default=0)

    def cell_line(self, row: int, column: int) -> int:
        """A CSV's file line where a cell's text starts: its record's first line plus the line breaks
        of the cells before it (a quoted cell may hold some)."""
        if not self.lines:
            return row
        before = self.rows[row - 1][: column - 1]
        return self.lines[row - 1] + sum(str(v).count("\n") for v in before)


@dataclass
class Table:
    sheets: list[Sheet]
    kind: str  # "csv" or "xlsx"
    encoding: str | None = None  # a CSV's encoding (a Python codec name)
    delimiter: str | None = None
    epoch: datetime = EXCEL_1900  # the workbook's date system, for dates stored as serial numbers

    @property
    def encoding_name(self) -> str | None:
        return ENCODING_NAMES.get(self.encoding or "", self.encoding)


def column_letter(column: int) -> str:
    """5 → "E" (openpyxl's, imported only when a calendar is read: it takes 0.4 s)."""
    from openpyxl.utils import get_column_letter

    return get_column_letter(column)


def read_table(path: str, data: bytes) -> Table:
    if path.lower().endswith(CSV_SUFFIXES):
        return read_csv(data, "\t" if path.lower().endswith(".tsv") else None)
    return read_workbook(data)


def read_workbook(data: bytes) -> Table:
    import openpyxl  # imported when a workbook is read: `brandvoice --help` stays fast

    try:
        values = openpyxl.load_workbook(io.BytesIO(data), data_only=True)
        formulas = openpyxl.load_workbook(io.BytesIO(data), data_only=False)
    except (zipfile.BadZipFile, KeyError, OSError) as exc:
        raise DocumentError(_(
            "not an Excel workbook (.xlsx) that can be read ({problem}); an old .xls or an encrypted workbook "
            "must be saved as .xlsx (or CSV) first"
        ).format(problem=exc)) from None
    sheets = []
    for sheet, with_formulas in zip(values.worksheets, formulas.worksheets):
        rows = [list(row) for row in sheet.iter_rows(values_only=True)]
        merged = [(r.min_row, r.min_col, r.max_row, r.max_col) for r in sheet.merged_cells.ranges]
        formula_cells = {
            (cell.row, cell.column) for row in with_formulas.iter_rows() for cell in row if cell.data_type == "f"
        }
        sheets.append(Sheet(sheet.title, rows, merged, formula_cells, hidden=sheet.sheet_state != "visible"))
    return Table(sheets, "xlsx", epoch=values.epoch)


def decode_csv(data: bytes) -> tuple[str, str]:
    """The text of a CSV and the codec that decoded it: UTF-8 (with or without BOM) when it is,
    else the legacy encoding charset-normalizer finds most plausible (Windows-1252 by default)."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace"), "utf-8-sig"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=list(LEGACY_ENCODINGS)).best()
    encoding = best.encoding if best is not None and best.encoding in LEGACY_ENCODINGS else "cp1252"
    return data.decode(encoding, errors="replace"), encoding


def csv_records(text: str, delimiter: str) -> tuple[list[list[str]], list[int]]:
    """The records of a CSV and the file line each starts on (a quoted cell may span lines)."""
    lines = text.splitlines(keepends=True)
    reader = csv.reader(iter(lines), delimiter=delimiter)
    records, starts = [], []
    start = 1
    try:
        for record in reader:
            records.append(record)
            starts.append(start)
            start = reader.line_num + 1
    except csv.Error as exc:
        raise DocumentError(_("not a valid CSV ({problem})").format(problem=exc), reader.line_num) from None
    return records, starts


def read_csv(data: bytes, delimiter: str | None = None) -> Table:
    text, encoding = decode_csv(data)
    candidates = [delimiter] if delimiter else list(DELIMITERS)
    parsed = {d: csv_records(text, d) for d in candidates}
    chosen = max(candidates, key=lambda d: _delimiter_score(parsed[d][0]))
    records, starts = parsed[chosen]
    return Table([Sheet(None, [list(r) for r in records], lines=starts)], "csv", encoding=encoding, delimiter=chosen)


def _delimiter_score(records: list[list[str]]) -> tuple[int, int]:
    """The separator that splits the first rows into the most, and the most regular, columns."""
    head = [r for r in records[:20] if any(cell.strip() for cell in r)]
    if not head:
        return (0, 0)
    widths = [len(r) for r in head]
    common = max(set(widths), key=widths.count)
    return (min(common, 50) if common > 1 else 0, widths.count(common))
