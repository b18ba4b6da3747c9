"""Telling a brand's own words from typos.

A word LanguageTool calls misspelled that recurs across approved posts is usually a brand,
product, place or campaign name: a candidate for `vocabulary.accept`. It is more likely a typo when
it is one edit (insertion, deletion, substitution or transposition of two neighbours) away from a
frequent dictionary word that is much more common than the word itself: "teh" → "the",
"recieve" → "receive", "hotle" → "hotel", or only an accent away from a more common word
("Ecologie" → "écologie"). Frequencies come from `wordfreq` (shipped word lists,
no network); LanguageTool's own suggestions are checked too, since they know inflected forms.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass

from brandvoice.languages.packs import FALLBACK, pack_for
from brandvoice.nlp.vocabulary import common_frequencies, strip_accents, zipf

FREQUENT_ZIPF = 3.5  # about once per 300,000 words: "hotel" is 3.9 in French, "hiking" 3.9 in English
MARGIN_ZIPF = 1.5  # the neighbour must be ~30 times more common than the word itself


def edits1(word: str, lang: str) -> set[str]:
    """Every string one insertion, deletion, substitution or adjacent transposition away."""
    letters = (pack_for(lang) or FALLBACK).alphabet
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    deletes = {a + b[1:] for a, b in splits if b}
    transposes = {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
    replaces = {a + c + b[1:] for a, b in splits if b for c in letters}
    inserts = {a + c + b for a, b in splits for c in letters}
    return (deletes | transposes | replaces | inserts) - {word}


def is_edit1(a: str, b: str) -> bool:
    """Damerau–Levenshtein distance of exactly one, for two short strings."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diffs = [i for i, (x, y) in enumerate(zip(a, b)) if x != y]
        if len(diffs) == 1:
            return True
        return len(diffs) == 2 and diffs[1] == diffs[0] + 1 and a[diffs[0]] == b[diffs[1]] and a[diffs[1]] == b[diffs[0]]
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return any(long_[:i] + long_[i + 1 :] == short for i in range(len(long_)))


@dataclass(frozen=True)
class TypoVerdict:
    word: str
    neighbour: str  # the frequent word it is probably a typo of
    neighbour_zipf: float
    word_zipf: float


def likely_typo(word: str, lang: str, suggestions: Iterable[str] = ()) -> TypoVerdict | None:
    """Why `word` looks like a typo (its frequent neighbour), or None when it looks deliberate."""
    found = _frequent_neighbour(word, lang, tuple(suggestions))
    if found is None:
        return None
    neighbour, score = found
    return TypoVerdict(word, neighbour, round(score, 2), round(zipf(word.casefold(), lang), 2))


def has_frequent_neighbour(word: str, lang: str) -> bool:
    """Whether `word` looks like a typo (`likely_typo`), read from the common words alone."""
    return _frequent_neighbour(word, lang, ()) is not None


# A word below WORD_ZIPF is rarer than any frequent neighbour by more than the margin
# (FREQUENT_ZIPF >= WORD_ZIPF + MARGIN_ZIPF, tested), so the common words (at WORD_ZIPF or above, a
# fifth to a third of wordfreq's lists) decide alone.


def _frequent_neighbour(word: str, lang: str, suggestions: tuple[str, ...]) -> tuple[str, float] | None:
    """(the most frequent word one edit away that is frequent enough and much more common than
    `word`, its Zipf), the first in alphabetical order on a tie; None when there is none."""
    if " " in word.strip():
        return None  # multi-word matches are names or phrases, not keyboard slips
    key = word.casefold()
    common = common_frequencies(lang)
    own = _zipf(common.get(key))  # 0 below WORD_ZIPF: as good as its exact value here
    candidates = {s.casefold() for s in suggestions if is_edit1(key, s.casefold())}
    candidates |= {c for c in edits1(key, lang) if c in common}
    best: tuple[str, float] | None = None
    for candidate in sorted(candidates):
        score = _zipf(common.get(candidate))
        # a missing accent ("Ecologie") is a slip even when the unaccented form is common online
        margin = 0.0 if strip_accents(candidate) == strip_accents(key) else MARGIN_ZIPF
        if score >= FREQUENT_ZIPF and score > own + margin and (best is None or score > best[1]):
            best = (candidate, score)
    return best


def _zipf(share: float | None) -> float:
    return math.log10(share * 1e9) if share else 0.0
