"""YAML from users (guides, front matter, project configuration), read within limits.

PyYAML's safe loader runs no code, but it trusts the shape of a document: aliases that expand
without end (a "billion laughs" guide grew to 4.7 GB), an alias inside the value it names
(a recursive value everything downstream walks forever), and nesting deep enough to exhaust
Python's stack. Here a document may nest `MAX_DEPTH` levels, aliases included, and expand to at
most `MAX_VALUES` values; past that, or on a recursive alias, `YamlLimit` names the line. Every
error carries a 1-based line when there is one (`error_line`), NUL bytes included.
"""

from __future__ import annotations

from typing import Any

import yaml

from brandvoice.i18n import _, ui_number

MAX_DEPTH = 100
MAX_VALUES = 100_000


class YamlLimit(yaml.YAMLError):
    """A document past a limit: `problem` says which, `line` (1-based) where."""

    def __init__(self, line: int | None, problem: str) -> None:
        super().__init__(problem)
        self.line = line
        self.problem = problem


class _Loader(yaml.SafeLoader):
    """The safe loader, refusing to compose deeper than MAX_DEPTH (its composer recurses)."""

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self._depth = 0

    def compose_node(self, parent: Any, index: Any) -> Any:
        self._depth += 1
        try:
            if self._depth > MAX_DEPTH:
                raise YamlLimit(self.peek_event().start_mark.line + 1, _("nested deeper than {count} levels").format(count=MAX_DEPTH))
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


def compose(text: str) -> yaml.Node | None:
    """The document's node graph, checked against the limits."""
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
    finally:
        loader.dispose()
    if node is not None:
        _check_graph(node)
    return node


def load(text: str) -> Any:
    """`yaml.safe_load`, within the limits."""
    plain = _load_with_libyaml(text)
    return construct(compose(text)) if plain is _CHECKED_PATH else plain


_CHECKED_PATH = object()
_OPENING = (yaml.MappingStartEvent, yaml.SequenceStartEvent)
_CLOSING = (yaml.MappingEndEvent, yaml.SequenceEndEvent)


def _load_with_libyaml(text: str) -> Any:
    """The document as libyaml's loader reads it (written in C: ten times faster than the
    composer above on a post's front matter) when its events show it within the limits without
    following an alias: no alias, at most MAX_DEPTH levels (a value inside its container counts
    as one, as in the composer), MAX_VALUES values. A tab or a character the pure-Python reader
    refuses (libyaml accepts some of them), anything else, or an error, is `_CHECKED_PATH`: the
    composer above decides and words the error."""
    if not getattr(yaml, "__with_libyaml__", False) or "\t" in text or yaml.reader.Reader.NON_PRINTABLE.search(text):
        return _CHECKED_PATH
    depth = values = 0
    try:
        for event in yaml.parse(text, Loader=yaml.CSafeLoader):  # libyaml's parser keeps its own stack
            if isinstance(event, yaml.AliasEvent):
                return _CHECKED_PATH
            if isinstance(event, _CLOSING):
                depth -= 1
                continue
            if not isinstance(event, (yaml.ScalarEvent, *_OPENING)):
                continue
            values += 1
            if depth + 1 > MAX_DEPTH or values > MAX_VALUES:
                return _CHECKED_PATH
            depth += isinstance(event, _OPENING)
        return yaml.load(text, Loader=yaml.CSafeLoader)  # noqa: S506 (the safe loader, in C)
    except (yaml.YAMLError, ValueError, TypeError):
        return _CHECKED_PATH


def construct(node: yaml.Node | None) -> Any:
    if node is None:
        return None
    loader = _Loader("")
    try:
        return loader.construct_document(node)
    finally:
        loader.dispose()


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    if isinstance(node, yaml.MappingNode):
        return [part for pair in node.value for part in pair]
    return []


def _check_graph(root: yaml.Node) -> None:
    """Depth (through aliases), expanded size and recursive aliases, without recursion."""
    sizes: dict[int, int] = {}
    on_path = {id(root)}
    stack = [(root, iter(_children(root)))]
    while stack:
        node, pending = stack[-1]
        child = next(pending, None)
        if child is not None:
            if id(child) in on_path:
                raise YamlLimit(child.start_mark.line + 1, _("an alias refers to a value that contains it (recursive alias)"))
            if id(child) not in sizes:
                if len(stack) >= MAX_DEPTH:
                    raise YamlLimit(child.start_mark.line + 1, _("nested deeper than {count} levels, aliases included").format(
                        count=MAX_DEPTH))
                on_path.add(id(child))
                stack.append((child, iter(_children(child))))
            continue
        stack.pop()
        on_path.discard(id(node))
        size = 1 + sum(sizes[id(c)] for c in _children(node))
        if size > MAX_VALUES:
            raise YamlLimit(
                node.start_mark.line + 1, _("aliases expand this value past {count} values (an alias bomb?)").format(
                    count=ui_number(MAX_VALUES, ","))
            )
        sizes[id(node)] = size


def error_line(exc: yaml.YAMLError, text: str) -> int | None:
    """The 1-based line of a YAML error, when it has one."""
    if isinstance(exc, YamlLimit):
        return exc.line
    if isinstance(exc, yaml.reader.ReaderError):  # an unacceptable character (NUL...): a position
        return text.count("\n", 0, exc.position) + 1
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    return mark.line + 1 if mark else None


def error_text(exc: yaml.YAMLError) -> str:
    """What is wrong, in one line."""
    if isinstance(exc, YamlLimit):
        return exc.problem
    if isinstance(exc, yaml.reader.ReaderError):
        return f"unacceptable character #x{exc.character:04x}" if isinstance(exc.character, int) else exc.reason
    problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
    context = getattr(exc, "context", None)
    return f"{problem} ({context})" if context else problem
