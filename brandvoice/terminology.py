"""The brand's own words: the guide sections `names:`, `vocabulary:` and `terms:`, and the rules
they build.

```yaml
names: [Hotelia, HoteliaClub]      # every variant flagged, the exact form as a safe fix
vocabulary:
  accept: [Hotelia, HoteliaClub]   # never misspellings, never "shouting"
  reject: [low-cost]               # always flagged (rule <guide>.vocabulary.reject)
terms:                             # a preferred term and its forbidden variants
  - use: Hotelia
    not: [HOTELIA, hotelia, Hôtelia]
    case_sensitive: true
```

Each name is a `brand_name` rule `<guide>.names.<name>` and an accepted word; the kind finds its
variants (case, accents, spaces and hyphens, number, elision, hashtags and mentions), so nobody
lists them. Each term is a `substitution` rule `<guide>.terms.<use>`. The guide in those ids is
the one that wrote the name or term (so its id is the same in every guide that extends it); a
child guide's entry for the same name or `use` replaces its parent's. The lists are unioned
through `extends`.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Literal

import regex
from pydantic import BaseModel, Field

from brandvoice.guides.factory import RuleFactory
from brandvoice.guides.model import LevelName, Rule, Section, Strict, Template, Words
from brandvoice.messages import Listed, Messages
from brandvoice.nlp.vocabulary import strip_accents
from brandvoice.rules.words import name_key

MESSAGES = Messages({
    "terms.default": "Write “{replacement}”, not “{match}”.",
    "vocabulary.reject": "“{match}” is not in this brand’s vocabulary.",
    "terms.description": "Write “{use}”, not {variants}.",
    "terms.variant": "“{word}”",
    "vocabulary.reject.description": "Words the brand never uses (vocabulary.reject).",
    "names.description": "The brand's name is written “{name}”, in every variant.",
})


class Name(Strict):
    name: str = Field(description="The brand's name, exactly as it is written.")
    message: Template = None
    level: LevelName | None = None


def build_name_rules(guide: BaseModel, factory: RuleFactory) -> Iterator[Rule | None]:
    """One `brand_name` rule per name; the name is accepted vocabulary. The guide's own hashtag and
    handle spelling of a name (`hashtags.known`, `mentions.official`) is the form its rule asks for."""
    entries = [Name(name=entry) if isinstance(entry, str) else entry for entry in guide.names]
    by_name = {entry.name.casefold(): (entry, factory.origin("names", i)) for i, entry in enumerate(entries)}
    hashtags = getattr(guide, "hashtags", None)
    mentions = getattr(guide, "mentions", None)
    seen: set[str] = set()
    for entry, origin in by_name.values():
        name = entry.name.strip()
        factory.accept_words([name])
        rule_id = f"{origin}.names.{slug(strip_accents(name))}"
        while rule_id in seen:
            rule_id += "-2"
        seen.add(rule_id)
        options: dict = {"name": name}
        within = [other.name for other, _ in by_name.values()
                  if name_key(name) in name_key(other.name) and len(name_key(other.name)) > len(name_key(name))]
        if within:
            options["within"] = within
        hashtag = _spelling_of(name, hashtags.known if hashtags else ())
        handle = _spelling_of(name, mentions.official if mentions else ())
        if hashtag:
            options["hashtag"] = hashtag
        if handle:
            options["handle"] = handle
        yield factory.rule(
            rule_id,
            "brand_name",
            options,
            level=entry.level,
            message=entry.message,
            description=MESSAGES.say("names.description", name=name),
        )


def _spelling_of(name: str, tags: Iterable[str]) -> str | None:
    """The hashtag or handle among `tags` that spells `name` (case, accents and separators aside)."""
    key = name_key(name)
    return next((tag for tag in tags if name_key(tag) == key), None)


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


def slug(text: str) -> str:
    return regex.sub(r"[^\p{L}\p{N}]+", "-", text.casefold()).strip("-") or "term"


def build_term_rules(guide: BaseModel, factory: RuleFactory) -> Iterator[Rule | None]:
    # a child guide's term for the same preferred word replaces its parent's
    by_use = {term.use.casefold(): (term, factory.origin("terms", i)) for i, term in enumerate(guide.terms)}
    seen: set[str] = set()
    for term, origin in by_use.values():
        rule_id = f"{origin}.terms.{slug(term.use)}"
        while rule_id in seen:
            rule_id += "-2"
        seen.add(rule_id)
        options: dict = {
            "swap": {variant: term.use for variant in term.not_},
            "case_sensitive": term.case_sensitive,
            "safe_fix": term.safe_fix,
        }
        if term.match != "exact":
            options["match"] = term.match
        yield factory.rule(
            rule_id,
            "substitution",
            options,
            level=term.level,
            message=term.message,
            message_id="terms.default",
            description=MESSAGES.say("terms.description", use=term.use,
                                     variants=Listed((MESSAGES.say("terms.variant", word=v) for v in term.not_), "or")),
        )


def build_vocabulary_rules(guide: BaseModel, factory: RuleFactory) -> Iterator[Rule | None]:
    factory.accept_words(guide.vocabulary.accept)
    if guide.vocabulary.reject:
        yield factory.rule(
            f"{factory.guide_id}.vocabulary.reject",
            "existence",
            {"tokens": guide.vocabulary.reject},
            level="error",
            category="terminology",
            message_id="vocabulary.reject",
            description=MESSAGES.say("vocabulary.reject.description"),
        )


NAMES = Section("names", list[str | Name], build_name_rules, union_lists=((),),
                description="The brand's names: every variant of each is flagged.")
TERMS = Section("terms", list[Term], build_term_rules, union_lists=((),))
VOCABULARY = Section("vocabulary", Vocabulary, build_vocabulary_rules, union_lists=(("accept",), ("reject",)))
