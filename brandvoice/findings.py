"""What checks produce: levels, categories, matches from rule kinds, and located findings."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
import datetime
from typing import Any

from brandvoice.i18n import _


class Level(enum.IntEnum):
    """Severity of a finding; higher is worse. Ordered so `level >= fail_on` works."""

    SUGGESTION = 1
    WARNING = 2
    ERROR = 3

    @classmethod
    def parse(cls, value: str) -> "Level":
        try:
            return cls[value.strip().upper()]
        except KeyError:
            raise ValueError(_("unknown level {value!r} (expected error, warning or suggestion)").format(value=value)) from None

    def __str__(self) -> str:
        return self.name.lower()


CATEGORIES = (
    "grammar",
    "spelling",
    "typography",
    "terminology",
    "tone",
    "readability",
    "platform",
    "disclosure",
    "inclusive",
    "style",
)


@dataclass(frozen=True, slots=True)
class Match:
    """A problem as a rule kind sees it: a span of the prose text, before the engine locates it.

    `start`/`end` are offsets into `ProseText.text`. `message` is the kind's own wording (a
    `messages.Message`, or a checker's text as is) and wins over the rule's template; `params` fill
    the rule's template otherwise (`{match}` is always available). A `fix_safe` match with exactly
    one replacement is applied by `--fix`. `whole_document` marks findings about the file as a
    whole (length, tone bands...).

    A kind that reports finer ids than its rule's (LanguageTool: `languagetool.D_N`) says so in
    `rule_id`, with the finding's `category`, `source`, default `level` (before the guide's
    `levels`) and `source_category`, the checker's own category id (`TYPOS`), which `levels`
    can select as `<rule>.category.<ID>`. Left empty, they are the rule's.
    """

    start: int
    end: int
    message: Any = None  # messages.Message | messages.Joined | str | None
    replacements: tuple[str, ...] = ()
    params: tuple[tuple[str, Any], ...] = ()
    fix_safe: bool = False
    whole_document: bool = False
    rule_id: str | None = None
    level: str | None = None
    source: str | None = None
    category: str | None = None
    source_category: str | None = None


@dataclass(frozen=True, slots=True)
class Finding:
    """A located problem in a source file, as every reporter receives it.

    Lines and columns are 1-based; columns count code points; `end_column` is exclusive.
    `offset`/`length` are code-point offsets into the file's text, and
    `text[offset:offset + length] == match`. `message_lang` is the language of `message` (the
    draft's, when brandvoice speaks it).
    """

    rule: str
    source: str
    category: str
    level: Level
    message: str
    line: int
    column: int
    end_line: int
    end_column: int
    offset: int
    length: int
    match: str
    replacements: tuple[str, ...] = ()
    fix_safe: bool = False
    whole_document: bool = False
    message_lang: str = "en"  # the language `message` is written in (`fr`)

    def to_dict(self) -> dict[str, Any]:
        return {
            "rule": self.rule,
            "source": self.source,
            "category": self.category,
            "level": str(self.level),
            "message": self.message,
            "message_lang": self.message_lang,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "offset": self.offset,
            "length": self.length,
            "match": self.match,
            "replacements": list(self.replacements),
        }


def cell_reference(sheet: str | None, cell: str) -> str:
    """`Calendrier!E12` as Excel writes a reference (`'Mon calendrier'!E12` when the name has a space);
    `E12` in a CSV, which has no sheet."""
    if sheet is None:
        return cell
    if sheet.replace("_", "").replace(".", "").isalnum():
        return f"{sheet}!{cell}"
    quoted = sheet.replace("'", "''")
    return f"'{quoted}'!{cell}"


@dataclass(frozen=True, slots=True)
class Post:
    """A post of an editorial calendar (one row of a CSV or a sheet): where its text cell is, and
    what the rest of its row says. Findings in a post count lines and columns inside its cell.

    `line` is the line of the file where the cell's text starts: the row in a workbook, the text
    line in a CSV (a quoted cell may span several). `brand`, `channel` and `language` are the
    row's values as written ("Insta", "X (Twitter)"); the runner maps them. `columns` names the
    columns the values came from: (field, header, column letter)."""

    sheet: str | None  # None for a CSV
    cell: str  # "E12"
    row: int
    line: int
    column: str  # the header of the text column
    date: datetime.date | None = None
    author: str = ""
    status: str = ""
    link: str = ""
    brand: str = ""
    channel: str = ""
    language: str = ""
    columns: tuple[tuple[str, str, str], ...] = ()
    formula: bool = False  # the text is a formula's value: never rewritten

    @property
    def place(self) -> str:
        return cell_reference(self.sheet, self.cell)

    def cell_of(self, field_name: str) -> tuple[str, str] | None:
        """(header, reference) of the cell a row value came from."""
        for name, header, letter in self.columns:
            if name == field_name:
                return header, cell_reference(self.sheet, f"{letter}{self.row}")
        return None

    def file_line(self, cell_line: int) -> int:
        """The file's line of a line inside the cell: a workbook has rows, not lines."""
        return self.row if self.sheet is not None else self.line + cell_line - 1


@dataclass(slots=True)
class FileResult:
    """Everything known about one checked file. Kinds may add measurements to `metrics`
    (e.g. `tone`, `lengths`), which the JSON contract exposes on the file object."""

    path: str
    brand: str | None
    channel: str | None
    language: str | None
    findings: list[Finding] = field(default_factory=list)
    metrics: dict[str, Any] = field(default_factory=dict)
    channels: tuple[str, ...] = ()
    source: str = ""  # the file's text, for excerpts and fixes; not part of the JSON contract
    post: Post | None = None  # a calendar's post: `source` is its cell's text
    guide: str | None = None  # the guide that checked it (a brand's, or a base guide)
    cut_short: bool = False  # a rule was stopped by its time limit: no verdict to keep, the next run checks again

    @property
    def where(self) -> str:
        """The file, and the cell for a calendar's post: `calendrier.xlsx Calendrier!E12`."""
        return f"{self.path} {self.post.place}" if self.post else self.path

    def count(self, level: Level) -> int:
        return sum(1 for f in self.findings if f.level == level)


@dataclass(slots=True)
class RunResult:
    files: list[FileResult] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (path, reason)
    rules: dict[str, Any] = field(default_factory=dict)  # rule id -> guides.model.Rule run (SARIF metadata)
    guides: dict[str, Any] = field(default_factory=dict)  # guide id -> guides.model.ResolvedGuide used
    notes: list[tuple[str, str]] = field(default_factory=list)  # (path, what the user should know: an encoding...)

    def count(self, level: Level) -> int:
        return sum(f.count(level) for f in self.files)

    def worst(self) -> Level | None:
        levels = [f.level for r in self.files for f in r.findings]
        return max(levels) if levels else None
