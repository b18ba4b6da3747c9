"""The style guide's core: the keys every guide has (name, extends, language, rules, levels), the
field types sections share, the `Section` record through which a feature adds its own key, and
the resolved guide the engine runs.

The guide format knows no feature: each feature (terms, grammar, voice, channels...) owns its
section's model and a builder `(guide, factory) -> rules`, and `brandvoice/registry.py` lists the
sections. `GuideFormat` (guides/format.py) puts them together.
"""

from __future__ import annotations

import hashlib
import json
import string
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Annotated, Any, Literal, get_origin

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field

from brandvoice.i18n import _
from brandvoice.i18n.catalogs import catalog_languages, speaks
from brandvoice.rules.base import Rule
from brandvoice.selectors import LevelMap, yaml_off

if TYPE_CHECKING:
    from brandvoice.guides.factory import RuleFactory

__all__ = ["GuideCore", "LevelName", "ResolvedGuide", "Rule", "RuleExample", "RuleSpec", "Section", "Strict", "Template", "Words", "model_in"]


def _words(values: list[str]) -> list[str]:
    if any(not v.strip() for v in values):
        raise ValueError(_("entries must not be empty"))
    return values


def _messages_language(value: str | None) -> str | None:
    if value is not None and not speaks(value):
        raise ValueError(_("brandvoice has no messages in “{value}” (it speaks {languages})").format(
            value=value, languages=", ".join(catalog_languages())))
    return value


def _template(message: str | None) -> str | None:
    """A message is a template with named placeholders (`{match}`); check it parses now."""
    if message is None:
        return None
    try:
        fields = [(name, spec, conversion) for _, name, spec, conversion in string.Formatter().parse(message) if name is not None]
    except ValueError as exc:
        raise ValueError(_("invalid message template: {problem} (write {{{{ and }}}} for literal braces)").format(
            problem=exc)) from None
    if any(not name.isidentifier() for name, _spec, _conversion in fields):
        raise ValueError(_("message placeholders are names such as {match}; write {{ and }} for literal braces"))
    # no widths or conversions: `{match:>300000000}` would build a 300-million-character message
    for name, spec, conversion in fields:
        if spec or conversion:
            raise ValueError(_("message placeholders take no format or conversion: write {placeholder}").format(
                placeholder="{" + name + "}"))
    return message


Words = Annotated[list[str], AfterValidator(_words)]
LevelName = Annotated[Literal["error", "warning", "suggestion", "off"], BeforeValidator(yaml_off)]  # a level, or off
Template = Annotated[str | None, AfterValidator(_template)]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class RuleExample(Strict):
    """A documented case of a brand rule: this text, in the guide's language, yields exactly these
    matched strings (none: it passes). Shown by `brandvoice explain <rule id>` and run as a test."""

    text: str
    expect: list[str] = Field(default_factory=list)
    note: str | None = None


class RuleSpec(BaseModel):
    """A brand rule: an instance of a rule kind. Kind-specific options sit beside these keys."""

    model_config = ConfigDict(extra="allow")
    kind: str
    level: LevelName | None = None
    message: Template = None
    category: str | None = None
    description: str | None = None
    examples: list[RuleExample] = Field(default_factory=list, description="Failing and passing texts.")


class GuideCore(Strict):
    """The keys of every guide; features add their sections (see `Section`)."""

    name: str | None = Field(None, description="Display name of the brand.")
    extends: str | list[str] | None = Field(None, description="Guides (name or path) this one builds on.")
    language: str | None = Field(None, description="BCP 47 tag: fr-FR, fr-CA, en-US, en-GB...")
    messages_language: Annotated[str | None, AfterValidator(_messages_language)] = Field(
        None, description="Built-in messages in this language (fr, en) whatever the draft's; default: the draft's."
    )
    description: str | None = None
    rules: dict[str, RuleSpec] = Field(default_factory=dict)
    levels: dict[str, LevelName] = Field(
        default_factory=dict, description="Level override (or `off`) per rule id or id prefix."
    )


# A section builder: the validated guide (every section, typed) and the factory that makes rules.
Builder = Callable[[BaseModel, "RuleFactory"], Iterable[Rule | None]]


@dataclass(frozen=True)
class Section:
    """A feature's key in the guide: its model, and the builder that turns it into rules.

    `model` is the section's annotation (`GrammarSection`, `list[Term]`); an `optional` section is
    null unless the guide writes it, others default to their model's defaults. `union_lists` are
    the lists that `extends` unions instead of replacing (`()` for the section itself when it is a
    list, `("accept",)` for one of its keys)."""

    key: str
    model: Any
    build: Builder | None = None
    description: str | None = None
    optional: bool = False
    union_lists: tuple[tuple[str, ...], ...] = ()

    def field(self) -> tuple[Any, Any]:
        """The section as a field of the guide model."""
        if self.optional:
            return self.model | None, Field(None, description=self.description)
        default = list if get_origin(self.model) is list else self.model
        return self.model, Field(default_factory=default, description=self.description)


def model_in(annotation: Any) -> type[BaseModel] | None:
    """The pydantic model inside `Model`, `list[Model]`, `dict[str, Model]` or `Model | None`."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()):
        found = model_in(arg)
        if found is not None:
            return found
    return None


@dataclass
class ResolvedGuide:
    """One guide with its `extends` chain merged, validated (`model`: every section typed) and
    its rules built."""

    id: str
    name: str
    path: str | None
    language: str | None
    model: BaseModel
    messages_language: str | None = None  # built-in messages in this language, whatever the draft's
    rules: list[Rule] = field(default_factory=list)
    accepted_words: frozenset[str] = frozenset()  # never misspellings, never shouting
    levels: LevelMap = field(default_factory=lambda: LevelMap({}))
    service_options: dict[str, Any] = field(default_factory=dict)  # service name -> what the guide tells it
    chain: tuple[str, ...] = ()  # the guide files merged, parent first
    lookups: tuple[tuple[str, str | None, str], ...] = ()  # (guide name, file it was named in, file found)
    sources: tuple[tuple[str, str], ...] = ()  # each file of the chain and the SHA-256 of the bytes read
    _fingerprint: str | None = field(default=None, repr=False, compare=False)

    def section(self, key: str) -> Any:
        """A section of the guide, validated (None for an optional section the guide lacks)."""
        return getattr(self.model, key)

    def fingerprint(self) -> str:
        """Changes whenever what this guide checks changes (content, levels, rules run)."""
        if self._fingerprint is None:
            payload = json.dumps(
                {"guide": self.model.model_dump(mode="json"), "rules": [(r.id, r.level, r.kind.name) for r in self.rules]},
                sort_keys=True, ensure_ascii=False, default=str,
            )
            self._fingerprint = hashlib.sha256(payload.encode("utf-8")).hexdigest()
        return self._fingerprint

