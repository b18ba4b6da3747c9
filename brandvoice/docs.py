"""Documentation text built from the code: the kinds table, `explain`, and `guides show`."""

from __future__ import annotations

import inspect
from pathlib import Path

import yaml

from brandvoice.errors import BrandvoiceError
from brandvoice.guides.loader import available_guides, find_guide, unknown_guide_message
from brandvoice.registry import GUIDES, KINDS, MESSAGES
from brandvoice.rules.base import Kind, Rule


def _option_lines(kind: Kind) -> list[str]:
    lines = []
    for name, field in kind.options.model_fields.items():
        default = "required" if field.is_required() else f"default {field.get_default(call_default_factory=True)!r}"
        annotation = getattr(field.annotation, "__name__", None) or str(field.annotation).replace("typing.", "")
        lines.append(f"    {field.alias or name}: {annotation} ({default})")
    return lines


def kinds_table() -> str:
    blocks = []
    for kind in KINDS:
        blocks.append("\n".join([f"{kind.name}  [{kind.category}, {kind.level}]", f"  {kind.summary}", "  options:", *_option_lines(kind)]))
    return "\n\n".join(blocks)


def explain_kind(kind: Kind) -> str:
    parts = [inspect.cleandoc(kind.doc), "", "Options:", *_option_lines(kind), "", "Examples:"]
    parts += _example_lines(kind.examples)
    return "\n".join(parts)


def _example_lines(examples) -> list[str]:
    lines = []
    for example in examples:
        verdict = "flags " + ", ".join(f"“{m}”" for m in example.expect) if example.expect else "passes"
        options = f" with {example.options}" if example.options else ""
        note = f"  ({example.note})" if example.note else ""
        lines.append(f"  [{example.language}] {example.text!r}{options} → {verdict}{note}")
    return lines


def explain_guide_rule(rule: Rule, guide_id: str) -> str:
    """A rule of a loaded guide: how the guide set it up, then its kind's documentation."""
    header = [
        f"{rule.id}  (guide {guide_id}, kind {rule.kind.name}, level {rule.level}, category {rule.category})",
        f"  {rule.description}" if rule.description else "",
        f"  message: {rule.message or MESSAGES.template(rule.message_id)}",
        "  options: " + yaml.safe_dump(rule.options.model_dump(exclude_defaults=True), allow_unicode=True, default_flow_style=True).strip(),
        *(["", "Examples:", *_example_lines(rule.examples)] if rule.examples else []),
        "",
        f"About the kind “{rule.kind.name}”:",
        "",
    ]
    return "\n".join(header) + explain_kind(rule.kind)


def explain_rule(rule_id: str, brand: str | None, guides_dirs: list[Path]) -> str:
    if rule_id in GUIDES.kinds:
        return explain_kind(GUIDES.kind(rule_id))
    if rule_id.startswith("languagetool."):
        lt_id = rule_id.split(".", 1)[1]
        return (
            f"{rule_id}: LanguageTool's rule {lt_id}, reported through the `grammar` kind.\n"
            f"  Turn it off in a guide with `grammar: {{disabled_rules: [{lt_id}]}}`, or change its level with\n"
            f"  `levels: {{{rule_id}: suggestion}}`; its own documentation is LanguageTool's.\n\n"
            + explain_kind(GUIDES.kind("grammar"))
        )
    candidates = [brand] if brand else [rule_id.split(".")[0], *available_guides(guides_dirs)]
    for ref in candidates:
        try:
            guide = GUIDES.load(ref, guides_dirs)
        except BrandvoiceError:
            continue
        for rule in guide.rules:
            if rule.id == rule_id:
                return explain_guide_rule(rule, guide.id)
    raise BrandvoiceError(f"unknown rule “{rule_id}”: give a kind ({', '.join(GUIDES.kinds)}) or a rule id such as hotelia.superlatifs (with --brand)")


def show_guide(ref: str, guides_dirs: list[Path]) -> str:
    try:
        path = find_guide(ref, guides_dirs)
    except FileNotFoundError:
        raise BrandvoiceError(unknown_guide_message(ref, guides_dirs)) from None
    guide = GUIDES.load_file(path, guides_dirs)
    lines = [
        f"{guide.name}  ({guide.id}, {guide.language or 'language not set'})",
        f"  file: {guide.path}",
        f"  extends: {' → '.join(guide.chain)}",
        f"  accepted words: {', '.join(sorted(guide.accepted_words)) or '-'}",
        f"  rules ({len(guide.rules)}):",
    ]
    for rule in guide.rules:
        lines.append(f"    {rule.id:<40} {rule.kind.name:<15} {rule.level:<10} {rule.description}")
    return "\n".join(lines)


__all__ = ["kinds_table", "explain_guide_rule", "explain_rule", "show_guide"]
