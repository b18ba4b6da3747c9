"""`--fix` on a calendar: fixed texts go back into their cells, and nothing else changes.

A workbook is opened with openpyxl (rich text kept), each fixed cell gets its new text, and the
copy replaces the file atomically; formulas, styles, merged cells and the other sheets are kept.
openpyxl cannot keep everything a workbook may hold (shapes, form controls, slicers, data
validation lists that point at another sheet...): such a workbook is not written at all, and the
user is told why. A CSV is rewritten record by record: only the records of fixed posts are
serialised again, every other byte is kept, in the file's encoding (and BOM).

A cell that no longer holds the text that was checked, a formula, or a fix that the file's
encoding cannot write is left alone and reported.
"""

from __future__ import annotations

import csv
import difflib
import io
import zipfile
from dataclasses import dataclass
from pathlib import Path

from brandvoice.calendars.table import csv_records, decode_csv, read_csv
from brandvoice.files import replace_file
from brandvoice.findings import Post

# parts of a workbook that openpyxl drops when it saves one (a fix must lose nothing)
_UNKEPT_PARTS = {
    "xl/slicers/": "slicers",
    "xl/timelines/": "timelines",
    "xl/ctrlProps/": "form controls",
    "xl/activeX/": "ActiveX controls",
    "xl/embeddings/": "embedded objects",
}
_UNKEPT_MARKUP = {
    b"<xdr:sp>": "shapes or text boxes",
    b"<xdr:sp ": "shapes or text boxes",
    b"x14:dataValidation": "drop-down lists that point at another sheet",
    b"x14:conditionalFormatting": "conditional formats of recent Excel versions",
    b"x14:sparklineGroup": "sparklines",
}


@dataclass(frozen=True)
class CellFix:
    post: Post
    original: str  # the text that was checked
    fixed: str


Problems = list[tuple[Post | None, str]]  # (the post, or None for the whole file; why it was not written)


def write_cells(path: Path, fixes: list[CellFix]) -> Problems:
    target = path.resolve()
    try:
        data = target.read_bytes()
    except OSError as exc:
        return [(None, f"cannot read: {exc.strerror or exc}")]
    if path.suffix.lower() in (".csv", ".tsv"):
        new, problems = _fixed_csv(data, fixes, tab=path.suffix.lower() == ".tsv")
    else:
        new, problems = _fixed_workbook(data, fixes, keep_vba=path.suffix.lower() == ".xlsm")
    if new is None or len(problems) == len(fixes):
        return problems or [(None, "nothing to write")]
    try:
        if not replace_file(target, new, data):
            return [(None, "changed since it was checked; not fixed")]
    except OSError as exc:
        return [(None, f"cannot write: {exc.strerror or exc}")]
    return problems


def unkept_features(data: bytes) -> list[str]:
    """What openpyxl would lose by saving this workbook."""
    found: list[str] = []
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        names = archive.namelist()
        for prefix, feature in _UNKEPT_PARTS.items():
            if any(name.startswith(prefix) for name in names) and feature not in found:
                found.append(feature)
        for name in names:
            if name.startswith(("xl/worksheets/", "xl/drawings/")) and name.endswith(".xml"):
                xml = archive.read(name)
                found.extend(f for marker, f in _UNKEPT_MARKUP.items() if marker in xml and f not in found)
        if any(name.startswith("xl/media/") for name in names) and not _pillow():
            found.append("images (openpyxl keeps them only with Pillow installed)")
    return found


def _pillow() -> bool:
    import importlib.util

    return importlib.util.find_spec("PIL") is not None


