"""The contract between the engine, rule kinds and the heavy services kinds use.

A rule kind is one module in `brandvoice/rules/` that ends with its record, `KIND = Kind(...)`,
registered in `brandvoice/registry.py`:

- `name`: as written in guides (`kind: existence`); `category` and `level`: defaults for its rules;
- `options`: a pydantic model (subclass of `RuleOptions`) of the kind's options and defaults;
- `check(ctx, options)`: a pure function yielding `Match`es for one text (prepared services are in
  `ctx.services`);
- `messages`: its built-in message templates by id, `"<kind>.default"` being its rules' default
  (see `brandvoice.messages`);
- `examples`: failing and passing `Example`s (documentation and data-driven tests);
- `doc`: the module docstring, the kind's documentation (`brandvoice explain`);
- `needs`: the heavy services it uses ({"spacy"}, {"spacy:parser"}, {"languagetool"}), or
  `needs_for(options)` when the options decide; the engine prepares each service once per batch
  of texts (one `nlp.pipe`, concurrent LanguageTool requests) before any `check` runs;
- flags the engine reads: `sees_links` (its findings may lie on URLs and e-mail addresses),
  `fine_ids` (its findings carry finer rule ids: `Match.rule_id`), `skipped_without_model`
  (yields nothing without a spaCy model), `covers_languagetool(options)` (LanguageTool rule ids
  it checks itself, turned off in LanguageTool) and `without_languagetool_rules(options, ids)`
  (how a kind sending text to LanguageTool turns those off);
- `hold_fixes(ctx, options, findings)`: once every rule has run, the safe fixes among a text's
  findings that a rule of this kind holds back, each with why (`channel_length`: a fix that would
  push the post over a channel's limit); the engine makes them unsafe and adds the why.

A service (`Service`) prepares a batch of texts for the rules that need it and fingerprints what
its results depend on (the result cache). The engine turns matches into findings: it stamps the
rule id, level, category and message, and locates them in the source.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel, ConfigDict, PrivateAttr

from brandvoice.findings import Finding, Match
from brandvoice.parsing.prose import ProseText


class RuleOptions(BaseModel):
    """Base for every kind's options: unknown keys are errors (with a "did you mean")."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    _compiled: dict[str, Any] = PrivateAttr(default_factory=dict)

    def compiled(self, key: str, build: Callable[[], Any]) -> Any:
        """Compile patterns once per rule, not once per text."""
        # read where pydantic keeps private attributes: its `__getattr__` costs microseconds, and
        # every rule asks for every text
        compiled = self.__pydantic_private__["_compiled"]
        if key not in compiled:
            compiled[key] = build()
        return compiled[key]


@dataclass
class CheckContext:
    """What a kind may look at for one text. `services` holds lazily built, shared heavy things
    (spaCy docs, LanguageTool matches) filled by the engine's batch preparation."""

    prose: ProseText
    language: str = "fr-FR"
    front_matter: dict[str, Any] = field(default_factory=dict)
    channels: tuple[str, ...] = ()
    path: str = "<text>"
    accepted_words: frozenset[str] = frozenset()  # the guide's vocabulary: never misspelled, never shouting
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

    def once(self, key: Hashable, compute: Callable[[], Any]) -> Any:
        """`compute()` for this text, computed once and shared by every kind that asks with the
        same key (a lexicon's matches, the register's signals: the tone profile reuses the rules')."""
        if key not in self.services:
            self.services[key] = compute()
        return self.services[key]


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


@dataclass(frozen=True)
class Kind:
    """A rule kind (see the module docstring). Engineers write kinds; writers write rules."""

    name: str
    category: str
    level: str
    options: type[RuleOptions]
    check: Callable[[CheckContext, Any], Iterable[Match]]
    messages: Mapping[str, str]
    examples: tuple[Example, ...]
    doc: str
    needs: frozenset[str] = frozenset()
    needs_for: Callable[[Any], frozenset[str]] | None = None
    sees_links: bool = False
    fine_ids: bool = False
    skipped_without_model: bool = False
    covers_languagetool: Callable[[Any], frozenset[str]] | None = None
    without_languagetool_rules: Callable[[Any, frozenset[str]], Any] | None = None
    hold_fixes: Callable[[CheckContext, Any, Sequence[Finding]], Iterable[tuple[Finding, Any]]] | None = None

    def __post_init__(self) -> None:
        if self.default_message not in self.messages:
            raise ValueError(f"kind {self.name}: no default message {self.default_message!r}")

    @property
    def default_message(self) -> str:
        """The id of its rules' default message template."""
        return f"{self.name}.default"

    @property
    def summary(self) -> str:
        """The first line of its documentation."""
        return self.doc.strip().splitlines()[0]

    def needs_of(self, options: Any) -> frozenset[str]:
        """The services a rule of this kind needs with these options."""
        return frozenset(self.needs_for(options)) if self.needs_for is not None else self.needs


@dataclass(frozen=True)
class Rule:
    """A rule ready to run: a kind, validated options, and how to report what it finds.
    `message` is the guide author's own template; without one, the kind's built-in
    `message_id` speaks."""

    id: str
    kind: Kind
    options: Any
    level: str
    category: str
    message: str | None = None
    message_id: str = ""
    source: str = "brandvoice"
    description: str = ""
    examples: tuple[Example, ...] = ()  # a brand rule's own documented cases (`examples:` in its guide)

    @property
    def needs(self) -> frozenset[str]:
        return self.kind.needs_of(self.options)


@dataclass(frozen=True)
class ServiceRequest:
    """One text a service prepares: its context, the rules of its guide that use the service, and
    the options the guide gives the service (e.g. the spaCy models to try)."""

    ctx: CheckContext
    rules: tuple[Rule, ...] = ()
    options: Any = None


@dataclass(frozen=True)
class Service:
    """A heavy service kinds share (spaCy, LanguageTool), prepared once per batch of texts.

    `prepare(requests)` fills each request's `ctx.services`; `fingerprint(request)` names what the
    results depend on besides the text and guide (model or server version), for the result cache.
    A rule needs a service by its name or `name:level` (`spacy:parser`). A service that mostly
    `waits` on another process (LanguageTool) is prepared ahead, in the background, while rules
    run; a CPU-bound one (spaCy) runs in the checking thread, since Python threads share one GIL
    and a background parse would only slow the rules down."""

    name: str
    prepare: Callable[[Sequence[ServiceRequest]], None]
    fingerprint: Callable[[ServiceRequest], str]
    waits: bool = False

    def serves(self, need: str) -> bool:
        return need.split(":")[0] == self.name
