"""The voice score: how on-voice a post is, from 0 to 100.

Formula (per file)::

    penalty  = Σ level_weight[finding.level] × category_weight[finding.category]
    density  = 100 × penalty / max(words, min_words)       # weighted issues per 100 words
    score    = 100 × 0.5 ** (density / half_life)

With the defaults (error 1, warning 0.4, suggestion 0.1; `min_words` 50; `half_life` 8) every 8
weighted errors per 100 words halve the score. `min_words` is the floor that keeps short posts
fair: a 20-word tweet with one typo is scored as if it had 50 words (score 84), not 20 (score 65).
A file with no findings scores 100, whatever its length (an empty file too). Weights are never
negative, so adding a finding never raises a score.

A brand, channel or run scores the mean of its files' scores (brandvoice/score_totals.py).

Guides tune the weights in a `score:` section (merged through `extends` like other sections)::

    score:
      half_life: 6
      min_words: 40
      levels: {warning: 0.5}
      categories: {disclosure: 3, typography: 0.25}
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Annotated

import regex
from pydantic import BaseModel, ConfigDict, Field

from brandvoice.findings import FileResult, Finding, Level
from brandvoice.guides.model import Section

DEFAULT_LEVEL_WEIGHTS: dict[str, float] = {"error": 1.0, "warning": 0.4, "suggestion": 0.1}
# Legal exposure (missing #ad) weighs more than a missing non-breaking space.
DEFAULT_CATEGORY_WEIGHTS: dict[str, float] = {
    "grammar": 1.0,
    "spelling": 1.0,
    "typography": 0.5,
    "terminology": 1.0,
    "tone": 1.0,
    "readability": 0.5,
    "platform": 1.0,
    "disclosure": 2.0,
    "inclusive": 1.0,
    "style": 0.5,
}
Weight = Annotated[float, Field(ge=0)]


class LevelWeights(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    error: Weight = DEFAULT_LEVEL_WEIGHTS["error"]
    warning: Weight = DEFAULT_LEVEL_WEIGHTS["warning"]
    suggestion: Weight = DEFAULT_LEVEL_WEIGHTS["suggestion"]


class ScoreSettings(BaseModel):
    """The guide's `score:` section: how findings turn into a 0–100 voice score."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    half_life: float = Field(
        8.0, gt=0, description="Weighted issues per 100 words that halve the score."
    )
    min_words: int = Field(
        50, ge=1, description="Short posts count as this many words, so one typo in a tweet is not a catastrophe."
    )
    levels: LevelWeights = Field(default_factory=LevelWeights, description="Weight of each level.")
    categories: dict[str, Weight] = Field(
        default_factory=dict,
        description="Weight of each category (grammar, spelling, typography, ...); unlisted ones keep their default.",
    )

    def category_weight(self, category: str) -> float:
        if category in self.categories:
            return self.categories[category]
        return DEFAULT_CATEGORY_WEIGHTS.get(category, 1.0)

    def level_weight(self, level: Level) -> float:
        return getattr(self.levels, str(level))

    def penalty(self, finding: Finding) -> float:
        return self.level_weight(finding.level) * self.category_weight(finding.category)


DEFAULT_SETTINGS = ScoreSettings()

_WORD = regex.compile(r"[\p{L}\p{N}](?:[\p{L}\p{N}\p{M}]|['’\-][\p{L}\p{N}])*")


def count_words(text: str) -> int:
    """Words as a reader counts them: `aujourd'hui`, `e-mail` and `#Paris2024` are one word each."""
    return sum(1 for _ in _WORD.finditer(text))


def file_score(findings: Iterable[Finding], words: int, settings: ScoreSettings = DEFAULT_SETTINGS) -> float:
    """The 0–100 score of one file (unrounded)."""
    penalty = sum(settings.penalty(f) for f in findings)
    if penalty <= 0:
        return 100.0
    density = 100.0 * penalty / max(words, settings.min_words)
    return 100.0 * 0.5 ** (density / settings.half_life)


# the guide's `score:` section only tunes weights: it builds no rule
SECTION = Section("score", ScoreSettings, description="Voice score weights (brandvoice.score).")


def record_score(result: FileResult, words: int, settings: ScoreSettings) -> None:
    """Record `words` and `score` on a checked file, from its prose's words (`count_words`) and its
    guide's settings."""
    result.metrics["words"] = words
    result.metrics["score"] = round(file_score(result.findings, words, settings), 1)
