"""`--output annotated:checked.xlsx`: a copy of the calendar to send back, annotated.

Each checked text cell gets a comment listing its findings (in the post's language), and each
calendar sheet two more columns: the post's status — OK, to review (warnings), blocking (a
finding at the fail level) — coloured, and its voice score. A summary sheet adds the key figures
and native Excel charts: mean score per week, per network, per brand, and the most frequent
rules. The original is never written: the copy goes to another file (a CSV calendar becomes a
workbook). Several calendars in one run need `{name}` in the file name (`out/{name}.checked.xlsx`).
"""

from __future__ import annotations

import io
import os
import tempfile
from collections import Counter, defaultdict
from datetime import date, timedelta
from pathlib import Path

from brandvoice.calendars.reader import read_calendar
from brandvoice.client_report.data import report_language
from brandvoice.client_report.labels import (
    brand_names,
    category_label,
    channel_label,
    labels,
    number,
    post_language,
    rule_label,
    status_of,
    strings,
)
from brandvoice.config import find_project
from brandvoice.errors import BrandvoiceError
from brandvoice.findings import FileResult, Level, RunResult
from brandvoice.i18n import _
from brandvoice.score_totals import mean_score, score_of

STATUS_COLORS = {"ok": ("C6EFCE", "006100"), "review": ("FFEB9C", "9C5700"), "blocking": ("FFC7CE", "9C0006")}
TOP_RULES = 10
LEVEL_LABELS = {Level.ERROR: "error", Level.WARNING: "warning", Level.SUGGESTION: "suggestion_level"}


def write_annotated(run: RunResult, target: Path, fail_on: Level = Level.ERROR, language: str | None = None) -> None:
    calendars: dict[str, list[FileResult]] = defaultdict(list)
    for result in run.files:
        if result.post is not None:
            calendars[result.path].append(result)
    if not calendars:
        raise BrandvoiceError(_("--output annotated:{target}: no calendar (CSV or XLSX) was checked").format(target=target))
    if len(calendars) > 1 and "{name}" not in str(target):
        raise BrandvoiceError(_(
            "--output annotated:{target}: {count} calendars were checked; put {{name}} in the file name "
            "(annotated:out/{{name}}.checked.xlsx) to write one copy each"
        ).format(target=target, count=len(calendars)))
    for path, results in calendars.items():
        out = Path(str(target).replace("{name}", Path(path).stem))
        source = Path(path)
        if not source.is_file():
            raise BrandvoiceError(_(
                "--output annotated:{output}: the calendar {path} is not a file (read from standard input?)"
            ).format(output=out, path=path))
        if out.resolve() == source.resolve():
            raise BrandvoiceError(_("--output annotated:{output}: that is the calendar itself; name another file").format(
                output=out))
        subset = RunResult(files=results, guides=run.guides, rules=run.rules)
        workbook = annotated_workbook(source, subset, fail_on, language or report_language(subset))
        _save(workbook, out)


def annotated_workbook(source: Path, run: RunResult, fail_on: Level, language: str):
    """The annotated copy of one calendar, as an openpyxl workbook."""
    import openpyxl

    data = source.read_bytes()
    project = find_project(source)
    calendar = read_calendar(str(source), data, project.config.calendar if project else None)
    if calendar.table.kind == "xlsx":
        workbook = openpyxl.load_workbook(io.BytesIO(data), rich_text=True, keep_vba=source.suffix.lower() == ".xlsm")
    else:  # a CSV becomes a workbook of one sheet, named after the file
        workbook = openpyxl.Workbook()
        sheet = workbook.active
        sheet.title = source.stem[:31]
        for record in calendar.table.sheets[0].rows:
            sheet.append(record)
    t = labels(language)
    by_sheet: dict[str | None, list[FileResult]] = defaultdict(list)
    for result in run.files:
        by_sheet[result.post.sheet].append(result)
    for layout in calendar.layouts:
        sheet = workbook[layout.sheet.name] if layout.sheet.name is not None else workbook.worksheets[0]
        results = by_sheet.get(layout.sheet.name, [])
        status_column = sheet.max_column + 1
        _header(sheet, layout.columns.header_row, status_column, t["status"], layout.columns.fields["text"])
        _header(sheet, layout.columns.header_row, status_column + 1, t["post_score"], layout.columns.fields["text"])
        for result in results:
            _annotate(sheet, result, status_column, fail_on, language, run)
    _summary(workbook, run, language)
    return workbook


