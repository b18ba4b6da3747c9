"""Document sources: which reader turns a file into the documents brandvoice checks.

A reader knows its file types by suffix and turns a file into `Document`s, each with its prose,
its offset table and the way offsets become positions. A Markdown or text file is one document,
positioned by line and column in the file. An editorial calendar (CSV or XLSX) is one document
per post, positioned in its cell (`Document.post`). Readers of files that are not UTF-8 text are
`binary`: they get the file's bytes and decode them themselves (a workbook; a CSV in Windows-1252).
The folder walk picks up every reader's suffixes.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import PurePath
from typing import TYPE_CHECKING, Any

from brandvoice.parsing.file_types import CSV_SUFFIXES, MARKDOWN_SUFFIXES, TEXT_SUFFIXES, WORKBOOK_SUFFIXES

if TYPE_CHECKING:
    from brandvoice.config import Project
    from brandvoice.parsing.document import Document

# each reader's module is imported when it reads

STDIN = "<stdin>"


@dataclass(frozen=True)
class Reading:
    """What a reader made of a file: its documents, and what the user should know about how it
    was read ("read as Windows-1252")."""

    documents: list[Document]
    notes: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Reader:
    name: str
    suffixes: frozenset[str]
    read: Callable[[str, Any, "Project | None"], Reading]  # (path, text or bytes, its project) -> documents
    binary: bool = False  # gets the file's bytes, not its UTF-8 text


def _markdown(path: str, text: str, project: Project | None) -> Reading:
    from brandvoice.parsing.document import parse_document

    return Reading([parse_document(path, text, markdown=True)])


def _text(path: str, text: str, project: Project | None) -> Reading:
    from brandvoice.parsing.document import parse_document

    return Reading([parse_document(path, text, markdown=False)])


def _calendar(path: str, data: bytes, project: Project | None) -> Reading:
    from brandvoice.calendars import reader as calendar_reader

    calendar = calendar_reader.read_calendar(path, data, project.config.calendar if project else None)
    return Reading(calendar.documents(), calendar.notes)


MARKDOWN = Reader("markdown", frozenset(MARKDOWN_SUFFIXES), _markdown)
TEXT = Reader("text", frozenset(TEXT_SUFFIXES), _text)
CALENDAR = Reader("calendar", frozenset(CSV_SUFFIXES + WORKBOOK_SUFFIXES), _calendar, binary=True)
READERS: tuple[Reader, ...] = (MARKDOWN, TEXT, CALENDAR)
SUFFIXES = tuple(sorted(suffix for reader in READERS for suffix in reader.suffixes))


@functools.lru_cache(maxsize=4096)  # asked several times per file of a run
def reader_for(path: str) -> Reader:
    """The reader of a file by its suffix. Standard input without a name is Markdown (a superset of
    plain posts); a file of another type named on the command line is read as plain text."""
    if path == STDIN:
        return MARKDOWN
    suffix = PurePath(path).suffix.lower()
    return next((reader for reader in READERS if suffix in reader.suffixes), TEXT)


def read_documents(path: str, content: str | bytes, project: Project | None = None) -> Reading:
    return reader_for(path).read(path, content, project)
