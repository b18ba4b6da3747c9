"""Applying a proposal to a guide's YAML without losing what its author wrote.

ruamel.yaml's round trip keeps comments, key order, quoting and flow lists; the indentation style
is detected by trying the usual ones and keeping the one that reproduces the file unchanged. The
result is validated as a guide before anyone writes it.
"""

from __future__ import annotations

import difflib
import io
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import YAMLError

from brandvoice.errors import GuideError
from brandvoice.i18n import _
from brandvoice.learn.analysis import Change

# (mapping, sequence, offset): "key:\n  - item" is (2, 4, 2); "key:\n- item" is (2, 2, 0)
_INDENTS = ((2, 4, 2), (2, 2, 0), (4, 6, 4), (4, 4, 0), (4, 4, 2))
FLOW_WIDTH = 100  # a flow list growing past this is rewritten as a block list


def _yaml(indent: tuple[int, int, int]) -> YAML:
    yaml = YAML()  # round-trip mode
    yaml.preserve_quotes = True
    yaml.width = 4096  # never re-wrap the author's long lines
    yaml.indent(mapping=indent[0], sequence=indent[1], offset=indent[2])
    return yaml


def _dump(yaml: YAML, data: Any) -> str:
    out = io.StringIO()
    yaml.dump(data, out)
    return out.getvalue()


def load_round_trip(text: str, label: str = "guide") -> tuple[YAML, CommentedMap]:
    """The document and the YAML instance (with the file's own indentation) that writes it back."""
    import yaml as pyyaml

    from brandvoice import safe_yaml

    try:
        safe_yaml.compose(text)  # limits first: the round-trip loader has none
    except pyyaml.YAMLError as exc:
        line = safe_yaml.error_line(exc, text)
        raise GuideError(label, line, "yaml", _("invalid YAML: {problem}").format(problem=safe_yaml.error_text(exc))) from None
    best: tuple[int, YAML, CommentedMap] | None = None
    for indent in _INDENTS:
        yaml = _yaml(indent)
        try:
            data = yaml.load(text)
        except YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            raise GuideError(label, mark.line + 1 if mark else None, "yaml", _("invalid YAML: {problem}").format(problem=exc)) from None
        if data is None:
            data = CommentedMap()
        if not isinstance(data, CommentedMap):
            raise GuideError(label, 1, _("(top level)"), _("a guide must be a mapping of keys (name, rules, terms...)"))
        distance = sum(1 for line in difflib.ndiff(text.splitlines(), _dump(yaml, data).splitlines()) if line[:1] in "+-")
        if best is None or distance < best[0]:
            best = (distance, yaml, data)
        if distance == 0:
            break
    assert best is not None
    return best[1], best[2]


def _flow(items: Sequence[Any]) -> CommentedSeq:
    seq = CommentedSeq(items)
    seq.fa.set_flow_style()
    return seq


def _new_list(items: Sequence[Any]) -> CommentedSeq:
    seq = CommentedSeq(items)
    if len(", ".join(map(str, items))) <= FLOW_WIDTH:
        seq.fa.set_flow_style()
    else:
        seq.fa.set_block_style()
    return seq


class _Editor:
    """Edits a round-tripped guide; new top-level sections go at the end, the first under `note`."""

    def __init__(self, root: CommentedMap, note: str | None, map_indent: int = 2) -> None:
        self.root = root
        self.map_indent = map_indent
        self.note = note
        self.had_keys = len(root) > 0

    def _new_section(self, key: str, value: Any) -> None:
        self.root[key] = value
        if self.note and self.had_keys:
            self.root.yaml_set_comment_before_after_key(key, before="\n" + self.note)
        self.note = None  # one note, above the first section learn adds

    def container(self, path: tuple[str, ...]) -> CommentedMap:
        current = self.root
        for key in path:
            child = current.get(key)
            if not isinstance(child, CommentedMap):
                child = CommentedMap()
                if current is self.root:
                    self._new_section(key, child)
                else:
                    current[key] = child
            current = child
        return current

    def apply(self, change: Change) -> None:
        parent = self.container(change.path[:-1])
        key = change.path[-1]
        if change.mode == "extend":
            value = _extended(parent.get(key), list(change.value))
        else:
            value = _flow(change.value) if isinstance(change.value, list) else change.value
        if parent is self.root and key not in parent:
            self._new_section(key, value)
        else:
            parent[key] = value
        if change.comment:
            # two spaces after the value, as people write them (ruamel aligns on older comments)
            column = (len(change.path) - 1) * self.map_indent + len(f"{key}: {value}") + 2
            parent.yaml_add_eol_comment(change.comment, key, column=column)


def apply_changes(text: str, changes: Sequence[Change], note: str | None = None, label: str = "guide") -> str:
    """The guide text with `changes` applied; untouched parts stay as the author wrote them."""
    if not changes:
        return text
    crlf = "\r\n" in text  # a guide edited on Windows keeps its line endings
    yaml, root = load_round_trip(text.replace("\r\n", "\n") if crlf else text, label)
    editor = _Editor(root, note, yaml.map_indent or 2)
    for change in changes:
        editor.apply(change)
    out = _dump(yaml, root)
    return out.replace("\n", "\r\n") if crlf else out


def _extended(current: Any, items: list[Any]) -> CommentedSeq:
    """`current` (a list, kept in place with its style and comments) plus the new `items`."""
    if not isinstance(current, list):
        return _new_list(items)
    was_empty = not current  # ruamel records no style for `[]`: choose one as for a new list
    present = {str(v).casefold() for v in current}
    current.extend(v for v in items if str(v).casefold() not in present)
    if isinstance(current, CommentedSeq) and (was_empty or current.fa.flow_style()):
        if len(", ".join(map(str, current))) > FLOW_WIDTH:
            current.fa.set_block_style()
        else:
            current.fa.set_flow_style()
    return current


def validate_text(path: Path, text: str) -> None:
    """Raise the guide errors `brandvoice guides validate` would report for this text."""
    from brandvoice import safe_yaml
    from brandvoice.guides.loader import KeyLines
    from brandvoice.registry import GUIDES

    data = safe_yaml.load(text) or {}
    GUIDES.validate(path, data, KeyLines(text))


def unified_diff(old: str, new: str, path: str) -> list[str]:
    return list(
        difflib.unified_diff(old.splitlines(), new.splitlines(), fromfile=f"{path} (current)", tofile=f"{path} (learned)", lineterm="")
    )
