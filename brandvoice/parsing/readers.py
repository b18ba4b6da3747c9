"""Document sources: which reader turns a file into the documents brandvoice checks.

A reader knows its file types by suffix and turns a file's text into `Document`s, each with its
prose, its offset table and the way offsets become positions (`Document.locator`). A Markdown or
text file is one document, positioned by line and column in the file. A reader of other sources
(an editorial calendar, one document per row, positioned in its cell) is one more entry in
`READERS`; the folder walk then picks up its suffixes too.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import PurePath

from brandvoice.parsing.document import MARKDOWN_SUFFIXES, TEXT_SUFFIXES, Document, parse_document

STDIN = "<stdin>"


@dataclass(frozen=True)
class Reader:
    name: str
    suffixes: frozenset[str]
    read: Callable[[str, str], list[Document]]  # (path, text) -> documents


def _markdown(path: str, text: str) -> list[Document]:
    return [parse_document(path, text, markdown=True)]


def _text(path: str, text: str) -> list[Document]:
    return [parse_document(path, text, markdown=False)]


MARKDOWN = Reader("markdown", frozenset(MARKDOWN_SUFFIXES), _markdown)
TEXT = Reader("text", frozenset(TEXT_SUFFIXES), _text)
READERS: tuple[Reader, ...] = (MARKDOWN, TEXT)
SUFFIXES = tuple(sorted(suffix for reader in READERS for suffix in reader.suffixes))


def reader_for(path: str) -> Reader:
    """The reader of a file by its suffix. Standard input without a name is Markdown (a superset of
    plain posts); a file of another type named on the command line is read as plain text."""
    if path == STDIN:
        return MARKDOWN
    suffix = PurePath(path).suffix.lower()
    return next((reader for reader in READERS if suffix in reader.suffixes), TEXT)


def read_documents(path: str, text: str) -> list[Document]:
    return reader_for(path).read(path, text)
