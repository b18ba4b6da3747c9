"""The guide's `grammar:` section and the rule it builds.

```yaml
grammar:
  enabled: true                      # default; `brandvoice check --no-grammar` also turns it off
  disabled_rules: [WHITESPACE_RULE]  # LanguageTool rule ids
  enabled_rules: [FR_SPLIT_WORDS_HYPHEN]
  disabled_categories: [TYPOGRAPHY]  # LanguageTool category ids
  picky: false                       # LanguageTool's stricter level (style, typography)
  mother_tongue: en                  # false friends for writers whose first language this is
  proper_names: true                 # default: unknown words that read as names are no misspellings
levels:
  languagetool.FRENCH_WHITESPACE: suggestion   # one LanguageTool rule
  languagetool.category.TYPOS: warning         # a LanguageTool category, or a brandvoice one
  languagetool.category.style: off             # (spelling, grammar, typography, style)
```
"""

from __future__ import annotations

from collections.abc import Iterable

from pydantic import BaseModel, ConfigDict, Field

from brandvoice.guides.factory import RuleFactory
from brandvoice.guides.model import Rule, Section

RULE_ID = "languagetool"


class GrammarSection(BaseModel):
    """Grammar and spelling through LanguageTool."""

    model_config = ConfigDict(extra="forbid")

    enabled: bool = Field(True, description="Check grammar and spelling with LanguageTool.")
    disabled_rules: list[str] = Field(default_factory=list, description="LanguageTool rule ids to turn off.")
    enabled_rules: list[str] = Field(
        default_factory=list, description="LanguageTool rule ids to turn on (rules off by default)."
    )
    disabled_categories: list[str] = Field(
        default_factory=list, description="LanguageTool category ids to turn off (TYPOGRAPHY, STYLE...)."
    )
    picky: bool = Field(False, description="LanguageTool's picky level: more style and typography rules.")
    mother_tongue: str | None = Field(None, description="The writers' first language (false-friend rules).")
    proper_names: bool = Field(
        True,
        description="A word LanguageTool does not know that reads as a proper name in its sentence is no "
        "misspelling (`brandvoice learn` turns this off to find the brand's names).",
    )


def build_grammar_rules(guide: BaseModel, factory: RuleFactory) -> Iterable[Rule | None]:
    """The `languagetool` rule unless the guide turns grammar off."""
    section: GrammarSection = guide.grammar
    if not section.enabled:
        return
    options = section.model_dump(exclude={"enabled"})
    yield factory.rule(
        RULE_ID,
        "grammar",
        options,
        source="languagetool",
        description="Grammar, spelling and typography by LanguageTool.",
    )


SECTION = Section("grammar", GrammarSection, build_grammar_rules, description="LanguageTool grammar and spelling.")
