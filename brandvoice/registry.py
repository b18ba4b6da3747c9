"""Everything brandvoice can run, registered explicitly: rule kinds, the heavy services they use,
the guide sections that build rules, the output formats, and the built-in messages.

Read it as the table of contents of a check: `brandvoice check` → `runner.Checker` → `engine.Engine`
→ each rule's `Kind` (listed here) → its `check`, with the `SERVICES` it needs prepared first; a
guide's rules come from its `rules:` (kinds by name, `KINDS`) and its `SECTIONS`; `--format` picks
one of `FORMATS`. Adding a kind, a section or a format is writing its module and adding it here.
"""

from __future__ import annotations

from brandvoice import score, terminology
from brandvoice.channels import builders as channel_sections
from brandvoice.formats import annotated, github, gitlab, json, junit, markdown, rdjsonl, sarif, text
from brandvoice.formats.common import Format
from brandvoice.guides.format import GuideFormat, UnknownKind
from brandvoice.languagetool import section as grammar_section
from brandvoice.languagetool import service as languagetool_service
from brandvoice.messages import MessageCatalog
from brandvoice.nlp import docs as spacy_service
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
from brandvoice.rules.base import Kind, Service

KINDS: tuple[Kind, ...] = (
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

# prepared once per batch of texts, side by side, for the rules that need them (`Kind.needs`)
SERVICES: tuple[Service, ...] = (spacy_service.SERVICE, languagetool_service.SERVICE)

# a guide's keys beyond the core ones (name, extends, language, description, rules, levels), in the
# order their rules are built
SECTIONS = (
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

GUIDES = GuideFormat(KINDS, SECTIONS)

FORMATS: dict[str, Format] = {
    fmt.name: fmt
    for fmt in (
        text.FORMAT,
        json.FORMAT,
        sarif.FORMAT,
        github.FORMAT,
        rdjsonl.FORMAT,
        gitlab.FORMAT,
        junit.FORMAT,
        markdown.FORMAT,
        annotated.FORMAT,
    )
}

# and what could not be checked (`brandvoice.unchecked`): content nested too deep, a regex too slow
MESSAGES = MessageCatalog(
    [*(kind.messages for kind in KINDS), terminology.MESSAGES, markdown_parsing.MESSAGES, user_patterns.MESSAGES]
)


def kind(name: str) -> Kind:
    """A kind by the name guides give it; `UnknownKind` otherwise."""
    return GUIDES.kind(name)


def service_for(need: str) -> Service | None:
    """The service a rule's need names (`spacy:parser` → spaCy), if it is one."""
    return next((service for service in SERVICES if service.serves(need)), None)


__all__ = ["FORMATS", "GUIDES", "KINDS", "MESSAGES", "SECTIONS", "SERVICES", "UnknownKind", "kind", "service_for"]
