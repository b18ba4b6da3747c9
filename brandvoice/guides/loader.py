"""Finding, reading, validating and merging style guides.

Each file is validated on its own (so every error names its file, line and key), then the
`extends` chain is merged parent first: mappings merge deeply with the child winning, `terms` and
`vocabulary` lists are unioned, other lists are replaced. Rules are then built once per guide.
"""

from __future__ import annotations

import difflib
from importlib import resources
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ValidationError

from brandvoice import safe_yaml
from brandvoice.errors import GuideError, GuideErrors
from brandvoice.files import Unreadable, read_regular_file
from brandvoice.guides.model import GuideFile, ResolvedGuide
from brandvoice.guides.sections import build_rules

GUIDE_SUFFIXES = (".yaml", ".yml")
UNION_LISTS = {("terms",), ("vocabulary", "accept"), ("vocabulary", "reject")}


def shipped_guides_dir() -> Path:
    return Path(str(resources.files("brandvoice.styleguides")))


def guide_search_path(guides_dirs: list[Path] | None = None) -> list[Path]:
    """Where guides are looked up by name: given dirs, then ./styleguides, then the shipped ones."""
    dirs = [Path(d) for d in (guides_dirs or [])]
    dirs.append(Path.cwd() / "styleguides")
    dirs.append(shipped_guides_dir())
    seen, unique = set(), []
    for d in dirs:
        key = d.resolve() if d.exists() else d
        if key not in seen:
            seen.add(key)
            unique.append(d)
    return unique


def available_guides(guides_dirs: list[Path] | None = None) -> dict[str, Path]:
    found: dict[str, Path] = {}
    for directory in reversed(guide_search_path(guides_dirs)):  # earlier dirs win
        if directory.is_dir():
            for path in sorted(directory.iterdir()):
                if path.suffix in GUIDE_SUFFIXES:
                    found[path.stem] = path
    return found


def find_guide(ref: str, guides_dirs: list[Path] | None = None, relative_to: Path | None = None) -> Path:
    """A guide by path (`./brand.yaml`) or by name (`hotelia`)."""
    candidate = Path(ref)
    if relative_to is not None and not candidate.is_absolute():
        nearby = relative_to.parent / candidate
        if nearby.suffix in GUIDE_SUFFIXES and nearby.is_file():
            return nearby
    if candidate.suffix in GUIDE_SUFFIXES or "/" in ref:
        if candidate.is_file():
            return candidate
        raise FileNotFoundError(ref)
    guides = available_guides(guides_dirs)
    if ref in guides:
        return guides[ref]
    lowered = {k.lower(): v for k, v in guides.items()}
    if ref.lower() in lowered:
        return lowered[ref.lower()]
    raise FileNotFoundError(ref)


def unknown_guide_message(ref: str, guides_dirs: list[Path] | None = None) -> str:
    names = sorted(available_guides(guides_dirs))
    close = difflib.get_close_matches(ref, names, n=1)
    hint = f" Did you mean “{close[0]}”?" if close else ""
    return f"no style guide named “{ref}” (known: {', '.join(names) or 'none'}).{hint}"


# --- reading one file -------------------------------------------------------------------------


class _KeyLines:
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


def read_guide_file(path: Path) -> tuple[dict[str, Any], _KeyLines]:
    label = str(path)
    try:
        raw = read_regular_file(path)
    except Unreadable as exc:
        raise GuideError(label, None, None, str(exc)) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise GuideError(label, line, None, f"not UTF-8 text (invalid byte 0x{raw[exc.start]:02x})") from None
    try:
        node = safe_yaml.compose(text)
        data = safe_yaml.construct(node)
    except yaml.YAMLError as exc:
        line = safe_yaml.error_line(exc, text)
        raise GuideError(label, line, "yaml", f"invalid YAML: {safe_yaml.error_text(exc)}") from None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise GuideError(label, 1, "(top level)", "a guide must be a mapping of keys (name, rules, terms...)")
    return data, _KeyLines(node=node)


def validate_guide_data(path: Path, data: dict[str, Any], lines: _KeyLines) -> GuideFile:
    """Validate one file, rule options included; raise every problem at once."""
    errors: list[GuideError] = []
    model = None
    try:
        model = GuideFile.model_validate(data)
    except ValidationError as exc:
        errors.extend(_pydantic_errors(path, exc, GuideFile, lines, ()))
    if model is not None:
        from brandvoice.rules import UnknownKind, get_kind

        for name, spec in model.rules.items():
            where = ("rules", name)
            try:
                kind = get_kind(spec.kind)
            except UnknownKind:
                from brandvoice.rules import KIND_MODULES

                close = difflib.get_close_matches(spec.kind, KIND_MODULES, n=1)
                hint = f"; did you mean “{close[0]}”?" if close else f" (known: {', '.join(KIND_MODULES)})"
                errors.append(_error(path, lines, where + ("kind",), f"unknown rule kind “{spec.kind}”{hint}"))
                continue
            try:
                kind.Options.model_validate(spec.model_extra or {})
            except ValidationError as exc:
                errors.extend(_pydantic_errors(path, exc, kind.Options, lines, where))
    if errors:
        raise GuideErrors(errors)
    return model


def _error(path: Path, lines: _KeyLines, loc: tuple, message: str) -> GuideError:
    key = ".".join(str(p) for p in loc) or "(top level)"
    return GuideError(str(path), lines.line_of(loc), key, message)


