"""Finding and reading style guide files, reporting their errors, and merging them.

Nothing here knows what a guide may hold: validation, `extends` resolution and building rules are
`GuideFormat`'s (guides/format.py), which knows every section and kind.
"""

from __future__ import annotations

import difflib
import hashlib
from collections.abc import Collection
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ValidationError

from brandvoice import safe_yaml
from brandvoice.errors import GuideError
from brandvoice.reading import SETTINGS_MAX_BYTES, Unreadable, read_regular_file
from brandvoice.guides.lookup import GUIDE_SUFFIXES, available_guides, find_guide, guide_search_path, shipped_guides_dir
from brandvoice.guides.model import model_in
from brandvoice.i18n import _
from brandvoice.i18n.validation import validation_message


def unknown_guide_message(ref: str, guides_dirs: list[Path] | None = None) -> str:
    names = sorted(available_guides(guides_dirs))
    close = difflib.get_close_matches(ref, names, n=1)
    hint = " " + _("Did you mean “{name}”?").format(name=close[0]) if close else ""
    return _("no style guide named “{name}” (known: {known}).").format(name=ref, known=", ".join(names) or _("none")) + hint


# --- reading one file -------------------------------------------------------------------------


class KeyLines:
    """Line numbers of the keys of a YAML document, by key path, from PyYAML's node marks."""

    def __init__(self, text: str = "", node: yaml.Node | None = None) -> None:
        self.lines: dict[tuple, int] = {}
        if node is None and text:
            try:
                node = safe_yaml.compose(text)
            except yaml.YAMLError:
                node = None
        if node is not None:
            self._walk(node)

    def _walk(self, root: yaml.Node) -> None:
        # by a stack, not recursion; an alias is walked once (its anchor's lines stand for it)
        stack, seen = [(root, ())], set()
        while stack:
            node, path = stack.pop()
            self.lines.setdefault(path, node.start_mark.line + 1)
            if id(node) in seen:
                continue
            seen.add(id(node))
            if isinstance(node, yaml.MappingNode):
                for key, value in node.value:
                    sub = path + (key.value,)
                    self.lines[sub] = key.start_mark.line + 1
                    stack.append((value, sub))
            elif isinstance(node, yaml.SequenceNode):
                stack.extend((item, path + (i,)) for i, item in enumerate(node.value))

    def line_of(self, path: tuple) -> int | None:
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return self.lines.get(())


def read_guide_file(path: Path) -> tuple[dict[str, Any], KeyLines, str]:
    """A guide file's data, where its keys are, and the SHA-256 of the bytes they were read from."""
    label = str(path)
    try:
        raw = read_regular_file(path, SETTINGS_MAX_BYTES)
    except Unreadable as exc:
        raise GuideError(label, None, None, str(exc)) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise GuideError(label, line, None, _("not UTF-8 text (invalid byte {byte})").format(byte=f"0x{raw[exc.start]:02x}")) from None
    try:
        node = safe_yaml.compose(text)
        data = safe_yaml.construct(node)
    except yaml.YAMLError as exc:
        line = safe_yaml.error_line(exc, text)
        raise GuideError(label, line, "yaml", _("invalid YAML: {problem}").format(problem=safe_yaml.error_text(exc))) from None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise GuideError(label, 1, _("(top level)"), _("a guide must be a mapping of keys (name, rules, terms...)"))
    return data, KeyLines(node=node), hashlib.sha256(raw).hexdigest()


def key_error(path: Path, lines: KeyLines, loc: tuple, message: str) -> GuideError:
    key = ".".join(str(p) for p in loc) or _("(top level)")
    return GuideError(str(path), lines.line_of(loc), key, message)


def validation_errors(path: Path, exc: ValidationError, model: type[BaseModel], lines: KeyLines, prefix: tuple = ()):
    """Each problem pydantic found, as `file:line: key: message` (with a "did you mean")."""
    for err in exc.errors():
        loc = prefix + tuple(p for p in err["loc"] if not (isinstance(p, str) and p.startswith("function-")))
        if err["type"] == "extra_forbidden":
            known = _known_keys(model, err["loc"][:-1])
            close = difflib.get_close_matches(str(err["loc"][-1]), known, n=1)
            if close:
                message = _("unknown key; did you mean “{name}”?").format(name=close[0])
            elif known:
                message = _("unknown key (known keys: {keys})").format(keys=", ".join(known))
            else:
                message = _("unknown key")
        else:
            message = validation_message(err)
        yield key_error(path, lines, loc, message)


def _known_keys(model: type[BaseModel], loc: tuple) -> list[str]:
    """Field names (aliases first) of the model that `loc` points into, for "did you mean"."""
    current: Any = model
    for part in loc:
        if isinstance(part, int) or current is None:
            continue
        field = current.model_fields.get(part) if hasattr(current, "model_fields") else None
        if field is None:
            field = next((f for f in getattr(current, "model_fields", {}).values() if f.alias == part), None)
        current = model_in(field.annotation) if field else None
    if current is None or not hasattr(current, "model_fields"):
        return []
    return [f.alias or name for name, f in current.model_fields.items()]


# --- merging extends ---------------------------------------------------------------------------


def merge(base: Any, override: Any, union_lists: Collection[tuple[str, ...]], path: tuple = ()) -> Any:
    """Deep merge, `override` winning; the lists at `union_lists` paths are unioned."""
    if isinstance(base, dict) and isinstance(override, dict):
        merged = dict(base)
        for key, value in override.items():
            merged[key] = merge(base[key], value, union_lists, path + (key,)) if key in base else value
        return merged
    if isinstance(base, list) and isinstance(override, list) and path in union_lists:
        union = list(base)
        for item in override:
            if item not in union:
                union.append(item)
        return union
    return override
