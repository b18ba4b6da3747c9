"""Everything brandvoice can run, registered explicitly: rule kinds, the heavy services they use,
the guide sections that build rules, the output formats, and the built-in messages.

Read it as the table of contents of a check: `brandvoice check` → `runner.Checker` → `engine.Engine`
→ each rule's `Kind` (listed here) → its `check`, with the `SERVICES` it needs prepared first; a
guide's rules come from its `rules:` (kinds by name, `KINDS`) and its `SECTIONS`; `--format` picks
one of `FORMATS`. Adding a kind, a section or a format is writing its module and adding it here.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator, Mapping
from importlib import import_module
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from brandvoice.formats.common import Format
    from brandvoice.rules.base import Kind, Service

# Nothing is imported until it is asked for: a run answered from the cache never loads a kind, and
# `--format json` never imports the other formats. `registry.KINDS` (and the other tables) build
# on first use (module `__getattr__`).


@functools.cache
def _tables() -> SimpleNamespace:
    from brandvoice import score, terminology
    from brandvoice.channels import builders as channel_sections
    from brandvoice.guides.format import GuideFormat
    from brandvoice.languagetool import section as grammar_section
    from brandvoice.messages import MessageCatalog
    from brandvoice.nlp import settings as voice_sections
    from brandvoice.parsing import markdown as markdown_parsing
    from brandvoice.rules import (
        brand_name,
        capitalization,
        channel_length,
        cliches,
        consistency,
        disclosure,
        emoji_placement,
        energy,
        existence,
        formality,
        grammar,
        hashtags,
        hedging,
        hype,
        inclusive,
        jargon,
        links,
        mentions,
        occurrence,
        passive,
        person,
        readability,
        register,
        repetition,
        sentence_length,
        substitution,
        tone,
        typography_fr,
    )
    from brandvoice.rules import words as user_patterns

    kinds: tuple[Kind, ...] = (
        brand_name.KIND,
        existence.KIND,
        substitution.KIND,
        occurrence.KIND,
        capitalization.KIND,
        consistency.KIND,
        repetition.KIND,
        grammar.KIND,
        channel_length.KIND,
        hashtags.KIND,
        mentions.KIND,
        links.KIND,
        emoji_placement.KIND,
        disclosure.KIND,
        typography_fr.KIND,
        inclusive.KIND,
        # voice and tone (spaCy)
        register.KIND,
        formality.KIND,
        person.KIND,
        passive.KIND,
        sentence_length.KIND,
        readability.KIND,
        hedging.KIND,
        hype.KIND,
        cliches.KIND,
        jargon.KIND,
        energy.KIND,
        tone.KIND,
    )
    # a guide's keys beyond the core ones (name, extends, language, description, rules, levels), in
    # the order their rules are built
    sections = (
        terminology.NAMES,
        terminology.TERMS,
        terminology.VOCABULARY,
        score.SECTION,
        grammar_section.SECTION,
        channel_sections.CHANNELS,
        channel_sections.HASHTAGS,
        channel_sections.MENTIONS,
        channel_sections.LINKS,
        channel_sections.EMOJI,
        disclosure.SECTION,
        typography_fr.SECTION,
        inclusive.SECTION,
        voice_sections.VOICE,
        voice_sections.TONE,
    )
    return SimpleNamespace(
        KINDS=kinds,
        SECTIONS=sections,
        GUIDES=GuideFormat(kinds, sections),
        # and what could not be checked (`brandvoice.unchecked`): content nested too deep, a regex too slow
        MESSAGES=MessageCatalog(
            [*(kind.messages for kind in kinds), terminology.MESSAGES, markdown_parsing.MESSAGES, user_patterns.MESSAGES]
        ),
    )


@functools.cache
def _services() -> tuple[Service, ...]:
    """Prepared once per batch of texts, side by side, for the rules that need them (`Kind.needs`)."""
    from brandvoice.languagetool import service as languagetool_service
    from brandvoice.nlp import docs as spacy_service

    return (spacy_service.SERVICE, languagetool_service.SERVICE)


def __getattr__(name: str) -> Any:
    if name == "SERVICES":
        return _services()
    if name in ("KINDS", "SECTIONS", "GUIDES", "MESSAGES"):
        return getattr(_tables(), name)
    if name == "UnknownKind":
        from brandvoice.guides.format import UnknownKind

        return UnknownKind
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


class _Formats(Mapping[str, "Format"]):
    """The output formats by name, each module (`brandvoice/formats/<name>.py`) imported when its
    format is asked for."""

    names = ("text", "json", "sarif", "github", "rdjsonl", "gitlab", "junit", "markdown", "annotated")

    def __getitem__(self, name: str) -> Format:
        if name not in self.names:
            raise KeyError(name)
        return import_module(f"brandvoice.formats.{name}").FORMAT

    def __iter__(self) -> Iterator[str]:
        return iter(self.names)

    def __len__(self) -> int:
        return len(self.names)


FORMATS: Mapping[str, Format] = _Formats()


def kind(name: str) -> Kind:
    """A kind by the name guides give it; `UnknownKind` otherwise."""
    return _tables().GUIDES.kind(name)


def service_for(need: str) -> Service | None:
    """The service a rule's need names (`spacy:parser` → spaCy), if it is one."""
    return next((service for service in _services() if service.serves(need)), None)


__all__ = ["FORMATS", "GUIDES", "KINDS", "MESSAGES", "SECTIONS", "SERVICES", "UnknownKind", "kind", "service_for"]
