"""Split a run-together hashtag into words (#summersale → Summer Sale) for a CamelCase suggestion.

Word frequencies come from pyspellchecker's dictionaries (French and English, loaded lazily, once
per language). A split is proposed only when every part is a common enough word and the hashtag is not itself
a word in French or English: "#weekend" and "#palestine" stay one word.
"""

from __future__ import annotations

import math
import unicodedata
from functools import cache

_MIN_WORD = 2
_SINGLE_LETTER_WORDS: dict[str, set[str]] = {}  # "#colonyusa" is not "Colony Us A": no 1-letter parts
_LANGUAGES = ("fr", "en")  # a hashtag known as one word in any of them is left alone (#palestine)


# Short pieces are where false splits hide ("in|sta|good"): they must be very common words.
_MIN_SHARE_BY_LENGTH = {1: 1e-3, 2: 1e-3, 3: 2e-5}
_MIN_SHARE = 2e-7


def strip_accents(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", word) if not unicodedata.combining(c))


@cache
def _frequencies(lang: str) -> tuple[dict[str, int], float]:
    """Counts keyed by the unaccented word (hashtags are often typed without accents)."""
    from spellchecker import SpellChecker

    try:
        words = SpellChecker(language=lang).word_frequency.dictionary
    except ValueError:  # a language pyspellchecker does not ship
        return {}, 1.0
    folded: dict[str, int] = {}
    for word, count in words.items():
        key = strip_accents(word)
        folded[key] = folded.get(key, 0) + count
    return folded, float(sum(words.values()))


def _cost(word: str, freqs: dict[str, int], total: float, lang: str) -> float | None:
    if len(word) < _MIN_WORD and word not in _SINGLE_LETTER_WORDS.get(lang, ()):
        return None
    share = freqs.get(word, 0) / total
    if not share or share < _MIN_SHARE_BY_LENGTH.get(len(word), _MIN_SHARE):
        return None
    return -math.log(share)


def best_split(body: str, langs: tuple[str, ...], extra_words: frozenset[str] = frozenset()) -> list[str] | None:
    """The likelier split over several languages: #climatechange is English in a French post."""
    found = [s for s in (_split(body, lang, extra_words) for lang in dict.fromkeys(langs)) if s]
    return min(found, key=lambda s: (len(s[0]), s[1]))[0] if found else None


def _split(body: str, lang: str, extra_words: frozenset[str]) -> tuple[list[str], float] | None:
    word = strip_accents(body.lower())
    if len(word) != len(body) or not word.isalpha() or len(word) < 2 * _MIN_WORD:
        return None
    freqs, total = _frequencies(lang)
    if not freqs:
        return None
    extra_cost = -math.log(1000 / total)  # the guide's own words count as fairly common
    n = len(word)
    best: list[tuple[float, int] | None] = [None] * (n + 1)
    best[0] = (0.0, 0)
    for end in range(1, n + 1):
        for start in range(max(0, end - 24), end):
            if best[start] is None:
                continue
            piece = word[start:end]
            cost = extra_cost if piece in extra_words else _cost(piece, freqs, total, lang)
            if cost is None:
                continue
            candidate = best[start][0] + cost + 2.0  # a per-word penalty: fewer words win ties
            if best[end] is None or candidate < best[end][0]:
                best[end] = (candidate, start)
    if best[n] is None:
        return None
    parts, end = [], n
    while end > 0:
        start = best[end][1]
        parts.append(body[start:end])
        end = start
    parts.reverse()
    if len(parts) < 2 or any(word in _frequencies(other)[0] for other in {lang, *_LANGUAGES}):
        return None
    return parts, best[n][0]


def camel_case(parts: list[str]) -> str:
    return "".join(p[:1].upper() + p[1:] for p in parts)
