"""The brand's own words: the guide sections `vocabulary:` and `terms:`, and the rules they build.

```yaml
vocabulary:
  accept: [Hotelia, HoteliaClub]   # never misspellings, never "shouting"
  reject: [low-cost]               # always flagged (rule <guide>.vocabulary.reject)
terms:                             # a preferred term and its forbidden variants
  - use: Hotelia
    not: [HOTELIA, hotelia, Hôtelia]
    case_sensitive: true
```

Each term is a `substitution` rule `<guide>.terms.<use>`, the guide being the one that wrote the
term (so its id is the same in every guide that extends it); a child guide's term for the same
`use` replaces its parent's. Both lists are unioned through `extends`.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Literal

import regex
from pydantic import BaseModel, Field

from brandvoice.guides.factory import RuleFactory
from brandvoice.guides.model import Rule, Section, Strict, Template, Words
from brandvoice.messages import Messages
from brandvoice.selectors import LevelName

MESSAGES = Messages({
    "terms.default": "Write “{replacement}”, not “{match}”.",
    "vocabulary.reject": "“{match}” is not in this brand’s vocabulary.",
})


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
            description=f"Write “{term.use}”, not {', '.join('“%s”' % v for v in term.not_)}.",
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
            description="Words the brand never uses (vocabulary.reject).",
        )


TERMS = Section("terms", list[Term], build_term_rules, union_lists=((),))
VOCABULARY = Section("vocabulary", Vocabulary, build_vocabulary_rules, union_lists=(("accept",), ("reject",)))
