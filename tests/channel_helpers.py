"""Run a guide's rules (or one kind) on a text as a post for some channels."""

from __future__ import annotations

import textwrap
from pathlib import Path

from brandvoice.registry import GUIDES
from brandvoice.parsing.prose import ProseText
from brandvoice.rules.base import CheckContext


def guide_from_yaml(tmp_path: Path, text: str, name: str = "brand"):
    path = tmp_path / f"{name}.yaml"
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return GUIDES.load_file(path)


def context(text: str, language: str = "fr-FR", channels=(), front_matter=None, guide=None) -> CheckContext:
    return CheckContext(prose=ProseText.plain(text), language=language, channels=tuple(channels),
                        front_matter=front_matter or {},
                        accepted_words=guide.accepted_words if guide is not None else frozenset())


def run_guide(guide, text: str, language: str = "fr-FR", channels=(), front_matter=None, prefix: str = ""):
    """[(rule id, matched text, match)] for the guide's rules whose id starts with `prefix`."""
    ctx = context(text, language, channels, front_matter, guide)
    found = []
    for rule in guide.rules:
        if rule.id.startswith(prefix) and rule.kind.name != "grammar":
            for m in rule.kind.check(ctx, rule.options):
                found.append((rule.id, text[m.start : m.end], m))
    return found, ctx


def run_kind(kind, text: str, language: str = "fr-FR", channels=(), front_matter=None, **options):
    ctx = context(text, language, channels, front_matter)
    return list(kind.check(ctx, kind.Options.model_validate(options))), ctx


def apply_fixes(text: str, matches) -> str:
    """Apply fix-safe single replacements, from the end, skipping overlaps."""
    result, last_start = text, len(text) + 1
    for m in sorted(matches, key=lambda m: m.start, reverse=True):
        if m.fix_safe and len(m.replacements) == 1 and m.end <= last_start:
            result = result[: m.start] + m.replacements[0] + result[m.end :]
            last_start = m.start
    return result