def _pydantic_errors(path: Path, exc: ValidationError, model: type[BaseModel], lines: _KeyLines, prefix: tuple):
    for err in exc.errors():
        loc = prefix + tuple(p for p in err["loc"] if not (isinstance(p, str) and p.startswith("function-")))
        if err["type"] == "extra_forbidden":
            known = _known_keys(model, err["loc"][:-1])
            close = difflib.get_close_matches(str(err["loc"][-1]), known, n=1)
            hint = f"; did you mean “{close[0]}”?" if close else (f" (known keys: {', '.join(known)})" if known else "")
            message = f"unknown key{hint}"
        elif err["type"] == "value_error":
            message = str(err["ctx"].get("error", err["msg"])) if "ctx" in err else err["msg"]
        else:
            message = err["msg"]
        yield _error(path, lines, loc, message)


def _known_keys(model: type[BaseModel], loc: tuple) -> list[str]:
    """Field names (aliases first) of the model that `loc` points into, for "did you mean"."""
    current: Any = model
    for part in loc:
        if isinstance(part, int) or current is None:
            continue
        field = current.model_fields.get(part) if hasattr(current, "model_fields") else None
        if field is None:
            field = next((f for f in getattr(current, "model_fields", {}).values() if f.alias == part), None)
        current = _model_in(field.annotation) if field else None
    if current is None or not hasattr(current, "model_fields"):
        return []
    return [f.alias or name for name, f in current.model_fields.items()]


def _model_in(annotation: Any) -> Any:
    """The pydantic model inside `Model`, `list[Model]`, `dict[str, Model]` or `Model | None`."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()):
        found = _model_in(arg)
        if found is not None:
            return found
    return None


# --- resolving extends --------------------------------------------------------------------------


def load_guide(ref: str, guides_dirs: list[Path] | None = None) -> ResolvedGuide:
    try:
        path = find_guide(ref, guides_dirs)
    except FileNotFoundError:
        raise GuideError(ref, None, None, unknown_guide_message(ref, guides_dirs)) from None
    return load_guide_file(path, guides_dirs)


def load_guide_file(path: Path, guides_dirs: list[Path] | None = None) -> ResolvedGuide:
    chain = _chain(path, guides_dirs, ())
    merged: dict[str, Any] = {}
    for guide_id, file_path, data in chain:
        merged = merge(merged, _with_origins(data, guide_id))
    guide_id = _guide_id(path)
    merged.pop("extends", None)
    model = GuideFile.model_validate(_without_origins(merged))
    guide = ResolvedGuide(
        id=guide_id,
        name=model.name or guide_id,
        path=str(path),
        language=model.language,
        data=merged,
        levels=dict(model.levels),
        accepted_words=frozenset(model.vocabulary.accept),
        chain=tuple(str(p) for _, p, _ in chain),
    )
    guide.rules = build_rules(guide)
    return guide


def _guide_id(path: Path) -> str:
    return path.stem.lower()


def _chain(path: Path, guides_dirs: list[Path] | None, seen: tuple[Path, ...]) -> list[tuple[str, Path, dict]]:
    resolved = path.resolve()
    data, lines = read_guide_file(path)
    validate_guide_data(path, data, lines)
    parents = data.get("extends") or []
    if isinstance(parents, str):
        parents = [parents]
    chain: list[tuple[str, Path, dict]] = []
    for i, parent in enumerate(parents):
        try:
            parent_path = find_guide(parent, guides_dirs, relative_to=path)
        except FileNotFoundError:
            loc = ("extends", i) if isinstance(data.get("extends"), list) else ("extends",)
            raise GuideError(
                str(path), lines.line_of(loc), "extends", unknown_guide_message(parent, guides_dirs)
            ) from None
        if parent_path.resolve() in (*seen, resolved):
            loc = ("extends", i) if isinstance(data.get("extends"), list) else ("extends",)
            cycle = " → ".join(p.name for p in (*seen, resolved, parent_path.resolve()))
            raise GuideError(str(path), lines.line_of(loc), "extends", f"cycle in extends: {cycle}")
        for item in _chain(parent_path, guides_dirs, (*seen, resolved)):
            if all(item[1] != p for _, p, _ in chain):
                chain.append(item)
    chain.append((_guide_id(path), path, data))
    return chain


def _with_origins(data: dict[str, Any], guide_id: str) -> dict[str, Any]:
    """Remember which guide defined each rule and term, for stable rule ids after merging."""
    data = dict(data)
    if isinstance(data.get("rules"), dict):
        data["rules"] = {f"{guide_id}.{name}": spec for name, spec in data["rules"].items()}
    if isinstance(data.get("terms"), list):
        data["terms"] = [dict(t, _origin=guide_id) if isinstance(t, dict) else t for t in data["terms"]]
    return data


def _without_origins(data: dict[str, Any]) -> dict[str, Any]:
    data = dict(data)
    if isinstance(data.get("rules"), dict):
        data["rules"] = {rid.split(".", 1)[1]: spec for rid, spec in data["rules"].items()}
    if isinstance(data.get("terms"), list):
        data["terms"] = [{k: v for k, v in t.items() if k != "_origin"} for t in data["terms"]]
    return data


def merge(base: Any, override: Any, path: tuple = ()) -> Any:
    """Deep merge, `override` winning; unioned lists for terms and vocabulary."""
    if isinstance(base, dict) and isinstance(override, dict):
        merged = dict(base)
        for key, value in override.items():
            merged[key] = merge(base[key], value, path + (key,)) if key in base else value
        return merged
    if isinstance(base, list) and isinstance(override, list) and path in UNION_LISTS:
        union = list(base)
        for item in override:
            if item not in union:
                union.append(item)
        return union
    return override
