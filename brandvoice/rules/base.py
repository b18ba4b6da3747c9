"""The contract between the engine and rule kinds.

A rule kind is one module in `brandvoice/rules/` that defines:

- `NAME`: the kind's name, as written in guides (`kind: existence`);
- `CATEGORY` and `LEVEL`: defaults for rules of this kind;
- `Options`: a pydantic model (subclass of `RuleOptions`) of the kind's options and defaults;
- `EXAMPLES`: failing and passing `Example`s (documentation and data-driven tests);
- `check(ctx, options)`: a pure function yielding `Match`es for one text (prepared services are in
  `ctx.services`);
- optionally `NEEDS`: the heavy services the kind uses ({"spacy"}, {"spacy:parser"}, {"languagetool"}),
  or `needs_for(options)` when the options decide; the engine prepares each service once per batch
  of texts (one `nlp.pipe`, concurrent LanguageTool requests) before any `check` runs;
- optionally `MESSAGE`: the default message template.

The module docstring is the kind's documentation (`brandvoice explain`). The engine turns matches
into findings: it stamps the rule id, level, category and message, and locates them in the source.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol

from pydantic import BaseModel, ConfigDict, PrivateAttr

from brandvoice.findings import Match
from brandvoice.parsing.prose import ProseText

if TYPE_CHECKING:
    from brandvoice.guides.model import ResolvedGuide


class RuleOptions(BaseModel):
    """Base for every kind's options: unknown keys are errors (with a "did you mean")."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    _compiled: dict[str, Any] = PrivateAttr(default_factory=dict)

    def compiled(self, key: str, build: Callable[[], Any]) -> Any:
        """Compile patterns once per rule, not once per text."""
        if key not in self._compiled:
            self._compiled[key] = build()
        return self._compiled[key]


@dataclass
class CheckContext:
    """What a kind may look at for one text. `services` holds lazily built, shared heavy things
    (spaCy docs, LanguageTool matches) filled by the engine's batch preparation."""

    prose: ProseText
    language: str = "fr-FR"
    guide: "ResolvedGuide | None" = None
    front_matter: dict[str, Any] = field(default_factory=dict)
    channels: tuple[str, ...] = ()
    path: str = "<text>"
    languagetool_url: str | None = None  # the file's LanguageTool server; None: the local one
    services: dict[str, Any] = field(default_factory=dict)
    metrics: dict[str, Any] = field(default_factory=dict)

    @property
    def text(self) -> str:
        return self.prose.text

    @property
    def lang(self) -> str:
        """The bare language code: `fr` for `fr-CA`."""
        return self.language.split("-")[0].lower()

    @property
    def accepted_words(self) -> frozenset[str]:
        return self.guide.accepted_words if self.guide else frozenset()


@dataclass(frozen=True)
class Example:
    """A documented case: with these options, this text yields exactly these matched strings."""

    text: str
    expect: tuple[str, ...] = ()
    options: dict[str, Any] = field(default_factory=dict)
    language: str = "en-US"
    note: str = ""

    @property
    def failing(self) -> bool:
        return bool(self.expect)


def rule_needs(rule: Any) -> frozenset[str]:
    """A rule's needs: its kind's `needs_for(options)` when the options decide, else `NEEDS`."""
    needs_for = getattr(rule.kind, "needs_for", None)
    if needs_for is not None:
        return frozenset(needs_for(rule.options))
    return frozenset(getattr(rule.kind, "NEEDS", ()))


class RuleKind(Protocol):
    NAME: str
    CATEGORY: str
    LEVEL: str
    Options: type[RuleOptions]
    EXAMPLES: tuple[Example, ...]

    def check(self, ctx: CheckContext, options: Any) -> Iterator[Match]: ...
