"""Markdown to prose with markdown-it-py.

markdown-it gives block tokens with line ranges but inline tokens without offsets, so each inline
token's children are aligned once, in order, against the source of its lines. Code, HTML, link
targets, images and emphasis markers become markup; text, link text and headings stay prose.
A block that cannot be aligned (an exotic construct) is kept as raw prose: offsets stay exact, and
no fix touches it. Lines end as CommonMark says (`\r\n`, `\r` or `\n`), as markdown-it counts
them. Content nested deeper than the parser goes (`MAX_NESTING`) is reported as not checked.
"""

from __future__ import annotations

import html

import regex
from markdown_it import MarkdownIt
from markdown_it.token import Token

from brandvoice.messages import Messages
from brandvoice.parsing.lines import LINE_BREAK
from brandvoice.parsing.prose import ProseBuilder

PARAGRAPH_BREAK = "\n\n"
# markdown-it's guard against deep recursion (its "default" preset's value): lists and quotes
# nested deeper are not parsed, so not checked, and reported as such
MAX_NESTING = 100
_SKIPPED_BLOCKS = {"fence", "code_block", "html_block", "hr"}
_ENTITY = regex.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")

_parser: MarkdownIt | None = None


def _markdown() -> MarkdownIt:
    global _parser
    if _parser is None:
        _parser = MarkdownIt("commonmark", {"maxNesting": MAX_NESTING}).enable(["table", "strikethrough"])
    return _parser


class _Misaligned(Exception):
    pass


def build_markdown(builder: ProseBuilder, body_start: int) -> None:
    """Add the Markdown body (source from `body_start`, front matter already consumed)."""
    source = builder.source
    # blank out what precedes the body so markdown-it's line numbers are source line numbers
    masked = regex.sub(r"[^\r\n]", " ", source[:body_start]) + source[body_start:]
    line_starts = [0] + [m.end() for m in LINE_BREAK.finditer(source)]
    line_starts.append(len(source))
    tokens = _markdown().parse(masked)
    block_kind = "paragraph"
    for index, token in enumerate(tokens):
        if _too_deep(token, tokens, index):
            start, end = line_starts[token.map[0]], line_starts[min(token.map[1], len(line_starts) - 1)]
            if regex.search(r"[\p{L}\p{N}]", source, pos=start, endpos=end):
                builder.unchecked(max(start, builder.source_pos), end, _TOO_DEEP)
        if token.type == "heading_open":
            block_kind = "heading"
        elif token.type in ("th_open", "td_open"):
            block_kind = "table_cell"
        elif token.type in ("paragraph_open",) and block_kind not in ("list_item",):
            block_kind = "paragraph"
        elif token.type == "list_item_open":
            block_kind = "list_item"
        elif token.type in ("list_item_close", "heading_close"):
            block_kind = "paragraph"
        if token.type in _SKIPPED_BLOCKS and token.map:
            continue  # covered by the markup gap before the next prose block
        if token.type != "inline" or not token.map:
            continue
        region_start = max(builder.source_pos, line_starts[token.map[0]])
        region_end = line_starts[token.map[1]] if token.map[1] < len(line_starts) else len(source)
        region_end = min(region_end, len(source))
        # skip the line's block prefix ("# ", "> ", "- ", "| ") up to where the inline content starts
        content_start = source.find(token.content.split("\n", 1)[0], region_start, region_end)
        _gap(builder, content_start if content_start >= 0 else region_start)
        prose_start = builder.prose_pos
        try:
            _align_inline(builder, token.children or [], region_end)
        except _Misaligned:
            builder.raw(max(region_end, builder.source_pos))
        builder.block(prose_start, builder.prose_pos, block_kind)
    _gap(builder, len(source), final=True)


MESSAGES = Messages(
    {"brandvoice.unchecked.nested": "Not checked: nested deeper than the Markdown parser reads (lists and quotes, {limit} levels)."}
)
_TOO_DEEP = MESSAGES.say("brandvoice.unchecked.nested", limit=MAX_NESTING)


def _too_deep(token: Token, tokens: list[Token], index: int) -> bool:
    """A container (quote, list item) at the nesting limit: markdown-it skipped its content."""
    return (
        token.nesting == 1
        and token.level >= MAX_NESTING - 1
        and token.map is not None
        and index + 1 < len(tokens)
        and tokens[index + 1].nesting == -1
    )


def _gap(builder: ProseBuilder, end: int, final: bool = False) -> None:
    """Markup between two prose blocks reads as a paragraph break."""
    if end > builder.source_pos:
        builder.markup(end, "" if final or builder.prose_pos == 0 else PARAGRAPH_BREAK)


