"""The guide format as a whole: the core keys, every feature's section and the kinds brand rules
may use, put together from what `brandvoice/registry.py` lists (`registry.GUIDES`).

It gives the guide file model (validation and the JSON Schema) and resolves guides: each file is
validated on its own (so every error names its file, line and key), then the `extends` chain is
merged parent first (mappings merge deeply with the child winning; the lists sections declare as
unions, `terms` and `vocabulary`, are unioned; other lists are replaced), the result validated
into the guide model, and its rules built once: the brand's own `rules:` first, then each
section's, in registry order.
"""

from __future__ import annotations

import dataclasses
import difflib
from collections.abc import Iterable, Sequence
from functools import cached_property
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError, create_model

from brandvoice.errors import GuideError, GuideErrors
from brandvoice.guides.factory import RuleFactory
from brandvoice.guides.loader import (
    KeyLines,
    find_guide,
    key_error,
    merge,
    read_guide_file,
    unknown_guide_message,
    validation_errors,
)
from brandvoice.guides.model import GuideCore, ResolvedGuide, Rule, RuleSpec, Section, model_in
from brandvoice.i18n import _
from brandvoice.rules.base import Example, Kind
from brandvoice.selectors import LevelMap

SCHEMA_ID = "https://brandvoice.invalid/schemas/guide.json"
_ORIGIN = "_origin"  # which guide of the `extends` chain wrote a list item (stable rule ids)


class UnknownKind(KeyError):
    pass


class GuideFormat:
    def __init__(self, kinds: Iterable[Kind], sections: Iterable[Section]) -> None:
        self.kinds: dict[str, Kind] = {kind.name: kind for kind in kinds}
        self.sections: tuple[Section, ...] = tuple(sections)
        self.union_lists = frozenset((s.key, *path) for s in self.sections for path in s.union_lists)
        self.unioned_sections = tuple(s.key for s in self.sections if () in s.union_lists)

    @cached_property
    def model(self) -> type[BaseModel]:
        """One style-guide file, as a brand author writes it: the core keys and every section."""
        fields = {section.key: section.field() for section in self.sections}
        return create_model(
            "GuideFile", __base__=GuideCore, __doc__="One style-guide YAML file, as written by a brand author.", **fields
        )

    def kind(self, name: str) -> Kind:
        try:
            return self.kinds[name]
        except KeyError:
            raise UnknownKind(name) from None

    # --- loading -------------------------------------------------------------------------------

    def load(self, ref: str, guides_dirs: list[Path] | None = None) -> ResolvedGuide:
        """A guide by name (`hotelia`) or path, with its `extends` chain, validated, rules built."""
        try:
            path = find_guide(ref, guides_dirs)
        except FileNotFoundError:
            raise GuideError(ref, None, None, unknown_guide_message(ref, guides_dirs)) from None
        guide = self.load_file(path, guides_dirs)
        guide.lookups = ((ref, None, str(path)), *guide.lookups)
        return guide

    def load_file(self, path: Path, guides_dirs: list[Path] | None = None) -> ResolvedGuide:
        path = Path(path)
        lookups: list[tuple[str, str | None, str]] = []
        sources: dict[str, str] = {}
        chain = self._chain(path, guides_dirs, (), lookups, sources)
        merged: dict[str, Any] = {}
        for guide_id, _path, data in chain:
            merged = merge(merged, self._with_origins(data, guide_id), self.union_lists)
        merged.pop("extends", None)
        origins = {
            key: [item.pop(_ORIGIN, None) if isinstance(item, dict) else _first_writer(chain, key, item)
                  for item in merged[key]]
            for key in self.unioned_sections
            if isinstance(merged.get(key), list)
        }
        model = self.model.model_validate(merged)
        guide_id = _guide_id(path)
        levels = LevelMap(dict(model.levels))
        factory = RuleFactory(guide_id, str(path), levels, self.kinds, origins)
        rules = self.build_rules(model, factory)
        return ResolvedGuide(
            id=guide_id,
            name=model.name or guide_id,
            path=str(path),
            language=model.language,
            model=model,
            messages_language=model.messages_language,
            rules=rules,
            accepted_words=frozenset(factory.accepted_words),
            levels=levels,
            service_options=dict(factory.service_options),
            chain=tuple(str(p) for _, p, _ in chain),
            lookups=tuple(lookups),
            sources=tuple((str(p), sources[str(p)]) for _, p, _ in chain),
        )

    def validate(self, path: Path, data: dict[str, Any], lines: KeyLines) -> BaseModel:
        """Validate one file as written, rule options included; raise every problem at once."""
        errors: list[GuideError] = []
        model = None
        try:
            model = self.model.model_validate(data)
        except ValidationError as exc:
            errors.extend(validation_errors(path, exc, self.model, lines))
        if model is not None:
            for name, spec in model.rules.items():
                where = ("rules", name)
                kind = self.kinds.get(spec.kind)
                if kind is None:
                    close = difflib.get_close_matches(spec.kind, list(self.kinds), n=1)
                    if close:
                        problem = _("unknown rule kind “{name}”; did you mean “{close}”?")
                    else:
                        problem = _("unknown rule kind “{name}” (known: {known})")
                    problem = problem.format(name=spec.kind, close=close[0] if close else "", known=", ".join(self.kinds))
                    errors.append(key_error(path, lines, where + ("kind",), problem))
                    continue
                try:
                    kind.options.model_validate(spec.model_extra or {})
                except ValidationError as exc:
                    errors.extend(validation_errors(path, exc, kind.options, lines, where))
        if errors:
            raise GuideErrors(errors)
        return model

    def _chain(
        self, path: Path, guides_dirs: list[Path] | None, seen: tuple[Path, ...],
        lookups: list[tuple[str, str | None, str]], sources: dict[str, str],
    ) -> list[tuple[str, Path, dict]]:
        """The guide files to merge, parents first, each validated; `lookups` gets each parent's
        name, the file it was looked up from and the file found, `sources` each file's SHA-256."""
        resolved = path.resolve()
        data, lines, sources[str(path)] = read_guide_file(path)
        self.validate(path, data, lines)
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
                raise GuideError(str(path), lines.line_of(loc), "extends", _("cycle in extends: {cycle}").format(cycle=cycle))
            lookups.append((parent, str(path), str(parent_path)))
            for item in self._chain(parent_path, guides_dirs, (*seen, resolved), lookups, sources):
                if all(item[1] != p for _, p, _ in chain):
                    chain.append(item)
        chain.append((_guide_id(path), path, data))
        return chain

    def _with_origins(self, data: dict[str, Any], guide_id: str) -> dict[str, Any]:
        """Remember which guide defined each rule and each item of a unioned list section
        (`terms`): rule ids made from them stay the same in every guide that extends it. Brand
        rules are keyed by their rule id (`<guide>.<name>`) from here on."""
        data = dict(data)
        if isinstance(data.get("rules"), dict):
            data["rules"] = {f"{guide_id}.{name}": spec for name, spec in data["rules"].items()}
        for key in self.unioned_sections:
            if isinstance(data.get(key), list):
                data[key] = [dict(item, **{_ORIGIN: guide_id}) if isinstance(item, dict) else item for item in data[key]]
        return data

    def has_key(self, path: Sequence[str]) -> bool:
        """Whether the guide format has a key at `path` (free-form mappings such as `levels` take any key)."""
        model: Any = self.model
        for key in path:
            fields = getattr(model, "model_fields", None)
            if fields is None:
                return True
            info = fields.get(key) or next((f for f in fields.values() if f.alias == key), None)
            if info is None:
                return False
            model = model_in(info.annotation)
            if model is None:
                return True
        return True

    # --- rules ---------------------------------------------------------------------------------

    def build_rules(self, guide: BaseModel, factory: RuleFactory) -> list[Rule]:
        """The brand's own rules (`rules:`, keyed by rule id), then every section's."""
        rules: list[Rule | None] = list(_brand_rules(guide.rules, factory, guide.language))
        for section in self.sections:
            if section.build is not None:
                rules.extend(section.build(guide, factory))
        return _without_languagetool_duplicates([r for r in rules if r is not None])

    # --- JSON Schema ---------------------------------------------------------------------------

    def json_schema(self) -> dict[str, Any]:
        """The JSON Schema of a guide file, brand rules with each kind's options."""
        schema = self.model.model_json_schema(by_alias=True)
        spec = RuleSpec.model_json_schema()
        common = spec["properties"]
        schema.setdefault("$defs", {}).update(spec.get("$defs", {}))
        variants = []
        for kind in self.kinds.values():
            options = kind.options.model_json_schema()
            defs = options.pop("$defs", {})
            schema.setdefault("$defs", {}).update(defs)
            properties = {**common, **options.get("properties", {}), "kind": {"const": kind.name}}
            variants.append(
                {
                    "title": kind.name,
                    "description": kind.doc.strip().split("\n\n")[0],
                    "type": "object",
                    "properties": properties,
                    "required": ["kind", *options.get("required", [])],
                    "additionalProperties": False,
                }
            )
        schema["properties"]["rules"] = {
            "type": "object",
            "description": "Brand rules: each an instance of a rule kind, with that kind's options.",
            "additionalProperties": {"oneOf": variants},
        }
        if not schema.get("$defs"):
            schema.pop("$defs", None)
        schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
        schema["$id"] = SCHEMA_ID
        schema["title"] = "brandvoice style guide"
        return schema


