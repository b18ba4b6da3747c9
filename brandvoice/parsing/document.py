"""A source file parsed once: front matter, prose with its offset table, suppressions, lines."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from pathlib import PurePath
from typing import Any, Protocol

import regex
import yaml

from brandvoice.findings import Post
from brandvoice.i18n import _
from brandvoice.parsing.file_types import MARKDOWN_SUFFIXES, TEXT_SUFFIXES
from brandvoice.parsing.lines import LineIndex
from brandvoice.parsing.markdown import build_markdown
from brandvoice.parsing.prose import ProseBuilder, ProseText
from brandvoice.parsing.protected import ProtectedSpans, protected_spans
from brandvoice.selectors import Directive, Suppressions


_FRONT_MATTER = regex.compile(r"\A(?:\ufeff)?---[ \t]*\r?\n(.*?)(?:^|\n)---[ \t]*(?:\r?\n|\Z)", regex.DOTALL)
_DIRECTIVE = r"brandvoice-(disable-file|disable-next-line|disable|enable)\b[ \t]*([^\n]*?)"
_MD_SUPPRESSION = regex.compile(rf"<!--\s*{_DIRECTIVE}\s*-->")
_TEXT_SUPPRESSION = regex.compile(rf"^[ \t]*(?:#|//|<!--)?[ \t]*{_DIRECTIVE}[ \t]*(?:-->)?[ \t]*$", regex.MULTILINE)


class DocumentError(Exception):
    """A file that cannot be checked as given (bad front matter...)."""

    def __init__(self, message: str, line: int | None = None) -> None:
        super().__init__(message)
        self.line = line


class Locator(Protocol):
    """Where a source offset is, as findings report it: 1-based (line, column)."""

    def position(self, offset: int) -> tuple[int, int]: ...


@dataclass(frozen=True)
class Document:
    path: str
    source: str
    prose: ProseText
    front_matter: dict[str, Any] = field(default_factory=dict)
    suppressions: Suppressions = Suppressions()
    markdown: bool = False
    locator: Locator | None = None  # None: line and column in `source`
    post: Post | None = None  # a calendar's post: `source` is the text of its cell

    @cached_property
    def lines(self) -> LineIndex:
        return LineIndex(self.source)

    @cached_property
    def protected(self) -> ProtectedSpans:
        """Source spans no fix may change (links, HTML, code, raw blocks...)."""
        return protected_spans(self.source, self.markdown, self.prose.unfixable)

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of a source offset: in the file for Markdown and text; a reader
        of other sources gives its own `locator` (a cell of a spreadsheet)."""
        return (self.locator or self.lines).position(offset)


    def revised(self, source: str) -> Document:
        """The same document with another text (after fixes), read the same way."""
        if self.post is not None:
            return parse_cell(self.path, source, self.post)
        return parse_document(self.path, source, self.markdown)


def is_markdown(path: str) -> bool:
    return PurePath(path).suffix.lower() in MARKDOWN_SUFFIXES


def parse_document(path: str, source: str, markdown: bool | None = None) -> Document:
    markdown = is_markdown(path) if markdown is None else markdown
    builder = ProseBuilder(source)
    front_matter: dict[str, Any] = {}
    fm = _FRONT_MATTER.match(source)
    if fm:
        front_matter = _load_front_matter(fm.group(1), source[: fm.start(1)].count("\n") + 1)
        builder.markup(fm.end())
    if markdown:
        build_markdown(builder, builder.source_pos)
        directives = _directives(source, _MD_SUPPRESSION)
    else:
        directives = _directives(source, _TEXT_SUPPRESSION)
        _build_text(builder)
    return Document(path, source, builder.build(), front_matter, Suppressions(directives), markdown)


def parse_cell(path: str, text: str, post: Post) -> Document:
    """A calendar's post: its cell's text is all prose (no front matter: the row says what front
    matter would), except lines holding suppression directives."""
    builder = ProseBuilder(text)
    _build_text(builder)
    return Document(path, text, builder.build(), suppressions=Suppressions(_directives(text, _TEXT_SUPPRESSION)), post=post)


def _load_front_matter(text: str, first_line: int) -> dict[str, Any]:
    from brandvoice import safe_yaml

    try:
        data = safe_yaml.load(text)
    except yaml.YAMLError as exc:
        line = safe_yaml.error_line(exc, text)
        problem = safe_yaml.error_text(exc)
        raise DocumentError(_("front matter is not valid YAML: {problem}").format(problem=problem),
                            first_line + line - 1 if line else first_line) from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise DocumentError(_("front matter must be a mapping of keys to values"), first_line)
    return data


def _directives(source: str, pattern: regex.Pattern) -> tuple[Directive, ...]:
    found = []
    lines = None
    for m in pattern.finditer(source):
        lines = lines or LineIndex(source)
        line = lines.position(m.start())[0]
        selectors = tuple(s.strip() for s in regex.split(r"[,\s]+", m.group(2)) if s.strip())
        found.append(Directive(line, m.group(1), selectors))
    return tuple(found)


def _build_text(builder: ProseBuilder) -> None:
    """Plain text is all prose, except the lines that hold suppression directives."""
    source = builder.source
    body_start = builder.source_pos
    for m in _TEXT_SUPPRESSION.finditer(source, body_start):
        builder.prose(m.start())
        end = m.end() + 1 if source.startswith("\n", m.end()) else m.end()
        builder.markup(end)
    builder.prose(len(source))