def _fixed_workbook(data: bytes, fixes: list[CellFix], keep_vba: bool) -> tuple[bytes | None, Problems]:
    import openpyxl
    from openpyxl.cell.rich_text import CellRichText

    unkept = unkept_features(data)
    if unkept:
        return None, [(None, f"holds {', '.join(unkept)}, which openpyxl would not keep: not fixed (apply the "
                             "suggestions in Excel, or write an annotated copy with --output annotated:FILE.xlsx)")]
    workbook = openpyxl.load_workbook(io.BytesIO(data), rich_text=True, keep_vba=keep_vba)
    problems: Problems = []
    for fix in fixes:
        cell = workbook[fix.post.sheet][fix.post.cell]
        if fix.post.formula or cell.data_type == "f":
            problems.append((fix.post, "is a formula's result: not fixed"))
        elif str(cell.value or "") != fix.original:
            problems.append((fix.post, "changed since it was checked; not fixed"))
        elif isinstance(cell.value, CellRichText):
            edited = _edit_rich_text(cell.value, fix.original, fix.fixed)
            if edited is None:
                problems.append((fix.post, "a fix spans two differently formatted parts of the cell: not fixed"))
            else:
                cell.value = edited
        else:
            cell.value = fix.fixed
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue(), problems


def _edit_rich_text(value, original: str, fixed: str):
    """The rich text with the fix applied inside its runs (each keeps its font), or None when an
    edit crosses from one run into another."""
    from openpyxl.cell.rich_text import CellRichText, TextBlock

    runs = list(value)
    texts = [run.text if isinstance(run, TextBlock) else str(run) for run in runs]
    bounds, start = [], 0
    for text in texts:
        bounds.append((start, start + len(text)))
        start += len(text)
    pieces = [list(text) for text in texts]
    shifts = [0] * len(runs)
    matcher = difflib.SequenceMatcher(None, original, fixed, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        index = next((k for k, (a, b) in enumerate(bounds) if a <= i1 and i2 <= b and (i1 < b or i1 == i2)), None)
        if index is None:
            return None
        local = i1 - bounds[index][0] + shifts[index]
        pieces[index][local : local + (i2 - i1)] = list(fixed[j1:j2])
        shifts[index] += (j2 - j1) - (i2 - i1)
    rebuilt = []
    for run, chars in zip(runs, pieces):
        text = "".join(chars)
        rebuilt.append(TextBlock(run.font, text) if isinstance(run, TextBlock) else text)
    return CellRichText(rebuilt)


def _fixed_csv(data: bytes, fixes: list[CellFix], tab: bool) -> tuple[bytes | None, Problems]:
    from openpyxl.utils import column_index_from_string

    text, encoding = decode_csv(data)
    delimiter = read_csv(data, "\t" if tab else None).delimiter
    records, starts = csv_records(text, delimiter)
    lines = text.splitlines(keepends=True)
    problems: Problems = []
    replaced: dict[int, str] = {}  # record index -> its new text
    for fix in sorted(fixes, key=lambda f: f.post.row):
        index = fix.post.row - 1
        column = column_index_from_string("".join(c for c in fix.post.cell if c.isalpha())) - 1
        record = list(records[index]) if index < len(records) else []
        if column >= len(record) or record[column] != fix.original:
            problems.append((fix.post, "changed since it was checked; not fixed"))
            continue
        record[column] = fix.fixed
        last = (starts[index + 1] - 1 if index + 1 < len(starts) else len(lines)) - 1
        ending = lines[last][len(lines[last].rstrip("\r\n")) :]
        buffer = io.StringIO()
        csv.writer(buffer, delimiter=delimiter, lineterminator=ending or "\n").writerow(record)
        new_record = buffer.getvalue() if ending else buffer.getvalue().rstrip("\n")
        try:
            new_record.encode(encoding)
        except UnicodeEncodeError as exc:
            problems.append((fix.post, f"“{exc.object[exc.start:exc.end]}” cannot be written in this file's "
                                       f"encoding ({encoding}): not fixed"))
            continue
        replaced[index] = new_record
    out: list[str] = []
    record_of_line = {start - 1: k for k, start in enumerate(starts)}
    k = 0
    while k < len(lines):
        index = record_of_line.get(k)
        if index is not None and index in replaced:
            out.append(replaced[index])
            k = starts[index + 1] - 1 if index + 1 < len(starts) else len(lines)
        else:
            out.append(lines[k])
            k += 1
    new_text = "".join(out)
    return (b"\xef\xbb\xbf" if encoding == "utf-8-sig" else b"") + new_text.encode(
        "utf-8" if encoding == "utf-8-sig" else encoding
    ), problems
