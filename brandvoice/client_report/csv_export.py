"""CSV of findings, one row per finding, made for Excel in the report's language.

UTF-8 with a byte-order mark (Excel otherwise reads UTF-8 as Windows-1252: "Ã©" for "é"), and
`;` as separator for a French report: French Excel expects `;` because `,` is its decimal
separator. Headers, levels, rule and category names are in the report's language; numbers are
written as the locale writes them ("72,5" in French); dates as that locale's Excel recognises
them ("05/10/2026 14:30" in French, "2026-10-05 14:30" in English), never ISO 8601 with a "T" and
an offset, which Excel reads as text. The matched text comes with the words around it when it is
only punctuation or spaces (an apostrophe, the space before "!"), so no cell looks empty.

Cells that Excel would read as formulas (=, +, -, @ first) get a leading apostrophe, the usual
defence against CSV formula injection: post texts and messages are not trusted input.
"""

from __future__ import annotations

import csv
import io
from datetime import datetime
from pathlib import Path

from brandvoice.client_report.data import ReportData
from brandvoice.client_report.labels import labels, number, strings
from brandvoice.i18n import _
from brandvoice.score_totals import NO_GROUP

COLUMNS = (
    "file",
    "cell",
    "brand",
    "channel",
    "author",
    "date",
    "rule",
    "rule_id",
    "category",
    "level",
    "message",
    "line",
    "match",
    "suggestion",
    "score",
)
HEADERS = {"score": "post_score"}  # the label of a column, when it is not the column's name
SEPARATORS = {",": ",", ";": ";", "tab": "\t", "\\t": "\t", "comma": ",", "semicolon": ";"}
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_FREE_TEXT = {"file", "cell", "author", "rule", "rule_id", "message", "match", "suggestion"}
LEVEL_LABELS = {"error": "error", "warning": "warning", "suggestion": "suggestion_level"}


def parse_separator(value: str) -> str:
    try:
        return SEPARATORS[value]
    except KeyError:
        raise ValueError(_("unknown CSV separator “{value}” (use , ; or tab)").format(value=value)) from None


def excel_safe(value: str) -> str:
    return "'" + value if value.startswith(_FORMULA_STARTS) else value


def excel_date(value: datetime | None, language: str) -> str:
    """A date (and time, unless it is a calendar's day) as the language's Excel reads it."""
    if value is None:
        return ""
    pattern = strings(language).csv_date
    if (value.hour, value.minute, value.second) == (0, 0, 0):
        pattern = pattern.split(" ")[0]
    return value.strftime(pattern)


def headers(columns: tuple[str, ...], language: str) -> list[str]:
    names = labels(language)
    return [names[HEADERS.get(c, c)] for c in columns]


def csv_text(data: ReportData, separator: str = ",") -> str:
    """The CSV as text (without the BOM, which `write_csv` adds)."""
    language = data.language
    names = labels(language)
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=separator, lineterminator="\r\n")
    writer.writerow(headers(COLUMNS, language))
    for row in data.findings:
        values = {
            "file": row.file,
            "cell": row.cell,
            "brand": row.brand if row.brand != NO_GROUP else "",
            "channel": row.channel if row.channel != NO_GROUP else "",
            "author": row.author,
            "date": excel_date(row.date, language),
            "rule": row.rule_label or row.rule,
            "rule_id": row.rule,
            "category": row.category_label or row.category,
            "level": names[LEVEL_LABELS[row.level]],
            "message": row.message,
            "line": str(row.line),
            "match": row.excerpt or row.match,
            "suggestion": row.suggestion,
            "score": number(row.score, language),
        }
        writer.writerow(excel_safe(values[c]) if c in _FREE_TEXT else values[c] for c in COLUMNS)
    return buffer.getvalue()


def write_csv(data: ReportData, path: Path, separator: str = ",") -> None:
    path.write_text(csv_text(data, separator), encoding="utf-8-sig", newline="")
