"""Reading approved posts: one post per file, or one post per line of a text file.

Exports of approved posts are often a text file with one post per line (like the tweet corpora);
drafts folders hold one post per file. `split="auto"` reads a plain-text file as one post per line
when it looks like such an export: several non-empty lines and no blank line between them (a post
written as a file separates its paragraphs with blank lines).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from brandvoice.errors import BrandvoiceError
from brandvoice.files import SourceFile, discover, read_source
from brandvoice.parsing.document import is_markdown

Split = Literal["auto", "lines", "files"]
SPLITS: tuple[str, ...] = ("auto", "lines", "files")
MIN_LINES_FOR_AUTO = 5


@dataclass(frozen=True)
class Corpus:
    posts: list[SourceFile]
    skipped: list[tuple[str, str]]  # (path, reason)
    files: int  # files read


def looks_like_one_post_per_line(path: Path, text: str) -> bool:
    if is_markdown(str(path)):
        return False
    lines = text.strip("\n").split("\n")
    if len(lines) < MIN_LINES_FOR_AUTO:
        return False
    return all(line.strip() for line in lines)


def split_lines(source: SourceFile) -> list[SourceFile]:
    """One post per non-empty line, named `file:LINE` so findings point back to the export."""
    posts = []
    for number, line in enumerate((source.text or "").split("\n"), start=1):
        line = line.rstrip("\r")
        if line.strip():
            posts.append(SourceFile(f"{source.path}:{number}", line + "\n"))
    return posts


def read_corpus(paths: list[str], split: Split = "auto", limit: int | None = None) -> Corpus:
    """The posts under `paths` (files or folders), the first `limit` of them when given."""
    if split not in SPLITS:
        raise BrandvoiceError(f"unknown split “{split}” (choose from {', '.join(SPLITS)})")
    posts: list[SourceFile] = []
    skipped: list[tuple[str, str]] = []
    files = 0
    try:
        found = list(discover(paths))
    except FileNotFoundError as exc:
        raise BrandvoiceError(f"{exc.args[0]}: no such file or directory") from None
    for path in found:
        if limit is not None and len(posts) >= limit:
            break
        source = read_source(path)
        files += 1
        if not source.readable:
            skipped.append((source.path, source.problem or "skipped"))
            continue
        if source.text is None:  # an editorial calendar: its reader makes one post per row
            posts.append(source)
            continue
        by_line = split == "lines" or (split == "auto" and looks_like_one_post_per_line(path, source.text))
        if by_line:
            posts.extend(split_lines(source))
        elif source.text.strip():
            posts.append(source)
    if limit is not None:
        posts = posts[:limit]
    return Corpus(posts, skipped, files)
