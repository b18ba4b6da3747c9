"""What every format shares: the `Format` record and the `ReportContext` it renders with, the
CI formats' helpers (paths relative to the report root, stable fingerprints, rule metadata, the
files' lines), and the words the formats for people share, in the interface language (level
names, the summary line). Not a format itself."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from brandvoice.findings import FileResult, Finding, Level, RunResult
from brandvoice.i18n import N_, _, ngettext, ui_number
from brandvoice.score_totals import mean_score


@dataclass(frozen=True)
class ReportContext:
    """What formats may need besides the findings."""

    sources: dict[str, str] = field(default_factory=dict)  # path -> text, for source excerpts
    color: bool = True
    root: str = "."  # CI formats write paths relative to it
    fail_on: Level = Level.ERROR  # junit: which findings fail a file's test case
    width: int | None = None  # text: the terminal's columns (None: lines shown whole)


@dataclass(frozen=True)
class Format:
    """An output format: its name (`--format NAME`), its renderer, and the file extensions that name
    it in `--output FILE`. A format that makes a file rather than text (the annotated workbook) has
    `write` instead of `render`, and is for `--output` only."""

    name: str
    render: Callable[[RunResult, ReportContext], str] | None
    extensions: tuple[str, ...] = ()
    write: Callable[[RunResult, ReportContext, Path], None] | None = None


def relative_path(path: str, root: str = ".") -> str:
    """A POSIX path relative to `root` when the file is under it (CI tools want repo-relative
    paths); other paths are returned absolute."""
    if path.startswith("<"):  # <stdin>
        return path
    candidate = Path(path)
    base = Path(root).resolve()
    absolute = candidate if candidate.is_absolute() else Path.cwd() / candidate
    try:
        return PurePosixPath(Path(os.path.normpath(absolute)).relative_to(base)).as_posix()
    except ValueError:
        return PurePosixPath(os.path.normpath(absolute)).as_posix()


def position(result: FileResult, finding: Finding) -> str:
    """`3:14`, or for a calendar's post its cell then the line and column inside it: `Calendrier!E12 2:14`."""
    at = f"{finding.line}:{finding.column}"
    return f"{result.post.place} {at}" if result.post else at


def file_lines(result: FileResult, finding: Finding) -> tuple[int, int]:
    """The file's first and last lines of a finding, for CI formats that place it on the file: a
    calendar's post is placed on its row (a workbook) or on its lines (a CSV)."""
    if result.post is None:
        return finding.line, finding.end_line
    return result.post.file_line(finding.line), result.post.file_line(finding.end_line)


def post_properties(result: FileResult) -> dict[str, Any]:
    """Where a calendar's post is, as the JSON and SARIF outputs say it: sheet, cell, row."""
    post = result.post
    return {} if post is None else {"sheet": post.sheet, "cell": post.cell, "row": post.row}


