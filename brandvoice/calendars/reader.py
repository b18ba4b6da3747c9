"""An editorial calendar as posts: each row with a text is a post, a `Document` whose text is its
cell's and whose `Post` says where the cell is and what the row says (date, network, brand,
status, author, link, language). The runner maps the row's network, brand and language.

Every sheet with a text column is read (one per month or per brand, say), unless the project
configuration lists `sheets`. Rows without text are not posts; a cell merged over several rows
(a date for a day's posts) counts for each of them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from brandvoice.calendars.columns import Columns, find_columns, headers_of
from brandvoice.calendars.settings import CalendarSettings
from brandvoice.calendars.table import CSV_SUFFIXES, WORKBOOK_SUFFIXES, Sheet, Table, column_letter, read_table
from brandvoice.calendars.values import date_of
from brandvoice.findings import Post, cell_reference
from brandvoice.parsing.document import Document, DocumentError, parse_cell

SUFFIXES = CSV_SUFFIXES + WORKBOOK_SUFFIXES
ROW_FIELDS = ("author", "status", "link", "brand", "channel", "language")


@dataclass
class Layout:
    """A sheet read as a calendar: its columns."""

    sheet: Sheet
    columns: Columns


@dataclass
class Calendar:
    path: str
    table: Table
    layouts: list[Layout]
    posts: list[tuple[Post, str]] = field(default_factory=list)  # each post and its text
    notes: list[str] = field(default_factory=list)

    def documents(self) -> list[Document]:
        return [parse_cell(self.path, text, post) for post, text in self.posts]


def is_calendar(path: str) -> bool:
    return path.lower().endswith(SUFFIXES)


def read_calendar(path: str, data: bytes, settings: CalendarSettings | None = None) -> Calendar:
    settings = settings or CalendarSettings()
    table = read_table(path, data)
    calendar = Calendar(path, table, calendar_layouts(table, settings))
    if table.kind == "csv" and table.encoding not in ("utf-8", "utf-8-sig"):
        calendar.notes.append(f"read as {table.encoding_name} (not UTF-8); fixes are written in {table.encoding_name}")
    for layout in calendar.layouts:
        _read_posts(calendar, layout, settings)
    for sheet in table.sheets:
        if sheet not in [layout.sheet for layout in calendar.layouts] and _looks_like_a_table(sheet):
            if settings.sheets is None:
                calendar.notes.append(f"sheet “{sheet.name}” has no text column: not checked")
    return calendar


def calendar_layouts(table: Table, settings: CalendarSettings) -> list[Layout]:
    """The sheets to read and their columns; an error saying what was seen when there are none."""
    sheets = table.sheets
    if settings.sheets is not None:
        names = {s.name: s for s in sheets}
        missing = [name for name in settings.sheets if name not in names]
        if missing:
            raise DocumentError(
                f"calendar.sheets: no sheet named {', '.join(f'“{m}”' for m in missing)} "
                f"(sheets: {', '.join(f'“{s.name}”' for s in sheets)})"
            )
        sheets = [names[name] for name in settings.sheets]
    layouts = [Layout(sheet, columns) for sheet in sheets if (columns := find_columns(sheet, settings))]
    if not layouts:
        raise DocumentError(_no_text_column(sheets, settings))
    return layouts


def _no_text_column(sheets: list[Sheet], settings: CalendarSettings) -> str:
    seen = []
    for sheet in sheets:
        first = next((r for r in range(1, min(len(sheet.rows), 5) + 1) if headers_of(sheet, r)), None)
        headers = ", ".join(f"“{h}”" for h in headers_of(sheet, first).values()) if first else "(empty)"
        seen.append(f"{sheet.name + ': ' if sheet.name else ''}{headers}")
    wanted = f"no column “{settings.text}”" if settings.text else "no column of post texts (Texte, Text, Post, Contenu, Wording…)"
    return (
        f"{wanted} in this calendar; columns seen: {'; '.join(seen)}. Name it in .brandvoice.yaml: "
        "calendar: {text: \"<its header>\"}"
    )


def _read_posts(calendar: Calendar, layout: Layout, settings: CalendarSettings) -> None:
    sheet, columns = layout.sheet, layout.columns
    text_column = columns.fields["text"]
    for row in range(columns.first_row, len(sheet.rows) + 1):
        value = sheet.value(row, text_column)
        if value is None or not isinstance(value, str) or not value.strip():
            if (row, text_column) in sheet.formulas and value is None:
                reference = cell_reference(sheet.name, f"{column_letter(text_column)}{row}")
                calendar.notes.append(f"{reference} is a formula without a saved value (save the workbook in Excel): not checked")
            continue
        values = {name: _text(sheet.filled(row, columns.fields[name])) for name in ROW_FIELDS if name in columns.fields}
        raw_date = sheet.filled(row, columns.fields["date"]) if "date" in columns.fields else None
        post = Post(
            sheet=sheet.name,
            cell=f"{column_letter(text_column)}{row}",
            row=row,
            line=sheet.cell_line(row, text_column),
            column=columns.headers[text_column],
            date=date_of(raw_date, calendar.table.epoch, settings.day_first),
            columns=tuple(columns.described()),
            formula=(row, text_column) in sheet.formulas,
            **values,
        )
        calendar.posts.append((post, value))


def _text(value: object) -> str:
    return "" if value is None else str(value).strip()


def _looks_like_a_table(sheet: Sheet) -> bool:
    filled = [r for r in sheet.rows if sum(1 for v in r if v not in (None, "")) >= 2]
    return len(filled) >= 2