def _header(sheet, row: int, column: int, text: str, like: int) -> None:
    from copy import copy

    cell = sheet.cell(row=row, column=column, value=text)
    model = sheet.cell(row=row, column=like)
    if model.has_style:
        cell.font, cell.fill, cell.border, cell.alignment = (copy(model.font), copy(model.fill), copy(model.border),
                                                              copy(model.alignment))
    sheet.column_dimensions[cell.column_letter].width = max(14, len(text) + 2)


def _annotate(sheet, result: FileResult, status_column: int, fail_on: Level, language: str, run: RunResult) -> None:
    from openpyxl.comments import Comment
    from openpyxl.styles import Font, PatternFill

    post = result.post
    status = status_of(result.findings, fail_on)
    fill, ink = STATUS_COLORS[status]
    cell = sheet.cell(row=post.row, column=status_column, value=strings(language).statuses[status])
    cell.fill = PatternFill("solid", fgColor=fill)
    cell.font = Font(color=ink, bold=status != "ok")
    score = sheet.cell(row=post.row, column=status_column + 1, value=score_of(result))
    score.number_format = "0.0"  # Excel shows the decimal separator of the reader's locale
    if result.findings:
        text_cell = sheet[post.cell]
        note = comment_text(result, post_language(result, language), run)
        if text_cell.comment is not None:  # the team's own comment stays first
            note = f"{text_cell.comment.text}\n\n{note}"
        comment = Comment(note, "brandvoice")
        comment.width, comment.height = 420, min(600, 80 + 34 * len(result.findings))
        text_cell.comment = comment


def comment_text(result: FileResult, language: str, run: RunResult) -> str:
    """The findings of a post, in its language: a headline with the score, then one line each."""
    t = labels(language)
    counts = Counter(f.level for f in result.findings)
    parts = []
    for level in sorted(counts, reverse=True):
        parts.append(strings(language).count(str(level), counts[level]))
    lines = [strings(language).sentences["comment"].format(score=number(score_of(result), language), counts=", ".join(parts))]
    for f in result.findings:
        level = t[LEVEL_LABELS[f.level]]
        line = f"• {level[:1].upper() + level[1:]} ({f.line}:{f.column}), {rule_label(f.rule, language, run.rules, f.category)}: {f.message}"
        if f.replacements:
            line += " → " + " / ".join(f.replacements[:3])
        lines.append(line)
    return "\n".join(lines)


