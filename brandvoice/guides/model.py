"""The style-guide file format (pydantic models, which also give the JSON Schema) and the
resolved guide the engine runs: one guide with its `extends` chain merged and its rules built.

Feature sections (grammar, voice, channels...) are declared here as models owned by the modules
that use them, so a guide is validated in one place and `brandvoice guides schema` covers it all.
"""

from __future__ import annotations

import hashlib
import json
import string
from dataclasses import dataclass, field
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field

from brandvoice.languagetool.section import GrammarSection
from brandvoice.nlp.settings import ToneSection, VoiceSection
from brandvoice.channels.profiles import ChannelsSection
from brandvoice.rules.disclosure import DisclosureSection
from brandvoice.rules.emoji_placement import EmojiSection
from brandvoice.rules.hashtags import HashtagsSection
from brandvoice.rules.inclusive import InclusiveSection
from brandvoice.rules.links import LinksSection
from brandvoice.rules.mentions import MentionsSection
from brandvoice.rules.typography_fr import TypographySection
from brandvoice.score import ScoreSettings


def _words(values: list[str]) -> list[str]:
    if any(not v.strip() for v in values):
        raise ValueError("entries must not be empty")
    return values


def _template(message: str | None) -> str | None:
    """A message is a template with named placeholders (`{match}`); check it parses now."""
    if message is None:
        return None
    try:
        fields = [(name, spec, conversion) for _, name, spec, conversion in string.Formatter().parse(message) if name is not None]
    except ValueError as exc:
        raise ValueError(f"invalid message template: {exc} (write {{{{ and }}}} for literal braces)") from None
    if any(not name.isidentifier() for name, _, _ in fields):
        raise ValueError("message placeholders are names such as {match}; write {{ and }} for literal braces")
    # no widths or conversions: `{match:>300000000}` would build a 300-million-character message
    for name, spec, conversion in fields:
        if spec or conversion:
            raise ValueError(f"message placeholders take no format or conversion: write {{{name}}}")
    return message


Words = Annotated[list[str], AfterValidator(_words)]
Template = Annotated[str | None, AfterValidator(_template)]


def _yaml_off(value: Any) -> Any:
    # YAML 1.1 reads an unquoted `off` as false: that is what authors mean by it
    return "off" if value is False else value


LevelName = Annotated[Literal["error", "warning", "suggestion", "off"], BeforeValidator(_yaml_off)]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Vocabulary(Strict):
    accept: list[str] = Field(default_factory=list, description="Never flagged as misspellings.")
    reject: Words = Field(default_factory=list, description="Always flagged.")


class Term(Strict):
    use: str = Field(description="The preferred term.")
    not_: Words = Field(alias="not", min_length=1, description="Forbidden variants.")
    case_sensitive: bool = False
    message: Template = None
    level: LevelName | None = None
    safe_fix: bool = Field(True, description="`false` when the swap can break agreement around it.")
    match: Literal["exact", "lemma"] = Field(
        "exact", description="`lemma` also matches inflected forms (needs spaCy)."
    )


class RuleSpec(BaseModel):
    """A brand rule: an instance of a rule kind. Kind-specific options sit beside these keys."""

    model_config = ConfigDict(extra="allow")
    kind: str
    level: LevelName | None = None
    message: Template = None
    category: str | None = None
    description: str | None = None


class GuideFile(Strict):
    """One style-guide YAML file, as written by a brand author."""

    name: str | None = Field(None, description="Display name of the brand.")
    extends: str | list[str] | None = Field(None, description="Guides (name or path) this one builds on.")
    language: str | None = Field(None, description="BCP 47 tag: fr-FR, fr-CA, en-US, en-GB...")
    description: str | None = None
    vocabulary: Vocabulary = Field(default_factory=Vocabulary)
    terms: list[Term] = Field(default_factory=list)
    rules: dict[str, RuleSpec] = Field(default_factory=dict)
    levels: dict[str, LevelName] = Field(
        default_factory=dict, description="Level override (or `off`) per rule id or id prefix."
    )
    score: ScoreSettings = Field(default_factory=ScoreSettings, description="Voice score weights (brandvoice.score).")
    grammar: GrammarSection = Field(default_factory=GrammarSection, description="LanguageTool grammar and spelling.")
    channels: ChannelsSection = Field(
        default_factory=ChannelsSection, description="Channel profiles: override shipped ones, add new ones."
    )
    hashtags: HashtagsSection = Field(default_factory=HashtagsSection, description="Hashtag rules.")
    mentions: MentionsSection = Field(default_factory=MentionsSection, description="Official and never-tag handles.")
    links: LinksSection = Field(default_factory=LinksSection, description="Link count, shorteners, UTM parameters.")
    emoji: EmojiSection = Field(default_factory=EmojiSection, description="Emoji placement.")
    disclosure: DisclosureSection = Field(
        default_factory=DisclosureSection, description="Sponsored-content disclosure (market, partners)."
    )
    typography: TypographySection = Field(default_factory=TypographySection, description="French typography.")
    inclusive: InclusiveSection = Field(default_factory=InclusiveSection, description="Inclusive writing policy.")
    voice: VoiceSection | None = Field(None, description="Voice checks with spaCy (register, passive, energy...).")
    tone: ToneSection | None = Field(None, description="Target bands for the tone profile's dimensions.")


@dataclass(frozen=True)
class Rule:
    """A rule ready to run: a kind, validated options, and how to report what it finds."""

    id: str
    kind: Any  # the kind's module
    options: Any
    level: str
    category: str
    message: str
    source: str = "brandvoice"
    description: str = ""


@dataclass
class ResolvedGuide:
    id: str
    name: str
    path: str | None
    language: str | None
    data: dict[str, Any]  # the merged raw guide (feature sections read from here, validated)
    rules: list[Rule] = field(default_factory=list)
    accepted_words: frozenset[str] = frozenset()
    levels: dict[str, str] = field(default_factory=dict)
    chain: tuple[str, ...] = ()  # the guide files merged, parent first
    _fingerprint: str | None = field(default=None, repr=False, compare=False)

    def fingerprint(self) -> str:
        """Changes whenever what this guide checks changes (content, levels, rules run)."""
        if self._fingerprint is None:
            payload = json.dumps(
                {"data": self.data, "rules": [(r.id, r.level, r.kind.NAME) for r in self.rules]},
                sort_keys=True, ensure_ascii=False, default=str,
            )
            self._fingerprint = hashlib.sha256(payload.encode("utf-8")).hexdigest()
        return self._fingerprint

    def section(self, key: str, default: Any = None) -> Any:
        return self.data.get(key, default)

    def level_for(self, rule_id: str, default: str) -> str:
        """The longest matching `levels` entry wins (exact id, then the longest prefix)."""
        best, best_len = default, -1
        for selector, level in self.levels.items():
            if (rule_id == selector or rule_id.startswith(selector.rstrip(".") + ".")) and len(selector) > best_len:
                best, best_len = level, len(selector)
        return best
