"""CSV of findings, one row per finding, made for Excel.

UTF-8 with a byte-order mark (Excel otherwise reads UTF-8 as Windows-1252: "Ã©" for "é"), and
`;` as separator on request: French Excel expects `;` because `,` is its decimal separator.
Cells that Excel would read as formulas (=, +, -, @ first) get a leading apostrophe, the usual
defence against CSV formula injection: post texts and messages are not trusted input.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from brandvoice.client_report.data import ReportData

COLUMNS = (
    "file",
    "brand",
    "channel",
    "author",
    "date",
    "rule",
    "category",
    "level",
    "message",
    "line",
    "match",
    "suggestion",
)
SEPARATORS = {",": ",", ";": ";", "tab": "\t", "\\t": "\t", "comma": ",", "semicolon": ";"}
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_FREE_TEXT = {"file", "author", "rule", "message", "match", "suggestion"}


def parse_separator(value: str) -> str:
    try:
        return SEPARATORS[value]
    except KeyError:
        raise ValueError(f"unknown CSV separator “{value}” (use , ; or tab)") from None


def excel_safe(value: str) -> str:
    return "'" + value if value.startswith(_FORMULA_STARTS) else value


def csv_text(data: ReportData, separator: str = ",") -> str:
    """The CSV as text (without the BOM, which `write_csv` adds)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=separator, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for row in data.findings:
        values = {
            "file": row.file,
            "brand": row.brand,
            "channel": row.channel,
            "author": row.author,
            "date": row.date.isoformat() if row.date else "",
            "rule": row.rule,
            "category": row.category,
            "level": row.level,
            "message": row.message,
            "line": str(row.line),
            "match": row.match,
            "suggestion": row.suggestion,
        }
        writer.writerow(excel_safe(values[c]) if c in _FREE_TEXT else values[c] for c in COLUMNS)
    return buffer.getvalue()


def write_csv(data: ReportData, path: Path, separator: str = ",") -> None:
    path.write_text(csv_text(data, separator), encoding="utf-8-sig", newline="")