def fingerprints(result: FileResult, root: str = ".") -> Iterator[tuple[Finding, str]]:
    """Each finding with a fingerprint that survives edits elsewhere in the file: it hashes the
    path (and a calendar post's cell), the rule, the matched text and which occurrence of that
    (rule, text) it is — never the line number, so a paragraph added above does not turn old
    findings into new ones."""
    seen: dict[tuple[str, str], int] = {}
    path = relative_path(result.path, root) + (f"!{result.post.place}" if result.post else "")
    for finding in result.findings:
        key = (finding.rule, finding.match)
        seen[key] = seen.get(key, 0) + 1
        raw = "\0".join((path, finding.rule, finding.match, str(seen[key])))
        yield finding, hashlib.sha256(raw.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class RuleInfo:
    id: str
    description: str
    help: str
    level: str
    category: str
    kind: str | None = None


def rule_infos(run: RunResult) -> dict[str, RuleInfo]:
    """Metadata of every rule the run used (from `run.rules`), plus rules only known through
    their findings (finer ids such as `languagetool.MORFOLOGIK_RULE_FR_FR`)."""
    infos: dict[str, RuleInfo] = {}
    for rule in run.rules.values():
        infos[rule.id] = _from_rule(rule)
    for result in run.files:
        for finding in result.findings:
            if finding.rule not in infos:
                infos[finding.rule] = RuleInfo(
                    id=finding.rule,
                    description=f"{finding.source} rule {finding.rule} ({finding.category})",
                    help=f"Reported by {finding.source}. Run `brandvoice explain {finding.rule}` for details.",
                    level=str(finding.level),
                    category=finding.category,
                )
    return infos


def _from_rule(rule: Any) -> RuleInfo:
    kind_doc = rule.kind.doc.strip()
    kind_summary = kind_doc.split("\n\n")[0].replace("\n", " ") if kind_doc else ""
    description = (rule.description or kind_summary or rule.id).strip()
    help_parts = [description]
    if kind_summary and kind_summary != description:
        help_parts.append(f"Rule kind: {kind_summary}")
    help_parts.append(f"Run `brandvoice explain {rule.id}` for examples.")
    return RuleInfo(
        id=rule.id,
        description=description,
        help="\n\n".join(help_parts),
        level=rule.level,
        category=rule.category,
        kind=rule.kind.name,
    )


def source_lines(source: str) -> list[str]:
    return source.split("\n")


def utf8_column(line_text: str, column: int) -> int:
    """A 1-based code-point column as a 1-based UTF-8 byte column (reviewdog counts bytes)."""
    return len(line_text[: column - 1].encode("utf-8")) + 1


def level_name(level: Level) -> str:
    """"error", "warning", "suggestion" in the interface language."""
    return _(str(level))


LEVEL_NAMES = (N_("error"), N_("warning"), N_("suggestion"))  # for the catalogues


def category_name(category: str) -> str:
    """A finding's category (`findings.CATEGORIES`) in the interface language: its id in English."""
    return _(category)


CATEGORY_NAMES = (  # for the catalogues: every category
    N_("grammar"), N_("spelling"), N_("typography"), N_("terminology"), N_("tone"), N_("readability"),
    N_("platform"), N_("disclosure"), N_("inclusive"), N_("style"),
)


def level_counts(run: RunResult) -> str:
    """"1 error, 2 warnings, 0 suggestions" in the interface language."""
    return _("{errors}, {warnings}, {suggestions}").format(
        errors=ngettext("{count} error", "{count} errors", run.count(Level.ERROR)).format(count=run.count(Level.ERROR)),
        warnings=ngettext("{count} warning", "{count} warnings", run.count(Level.WARNING)).format(
            count=run.count(Level.WARNING)),
        suggestions=ngettext("{count} suggestion", "{count} suggestions", run.count(Level.SUGGESTION)).format(
            count=run.count(Level.SUGGESTION)),
    )


def summary(run: RunResult) -> str:
    """"3 files checked: 1 error, 2 warnings, 0 suggestions; voice score 84.1/100"; a calendar is
    one file of many posts: "1 file (12 calendar posts) checked: …"."""
    count = len({r.path for r in run.files})
    posts = sum(1 for r in run.files if r.post)
    if posts:
        files = ngettext("{count} file ({posts}) checked", "{count} files ({posts}) checked", count).format(
            count=count, posts=ngettext("{count} calendar post", "{count} calendar posts", posts).format(count=posts))
    else:
        files = ngettext("{count} file checked", "{count} files checked", count).format(count=count)
    if run.skipped:
        skipped = ngettext("{count} skipped", "{count} skipped", len(run.skipped)).format(count=len(run.skipped))
        files = _("{checked}, {skipped}").format(checked=files, skipped=skipped)
    line = _("{files}: {counts}").format(files=files, counts=level_counts(run))
    score = mean_score(run.files)
    if score is not None:
        line = _("{summary}; voice score {score}/100").format(summary=line, score=ui_number(score))
    return line
