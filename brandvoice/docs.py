"""Documentation text built from the code: the kinds table, `explain`, and `guides show`."""

from __future__ import annotations

import inspect
from pathlib import Path

import yaml

from brandvoice.errors import BrandvoiceError
from brandvoice.rules import KIND_MODULES, UnknownKind, all_kinds, get_kind


def _option_lines(kind) -> list[str]:
    lines = []
    for name, field in kind.Options.model_fields.items():
        default = "required" if field.is_required() else f"default {field.get_default(call_default_factory=True)!r}"
        annotation = getattr(field.annotation, "__name__", None) or str(field.annotation).replace("typing.", "")
        lines.append(f"    {field.alias or name}: {annotation} ({default})")
    return lines


def kinds_table() -> str:
    blocks = []
    for kind in all_kinds():
        summary = (kind.__doc__ or "").strip().splitlines()[0]
        blocks.append("\n".join([f"{kind.NAME}  [{kind.CATEGORY}, {kind.LEVEL}]", f"  {summary}", "  options:", *_option_lines(kind)]))
    return "\n\n".join(blocks)


def explain_kind(kind) -> str:
    parts = [inspect.cleandoc(kind.__doc__ or kind.NAME), "", "Options:", *_option_lines(kind), "", "Examples:"]
    for example in kind.EXAMPLES:
        verdict = "flags " + ", ".join(f"“{m}”" for m in example.expect) if example.expect else "passes"
        options = f" with {example.options}" if example.options else ""
        note = f"  ({example.note})" if example.note else ""
        parts.append(f"  [{example.language}] {example.text!r}{options} → {verdict}{note}")
    return "\n".join(parts)


def explain_rule(rule_id: str, brand: str | None, guides_dirs: list[Path]) -> str:
    if rule_id in KIND_MODULES:
        return explain_kind(get_kind(rule_id))
    if rule_id.startswith("languagetool."):
        lt_id = rule_id.split(".", 1)[1]
        return (
            f"{rule_id}: LanguageTool's rule {lt_id}, reported through the `grammar` kind.\n"
            f"  Turn it off in a guide with `grammar: {{disabled_rules: [{lt_id}]}}`, or change its level with\n"
            f"  `levels: {{{rule_id}: suggestion}}`; its own documentation is LanguageTool's.\n\n"
            + explain_kind(get_kind("grammar"))
        )
    from brandvoice.guides.loader import available_guides, load_guide

    candidates = [brand] if brand else [rule_id.split(".")[0], *available_guides(guides_dirs)]
    for ref in candidates:
        try:
            guide = load_guide(ref, guides_dirs)
        except BrandvoiceError:
            continue
        for rule in guide.rules:
            if rule.id == rule_id:
                header = [
                    f"{rule.id}  (guide {guide.id}, kind {rule.kind.NAME}, level {rule.level}, category {rule.category})",
                    f"  {rule.description}" if rule.description else "",
                    f"  message: {rule.message}",
                    "  options: " + yaml.safe_dump(rule.options.model_dump(exclude_defaults=True), allow_unicode=True, default_flow_style=True).strip(),
                    "",
                    f"About the kind “{rule.kind.NAME}”:",
                    "",
                ]
                return "\n".join(line for line in header if line is not None) + explain_kind(rule.kind)
    raise BrandvoiceError(f"unknown rule “{rule_id}”: give a kind ({', '.join(KIND_MODULES)}) or a rule id such as hotelia.superlatifs (with --brand)")


def show_guide(ref: str, guides_dirs: list[Path]) -> str:
    from brandvoice.guides.loader import find_guide, load_guide_file, unknown_guide_message

    try:
        path = find_guide(ref, guides_dirs)
    except FileNotFoundError:
        raise BrandvoiceError(unknown_guide_message(ref, guides_dirs)) from None
    guide = load_guide_file(path, guides_dirs)
    lines = [
        f"{guide.name}  ({guide.id}, {guide.language or 'language not set'})",
        f"  file: {guide.path}",
        f"  extends: {' → '.join(guide.chain)}",
        f"  accepted words: {', '.join(sorted(guide.accepted_words)) or '-'}",
        f"  rules ({len(guide.rules)}):",
    ]
    for rule in guide.rules:
        lines.append(f"    {rule.id:<40} {rule.kind.NAME:<15} {rule.level:<10} {rule.description}")
    return "\n".join(lines)


__all__ = ["kinds_table", "explain_rule", "show_guide", "UnknownKind"]