def _align_inline(builder: ProseBuilder, children: list[Token], region_end: int) -> None:
    src = builder.source
    autolink_start, autolink_kind = builder.prose_pos, "url"
    link_text_start = builder.source_pos
    for child in children:
        pos = builder.source_pos
        kind = child.type
        if kind == "text":
            _align_text(builder, child.content, region_end)
        elif kind in ("softbreak", "hardbreak"):
            newline = LINE_BREAK.search(src, pos, region_end)
            if newline is None:
                raise _Misaligned
            end = newline.end()
            while end < region_end and src[end] in " \t>":
                end += 1
            builder.markup(end, "\n")
        elif kind == "code_inline":
            _expect_markup_delimited(builder, child.markup, child.markup, region_end)
        elif kind == "html_inline":
            _skip_whitespace(builder, region_end)
            if not src.startswith(child.content, builder.source_pos):
                raise _Misaligned
            builder.markup(builder.source_pos + len(child.content))
        elif kind == "link_open":
            _skip_whitespace(builder, region_end)
            opener = "<" if child.markup == "autolink" else "["
            if not src.startswith(opener, builder.source_pos):
                raise _Misaligned
            builder.markup(builder.source_pos + 1)
            if child.markup == "autolink":
                autolink_start = builder.prose_pos
                autolink_kind = "email" if str(child.attrs.get("href", "")).startswith("mailto:") else "url"
            link_text_start = builder.source_pos
        elif kind == "link_close":
            if child.markup == "autolink":
                if not src.startswith(">", pos):
                    raise _Misaligned
                builder.autolink(autolink_start, builder.prose_pos, autolink_kind)
                builder.markup(pos + 1)
            else:
                if not src.startswith(("](", "]["), pos) or src.startswith("][]", pos):
                    builder.protect(link_text_start, pos)  # the text is the reference label: keep it
                builder.markup(_end_of_link_target(src, pos, region_end))
        elif kind == "image":
            if not src.startswith("![", pos):
                raise _Misaligned
            close = _matching(src, pos + 1, "[", "]", region_end)
            builder.markup(_end_of_link_target(src, close - 1, region_end))
        elif kind.endswith("_open") or kind.endswith("_close"):  # em, strong, s
            if not src.startswith(child.markup, pos):
                raise _Misaligned
            builder.markup(pos + len(child.markup))
        else:
            raise _Misaligned


def _align_text(builder: ProseBuilder, text: str, region_end: int) -> None:
    src = builder.source
    if src.startswith(text, builder.source_pos):
        builder.prose(builder.source_pos + len(text))
        return
    # decoded escapes and entities: walk character by character
    i = 0
    while i < len(text):
        pos = builder.source_pos
        if pos >= region_end:
            raise _Misaligned
        entity = _ENTITY.match(src, pos)
        if entity and text.startswith(html.unescape(entity.group()), i):
            decoded = html.unescape(entity.group())
            builder.markup(entity.end(), decoded)
            i += len(decoded)
        elif src[pos] == "\\" and src.startswith(text[i], pos + 1):
            builder.markup(pos + 1)
        elif src[pos] == "\0" and text[i] == "\ufffd":  # markdown-it replaces NUL characters
            builder.markup(pos + 1, "\ufffd")
            i += 1
        elif src[pos] == text[i]:
            run_end = pos + 1
            i += 1
            while i < len(text) and run_end < region_end and src[run_end] == text[i] and src[run_end] not in "&\\":
                run_end += 1
                i += 1
            builder.prose(run_end)
        else:
            raise _Misaligned


def _skip_whitespace(builder: ProseBuilder, region_end: int) -> None:
    pos = builder.source_pos
    while pos < region_end and builder.source[pos] in " \t":
        pos += 1
    if pos > builder.source_pos:
        builder.prose(pos)


def _expect_markup_delimited(builder: ProseBuilder, opener: str, closer: str, region_end: int) -> None:
    src, pos = builder.source, builder.source_pos
    if not src.startswith(opener, pos):
        raise _Misaligned
    # a code span closes on a backtick run of exactly the opener's length (CommonMark)
    closing = regex.compile(rf"(?<!`){regex.escape(closer)}(?!`)")
    close = closing.search(src, pos + len(opener), region_end)
    if close is None:
        raise _Misaligned
    builder.markup(close.end())


def _matching(src: str, pos: int, opener: str, closer: str, limit: int) -> int:
    """Index just past the `closer` balancing the `opener` at `pos`."""
    depth = 0
    i = pos
    while i < limit:
        c = src[i]
        if c == "\\":
            i += 2
            continue
        if c == opener:
            depth += 1
        elif c == closer:
            depth -= 1
            if depth == 0:
                return i + 1
        i += 1
    raise _Misaligned


def _end_of_link_target(src: str, pos: int, limit: int) -> int:
    """From a link text's closing `]`, the end of `](target)`, `][ref]` or the bare `]`."""
    if not src.startswith("]", pos):
        raise _Misaligned
    after = pos + 1
    if src.startswith("(", after):
        return _matching(src, after, "(", ")", limit)
    if src.startswith("[", after):
        return _matching(src, after, "[", "]", limit)
    return after
