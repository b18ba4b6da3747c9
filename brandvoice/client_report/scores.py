"""`brandvoice score` in three shapes, in the report's language: a table for the terminal, a CSV
for Excel (one row per post, the locale's decimal separator and dates, with a BOM), and JSON for
scripts (plain numbers). A calendar's posts are named by their cell."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from brandvoice.client_report.csv_export import excel_date, excel_safe
from brandvoice.client_report.data import author_and_date
from brandvoice.client_report.labels import brand_names, channel_label, labels, number, strings
from brandvoice.findings import Level, RunResult
from brandvoice.score_totals import NO_GROUP, by_brand, by_channel, mean_score, score_of, scores_by, worst_first

CSV_COLUMNS = ("file", "cell", "brand", "channel", "date", "author", "score", "words", "errors", "warnings", "suggestions")


def score_table(run: RunResult, language: str, color: bool) -> str:
    from rich.console import Console
    from rich.table import Table

    t = labels(language)
    if not run.files:
        return t["none"] + "\n"
    names = brand_names(run.guides)

    def styled(value: float) -> str:
        style = "green" if value >= 80 else "yellow" if value >= 60 else "red"
        return f"[{style}]{number(value, language)}[/{style}]"

    table = Table(box=None, pad_edge=False, header_style="bold")
    for name, justify in (("file", "left"), ("brand", "left"), ("channel", "left"), ("score", "right"),
                          ("errors", "right"), ("warnings", "right")):
        table.add_column(t[name][:1].upper() + t[name][1:], justify=justify)
    for result in worst_first(run.files):
        table.add_row(
            result.where,
            names.get(result.brand, result.brand) if result.brand else t["none"],
            ", ".join(channel_label(c) for c in result.channels) or t["none"],
            styled(score_of(result)),
            str(result.count(Level.ERROR)),
            str(result.count(Level.WARNING)),
        )
    buffer = io.StringIO()
    console = Console(file=buffer, force_terminal=color, no_color=not color, highlight=False, width=200)
    console.print(table)
    separator = "\u202f:" if language == "fr" else ":"
    for key, group, label in (("brand", by_brand, lambda k: names.get(k, k)), ("channel", by_channel, channel_label)):
        groups = scores_by(run.files, group)
        if len(groups) > 1:
            shown = ", ".join(f"{t['none'] if k == NO_GROUP else label(k)} {styled(v)}" for k, v in groups.items())
            console.print(f"{t[key]}{separator} {shown}")
    mean = t["mean_score"][:1].upper() + t["mean_score"][1:]
    console.print(f"{mean}{separator} {styled(mean_score(run.files) or 0)}/100 ({len(run.files)} {t['posts']})")
    return buffer.getvalue()


def score_rows(run: RunResult, language: str) -> list[dict[str, Any]]:
    names = brand_names(run.guides)
    rows = []
    for result in worst_first(run.files):
        author, when = author_and_date(result, {})
        rows.append({
            "file": result.path,
            "cell": result.post.place if result.post else "",
            "brand": names.get(result.brand, result.brand) if result.brand else "",
            "channel": ", ".join(channel_label(c) for c in result.channels),
            "date": when,
            "author": author,
            "score": score_of(result),
            "words": int(result.metrics.get("words", 0)),
            "errors": result.count(Level.ERROR),
            "warnings": result.count(Level.WARNING),
            "suggestions": result.count(Level.SUGGESTION),
        })
    return rows


def score_csv(run: RunResult, language: str) -> str:
    """One row per post, worst first, for Excel: a BOM, the language's separator and numbers."""
    t = {**labels(language), "score": labels(language)["post_score"], "words": labels(language)["words"]}
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=strings(language).csv_separator, lineterminator="\r\n")
    writer.writerow(t[c][:1].upper() + t[c][1:] for c in CSV_COLUMNS)
    for row in score_rows(run, language):
        writer.writerow([
            excel_safe(row["file"]), row["cell"], row["brand"], row["channel"], excel_date(row["date"], language),
            excel_safe(row["author"]), number(row["score"], language), row["words"], row["errors"], row["warnings"],
            row["suggestions"],
        ])
    return "\ufeff" + buffer.getvalue()


def score_json(run: RunResult, language: str) -> str:
    names = brand_names(run.guides)
    files = []
    for row, result in zip(score_rows(run, language), worst_first(run.files)):
        item = {**row, "date": row["date"].date().isoformat() if row["date"] else None, "brand_id": result.brand,
                "channels": list(result.channels)}
        if result.post is not None:
            item.update(sheet=result.post.sheet, row=result.post.row, cell=result.post.cell)
        files.append(item)
    return json.dumps({
        "score": mean_score(run.files),
        "files": files,
        "scores": {
            "brand": {names.get(k, k): v for k, v in scores_by(run.files, by_brand).items()},
            "channel": {k if k == NO_GROUP else channel_label(k): v for k, v in scores_by(run.files, by_channel).items()},
        },
    }, ensure_ascii=False, indent=2) + "\n"