def _summary(workbook, run: RunResult, language: str) -> None:
    from openpyxl.chart import BarChart, LineChart, Reference
    from openpyxl.styles import Font

    t = labels(language)
    name = t["summary_sheet"][:31]
    if name in workbook.sheetnames:
        del workbook[name]
    sheet = workbook.create_sheet(name, 0)
    sheet["A1"] = t["summary_sheet"]
    sheet["A1"].font = Font(bold=True, size=14)
    figures = [
        (t["posts"], len(run.files)),
        (t["mean_score"], mean_score(run.files) or 0),
        (t["errors"], sum(r.count(Level.ERROR) for r in run.files)),
        (t["warnings"], sum(r.count(Level.WARNING) for r in run.files)),
        (t["suggestions"], sum(r.count(Level.SUGGESTION) for r in run.files)),
    ]
    for i, (label, value) in enumerate(figures, start=3):
        sheet.cell(row=i, column=1, value=label[:1].upper() + label[1:])
        sheet.cell(row=i, column=2, value=value).number_format = "0.0" if isinstance(value, float) else "0"
    sheet.column_dimensions["A"].width = 34
    sheet.column_dimensions["B"].width = 14
    sheet.column_dimensions["C"].width = 14
    row = 10
    names = brand_names(run.guides)
    weekly = _means(run.files, lambda r: [_monday(r.post.date)] if r.post and r.post.date else [])
    tables = [
        ("chart_week", t["week"], sorted(weekly.items()), "line"),
        ("chart_network", t["channel"], sorted(_means(run.files, lambda r: [channel_label(c) for c in r.channels]).items()), "bar"),
        ("chart_brand", t["brand"], sorted(_means(run.files, lambda r: [names.get(r.brand, r.brand)] if r.brand else []).items()), "bar"),
    ]
    for title_key, header, rows, kind in tables:
        if not rows:
            continue
        row = _table(sheet, row, t[title_key], (header, t["score"], t["posts"]), [(k, s, n) for k, (s, n) in rows])
        first, last = row - len(rows), row - 1
        chart = LineChart() if kind == "line" else BarChart()
        chart.title, chart.y_axis.title = t[title_key], t["axis_score"]
        chart.y_axis.scaling.min, chart.y_axis.scaling.max = 0, 100
        chart.add_data(Reference(sheet, min_col=2, min_row=first - 1, max_row=last), titles_from_data=True)
        chart.set_categories(Reference(sheet, min_col=1, min_row=first, max_row=last))
        if kind == "line":
            chart.x_axis.number_format = "dd/mm/yyyy" if language == "fr" else "yyyy-mm-dd"
        chart.legend = None
        chart.height, chart.width = 7, 16
        sheet.add_chart(chart, f"E{first - 2}")
        row = max(row, first - 2 + 15) + 1
    rules = Counter(f.rule for r in run.files for f in r.findings)
    if rules:
        category = {f.rule: f.category for r in run.files for f in r.findings}
        top = rules.most_common(TOP_RULES)
        table_rows = [(rule_label(rule, language, run.rules, category[rule]), n, category_label(category[rule], language))
                      for rule, n in top]
        row = _table(sheet, row, t["chart_rules"], (t["rule"], t["findings_count"], t["category"]), table_rows)
        first, last = row - len(top), row - 1
        chart = BarChart()
        chart.type, chart.title = "bar", t["chart_rules"]
        chart.add_data(Reference(sheet, min_col=2, min_row=first - 1, max_row=last), titles_from_data=True)
        chart.set_categories(Reference(sheet, min_col=1, min_row=first, max_row=last))
        chart.x_axis.scaling.orientation = "maxMin"  # the most frequent on top
        chart.legend = None
        chart.height, chart.width = 8, 16
        sheet.add_chart(chart, f"E{first - 2}")


def _means(results: list[FileResult], groups) -> dict:
    scores: dict = defaultdict(list)
    for result in results:
        for group in groups(result):
            scores[group].append(score_of(result))
    return {k: (round(sum(v) / len(v), 1), len(v)) for k, v in scores.items()}


def _monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


def _table(sheet, row: int, title: str, headers: tuple, rows: list[tuple]) -> int:
    """A titled table at `row`; returns the row after it."""
    from openpyxl.styles import Font

    sheet.cell(row=row, column=1, value=title).font = Font(bold=True)
    for column, header in enumerate(headers, start=1):
        sheet.cell(row=row + 1, column=column, value=header).font = Font(bold=True)
    for i, values in enumerate(rows, start=row + 2):
        for column, value in enumerate(values, start=1):
            cell = sheet.cell(row=i, column=column, value=value)
            if isinstance(value, date):
                cell.number_format = "dd/mm/yyyy"
            elif isinstance(value, float):
                cell.number_format = "0.0"
    return row + 2 + len(rows)


def _save(workbook, out: Path) -> None:
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        descriptor, temporary = tempfile.mkstemp(dir=out.parent, prefix=f".{out.name}.", suffix=".brandvoice")
        os.close(descriptor)
        try:
            workbook.save(temporary)
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(temporary, 0o666 & ~umask)  # as any new file (mkstemp makes it private)
            os.replace(temporary, out)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    except OSError as exc:
        raise BrandvoiceError(_("--output {path}: cannot write: {reason}").format(path=out, reason=exc.strerror or exc)) from None
