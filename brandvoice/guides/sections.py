"""Turning a merged guide into runnable rules.

Brand rules (`rules:`), `terms` and `vocabulary.reject` are built here. Feature sections (grammar,
voice, channels...) are built by their own modules: each registers a builder
`(guide: ResolvedGuide) -> Iterable[Rule]` in `SECTION_BUILDERS` as "module:function", imported
only when a guide is resolved.
"""

from __future__ import annotations

import dataclasses
import importlib
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

import regex
from pydantic import ValidationError

from brandvoice.errors import GuideError
from brandvoice.rules import get_kind

if TYPE_CHECKING:
    from brandvoice.guides.model import ResolvedGuide, Rule

SECTION_BUILDERS: tuple[str, ...] = (
    "brandvoice.languagetool.section:build_grammar_rules",
    "brandvoice.channels.builders:build_channel_rules",
    "brandvoice.channels.builders:build_disclosure_rules",
    "brandvoice.channels.builders:build_typography_rules",
    "brandvoice.channels.builders:build_inclusive_rules",
    "brandvoice.nlp.settings:build_voice_rules",
    "brandvoice.nlp.settings:build_tone_rules",
)


def make_rule(
    guide: "ResolvedGuide",
    rule_id: str,
    kind_name: str,
    options: dict[str, Any],
    *,
    level: str | None = None,
    message: str | None = None,
    category: str | None = None,
    description: str = "",
    source: str = "brandvoice",
) -> "Rule | None":
    """A rule with its level resolved through the guide's `levels`; None when turned off."""
    from brandvoice.guides.model import Rule

    kind = get_kind(kind_name)
    resolved_level = guide.level_for(rule_id, level or kind.LEVEL)
    if resolved_level == "off":
        return None
    try:
        validated = kind.Options.model_validate(options)
    except ValidationError as exc:  # options a section produced from the guide's values
        problems = "; ".join(f"{'.'.join(map(str, e['loc'])) or kind_name}: {e['msg']}" for e in exc.errors())
        raise GuideError(guide.path or guide.id, None, rule_id, problems) from None
    return Rule(
        id=rule_id,
        kind=kind,
        options=validated,
        level=resolved_level,
        category=category or kind.CATEGORY,
        message=message or getattr(kind, "MESSAGE", "{match}"),
        source=source,
        description=description or (kind.__doc__ or "").strip().splitlines()[0],
    )


def slug(text: str) -> str:
    return regex.sub(r"[^\p{L}\p{N}]+", "-", text.casefold()).strip("-") or "term"


def build_rules(guide: "ResolvedGuide") -> list["Rule"]:
    rules: list[Rule | None] = []
    rules.extend(_brand_rules(guide))
    rules.extend(_term_rules(guide))
    rules.extend(_vocabulary_rules(guide))
    for target in SECTION_BUILDERS:
        module_name, function_name = target.split(":")
        builder = getattr(importlib.import_module(module_name), function_name)
        rules.extend(builder(guide))
    return _without_languagetool_duplicates([r for r in rules if r is not None])


def _without_languagetool_duplicates(rules: list["Rule"]) -> list["Rule"]:
    """A kind that checks what some LanguageTool rules check says so (`covers_languagetool(options)`);
    those LanguageTool rules are then turned off, so a problem is never reported twice."""
    covered: set[str] = set()
    for rule in rules:
        covers = getattr(rule.kind, "covers_languagetool", None)
        if covers is not None:
            covered |= covers(rule.options)
    if not covered:
        return rules
    result = []
    for rule in rules:
        disabled = getattr(rule.options, "disabled_rules", None)
        if rule.kind.NAME == "grammar" and disabled is not None:
            merged = tuple(dict.fromkeys((*disabled, *sorted(covered))))
            rule = dataclasses.replace(rule, options=rule.options.model_copy(update={"disabled_rules": merged}))
        result.append(rule)
    return result


def _brand_rules(guide: "ResolvedGuide") -> Iterable["Rule | None"]:
    for rule_id, spec in (guide.section("rules") or {}).items():
        spec = dict(spec)
        common = {k: spec.pop(k, None) for k in ("kind", "level", "message", "category", "description")}
        yield make_rule(
            guide,
            rule_id,
            common["kind"],
            spec,
            level=common["level"],
            message=common["message"],
            category=common["category"],
            description=common["description"] or "",
        )


def _term_rules(guide: "ResolvedGuide") -> Iterable["Rule | None"]:
    # a child guide's term for the same preferred word replaces its parent's
    by_use = {term["use"].casefold(): term for term in guide.section("terms") or []}
    seen: set[str] = set()
    for term in by_use.values():
        origin = term.get("_origin", guide.id)
        rule_id = f"{origin}.terms.{slug(term['use'])}"
        while rule_id in seen:
            rule_id += "-2"
        seen.add(rule_id)
        options: dict[str, Any] = {
            "swap": {variant: term["use"] for variant in term["not"]},
            "case_sensitive": term.get("case_sensitive", False),
            "safe_fix": term.get("safe_fix", True),
        }
        if term.get("match", "exact") != "exact":
            options["match"] = term["match"]
        yield make_rule(
            guide,
            rule_id,
            "substitution",
            options,
            level=term.get("level"),
            message=term.get("message") or "Write “{replacement}”, not “{match}”.",
            description=f"Write “{term['use']}”, not {', '.join('“%s”' % v for v in term['not'])}.",
        )


def _vocabulary_rules(guide: "ResolvedGuide") -> Iterable["Rule | None"]:
    rejected = (guide.section("vocabulary") or {}).get("reject") or []
    if rejected:
        yield make_rule(
            guide,
            f"{guide.id}.vocabulary.reject",
            "existence",
            {"tokens": rejected},
            level="error",
            category="terminology",
            message="“{match}” is not in this brand’s vocabulary.",
            description="Words the brand never uses (vocabulary.reject).",
        )
