"""What checks produce: levels, categories, matches from rule kinds, and located findings."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import Any


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
            raise ValueError(f"unknown level {value!r} (expected error, warning or suggestion)") from None

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
    `text[offset:offset + length] == match`.
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

    def to_dict(self) -> dict[str, Any]:
        return {
            "rule": self.rule,
            "source": self.source,
            "category": self.category,
            "level": str(self.level),
            "message": self.message,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "offset": self.offset,
            "length": self.length,
            "match": self.match,
            "replacements": list(self.replacements),
        }


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

    def count(self, level: Level) -> int:
        return sum(1 for f in self.findings if f.level == level)


@dataclass(slots=True)
class RunResult:
    files: list[FileResult] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (path, reason)
    rules: dict[str, Any] = field(default_factory=dict)  # rule id -> guides.model.Rule run (SARIF metadata)

    def count(self, level: Level) -> int:
        return sum(f.count(level) for f in self.files)

    def worst(self) -> Level | None:
        levels = [f.level for r in self.files for f in r.findings]
        return max(levels) if levels else None