def _first_writer(chain: list[tuple[str, Path, dict]], key: str, item: Any) -> str | None:
    """The guide of the chain that first wrote a plain item (`names: [Hotelia]`)."""
    return next((guide_id for guide_id, _, data in chain if item in (data.get(key) or ())), None)


def _guide_id(path: Path) -> str:
    return path.stem.lower()


def _brand_rules(specs: dict[str, RuleSpec], factory: RuleFactory, language: str | None) -> Iterable[Rule | None]:
    for rule_id, spec in specs.items():
        examples = tuple(
            Example(e.text, tuple(e.expect), language=language or "en-US", note=e.note or "") for e in spec.examples
        )
        yield factory.rule(
            rule_id,
            spec.kind,
            dict(spec.model_extra or {}),
            level=spec.level,
            message=spec.message,
            category=spec.category,
            description=spec.description or "",
            examples=examples,
        )


def _without_languagetool_duplicates(rules: list[Rule]) -> list[Rule]:
    """A kind that checks what some LanguageTool rules check says so (`covers_languagetool`); the
    kind that sends text to LanguageTool then turns those off (`without_languagetool_rules`), so a
    problem is never reported twice."""
    covered: set[str] = set()
    for rule in rules:
        if rule.kind.covers_languagetool is not None:
            covered |= rule.kind.covers_languagetool(rule.options)
    if not covered:
        return rules
    return [
        dataclasses.replace(rule, options=rule.kind.without_languagetool_rules(rule.options, frozenset(covered)))
        if rule.kind.without_languagetool_rules is not None
        else rule
        for rule in rules
    ]
