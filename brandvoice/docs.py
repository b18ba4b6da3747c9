"""Documentation text built from the code: the kinds table, `explain`, and `guides show`, in the
interface language (the kinds' documentation is translated in the catalogues, context
`DOC_CONTEXT`)."""

from __future__ import annotations

import inspect
from pathlib import Path

import yaml

from brandvoice.errors import BrandvoiceError
from brandvoice.formats.common import category_name
from brandvoice.guides.loader import available_guides, find_guide, unknown_guide_message
from brandvoice.i18n import _, ngettext, pgettext, ui_locale
from brandvoice.messages import Phrase
from brandvoice.registry import GUIDES, KINDS, MESSAGES
from brandvoice.rules.base import Kind, Rule

DOC_CONTEXT = "kind documentation"
NOTE_CONTEXT = "example note"


def kind_doc(kind: Kind) -> str:
    """A kind's documentation (its module docstring) in the interface language."""
    return pgettext(DOC_CONTEXT, inspect.cleandoc(kind.doc))


def kind_summary(kind: Kind) -> str:
    return kind_doc(kind).splitlines()[0]


def _option_lines(kind: Kind) -> list[str]:
    lines = []
    for name, field in kind.options.model_fields.items():
        if field.is_required():
            default = _("required")
        else:
            default = _("default {value}").format(value=repr(field.get_default(call_default_factory=True)))
        annotation = getattr(field.annotation, "__name__", None) or str(field.annotation).replace("typing.", "")
        lines.append(f"    {field.alias or name}: {annotation} ({default})")
    return lines


def kinds_table() -> str:
    blocks = []
    for kind in KINDS:
        header = f"{kind.name}  [{category_name(kind.category)}, {_(kind.level)}]"
        blocks.append("\n".join([header, f"  {kind_summary(kind)}", "  " + _("options:"), *_option_lines(kind)]))
    return "\n\n".join(blocks)


def explain_kind(kind: Kind) -> str:
    parts = [kind_doc(kind), "", _("Options:"), *_option_lines(kind), "", _("Examples:")]
    parts += _example_lines(kind.examples)
    return "\n".join(parts)


def _example_lines(examples) -> list[str]:
    lines = []
    for example in examples:
        if example.expect:
            verdict = _("flags {matches}").format(matches=", ".join(_("“{text}”").format(text=m) for m in example.expect))
        else:
            verdict = _("passes")
        options = " " + _("with {options}").format(options=example.options) if example.options else ""
        note = f"  ({pgettext(NOTE_CONTEXT, example.note)})" if example.note else ""
        lines.append(f"  [{example.language}] {example.text!r}{options} → {verdict}{note}")
    return lines


def explain_guide_rule(rule: Rule, guide_id: str) -> str:
    """A rule of a loaded guide: how the guide set it up, then its kind's documentation."""
    options = rule.options.model_dump(exclude_defaults=True)
    header = [
        _("{rule}  (guide {guide}, kind {kind}, level {level}, category {category})").format(
            rule=rule.id, guide=guide_id, kind=rule.kind.name, level=_(rule.level),
            category=category_name(rule.category)),
        f"  {rule_description(rule)}" if rule.description else "",
        "  " + _("message: {template}").format(template=rule.message or MESSAGES.template(rule.message_id, ui_locale())),
        "  " + _("options: {options}").format(
            options=yaml.safe_dump(options, allow_unicode=True, default_flow_style=True).strip()),
        *(["", _("Examples:"), *_example_lines(rule.examples)] if rule.examples else []),
        "",
        _("About the kind “{kind}”:").format(kind=rule.kind.name),
        "",
    ]
    return "\n".join(header) + explain_kind(rule.kind)


def explain_rule(rule_id: str, brand: str | None, guides_dirs: list[Path]) -> str:
    if rule_id in GUIDES.kinds:
        return explain_kind(GUIDES.kind(rule_id))
    if rule_id.startswith("languagetool."):
        lt_id = rule_id.split(".", 1)[1]
        return _(
            "{rule}: LanguageTool's rule {id}, reported through the `grammar` kind.\n"
            "  Turn it off in a guide with `grammar: {{disabled_rules: [{id}]}}`, or change its level with\n"
            "  `levels: {{{rule}: suggestion}}`; its own documentation is LanguageTool's."
        ).format(rule=rule_id, id=lt_id) + "\n\n" + explain_kind(GUIDES.kind("grammar"))
    candidates = [brand] if brand else [rule_id.split(".")[0], *available_guides(guides_dirs)]
    for ref in candidates:
        try:
            guide = GUIDES.load(ref, guides_dirs)
        except BrandvoiceError:
            continue
        for rule in guide.rules:
            if rule.id == rule_id:
                return explain_guide_rule(rule, guide.id)
    raise BrandvoiceError(_(
        "unknown rule “{rule}”: give a kind ({kinds}) or a rule id such as hotelia.superlatifs (with --brand)"
    ).format(rule=rule_id, kinds=", ".join(GUIDES.kinds)))


def rule_description(rule) -> str:
    """A rule's description in the interface language: a built-in one is translated, a guide
    author's is as written, and without one the kind's summary speaks."""
    if isinstance(rule.description, Phrase):
        return MESSAGES.render(rule.description, ui_locale())
    if rule.description == rule.kind.summary:
        return kind_summary(rule.kind)
    return rule.description


def show_guide(ref: str, guides_dirs: list[Path]) -> str:
    try:
        path = find_guide(ref, guides_dirs)
    except FileNotFoundError:
        raise BrandvoiceError(unknown_guide_message(ref, guides_dirs)) from None
    guide = GUIDES.load_file(path, guides_dirs)
    lines = [
        f"{guide.name}  ({guide.id}, {guide.language or _('language not set')})",
        "  " + _("file: {path}").format(path=guide.path),
        "  " + _("extends: {chain}").format(chain=" → ".join(guide.chain)),
        "  " + _("accepted words: {words}").format(words=", ".join(sorted(guide.accepted_words)) or "-"),
        "  " + ngettext("rules ({count}):", "rules ({count}):", len(guide.rules)).format(count=len(guide.rules)),
    ]
    for rule in guide.rules:
        lines.append(f"    {rule.id:<40} {rule.kind.name:<15} {_(rule.level):<14} {rule_description(rule)}")
    return "\n".join(lines)


__all__ = ["DOC_CONTEXT", "NOTE_CONTEXT", "explain_guide_rule", "explain_rule", "kind_doc", "kinds_table", "show_guide"]
