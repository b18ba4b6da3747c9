"""`json`: one JSON document per run — the contract other formats and CI integrations rely on.

```json
{"version": "0.1.0",
 "files": [{"path": "drafts/a.md", "brand": "hotelia", "channel": null, "language": "fr-FR",
            "findings": [{"rule": "hotelia.superlatifs", "source": "brandvoice", "category": "tone",
                          "level": "warning", "message": "...", "line": 3, "column": 14,
                          "end_line": 3, "end_column": 24, "offset": 57, "length": 10,
                          "match": "incroyable", "replacements": []}]}],
 "summary": {"files": 1, "error": 0, "warning": 1, "suggestion": 0, "score": 84.1,
             "scores": {"brand": {"hotelia": 84.1}, "channel": {"(none)": 84.1}}}}
```
Measurements that kinds record (e.g. `tone`, `lengths`) are extra keys of each file object, as are
`words` and the voice `score` (brandvoice.score). A calendar's post is a file object of its own,
with the calendar's `path` and its `sheet` (null in a CSV), `cell` and `row` (also on each of its
findings, whose lines and columns count inside the cell), and the row's `date`, `author` and
`status` when it has them.
"""

from __future__ import annotations

from typing import Any

from brandvoice import __version__
from brandvoice.findings import FileResult, Level, RunResult
from brandvoice.formats import indented_json
from brandvoice.formats.common import Format, ReportContext, post_properties
from brandvoice.score_totals import run_scores


def file_to_dict(result: FileResult) -> dict[str, Any]:
    where = post_properties(result)  # a calendar's post: its sheet, cell and row, on the file and each finding
    data: dict[str, Any] = {
        "path": result.path,
        **where,
        "brand": result.brand,
        "channel": result.channel,
        "channels": list(result.channels),
        "language": result.language,
        "findings": [{**f.to_dict(), **where} for f in result.findings],
    }
    if result.post is not None:
        post = result.post
        row = {"date": post.date.isoformat() if post.date else None, "author": post.author, "status": post.status}
        data.update({key: value for key, value in row.items() if value})
    for key, value in result.metrics.items():
        data.setdefault(key, value)
    return data


def run_to_dict(run: RunResult) -> dict[str, Any]:
    return {
        "version": __version__,
        "files": [file_to_dict(r) for r in run.files],
        "skipped": [{"path": p, "reason": reason} for p, reason in run.skipped],
        "summary": {
            "files": len(run.files),
            "error": run.count(Level.ERROR),
            "warning": run.count(Level.WARNING),
            "suggestion": run.count(Level.SUGGESTION),
            **run_scores(run),
        },
    }


def render(run: RunResult, ctx: ReportContext) -> str:
    return indented_json.dumps(run_to_dict(run)) + "\n"


FORMAT = Format("json", render, extensions=(".json",))
