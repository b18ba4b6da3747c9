"""Split a run-together hashtag into words (#summersale → Summer Sale) for a CamelCase suggestion.

A word-segmentation model per language: the most probable split under wordfreq's word
frequencies (shipped lists, offline; keyed without accents, since hashtags are often typed
without them). A split is suggested only when the model is confident:

- the hashtag is not itself a word in the post's language, French or English (a dictionary word,
  or a string common enough in wordfreq's lists: see `nlp.vocabulary.is_word`), so `#parkour`,
  `#chiche`, `#surpêche`, `#greenwashing`, `#weekend` stay whole;
- every part is such a word, of two letters or more (no `#colonyusa` → "Colony Us A");
- the split explains the letters far better than chance: its words together cost at most one
  order of magnitude of improbability per letter, plus one (random letters cost 1.4 per letter),
  which leaves out splits into rare or many short words (`#sportwetten` → "sport wet ten");
- across languages, the likelier split wins (`#climatechange` in a French post is English;
  `#notforme` is "not for me", not French "not forme").
"""

from __future__ import annotations

import json
import math
from functools import cache
from pathlib import Path

from brandvoice.nlp.vocabulary import WORD_SHARE, folded_frequencies, is_word, strip_accents

__all__ = ["best_split", "camel_case", "remembered_split", "strip_accents"]

MIN_PART = 2
MAX_PART = 24
MAX_COST_PER_LETTER = 1.0  # log10 units: a 10-letter split costs at most 11, i.e. p ≥ 1e-11
_GUIDE_WORD_COST = 5.0  # the guide's own words count as common words (Zipf 4)
_PER_WORD = 0.5  # fewer, longer words win close calls: "Justin Beiber", not "Just In Beiber"
_LANGUAGES = ("fr", "en")


def best_split(body: str, langs: tuple[str, ...], extra_words: frozenset[str] = frozenset()) -> list[str] | None:
    """The confident split of a lower-case hashtag body into words, or None."""
    candidates = tuple(dict.fromkeys((*langs, *_LANGUAGES)))
    word = strip_accents(body.lower())
    if len(word) != len(body) or not word.isalpha() or len(word) < 2 * MIN_PART:
        return None
    if word in extra_words or is_word(body, candidates):
        return None
    found = []
    for lang in candidates:
        split = _split(word, lang, extra_words)
        if split is not None and split[2] <= MAX_COST_PER_LETTER * len(word) + 1:
            found.append(split)
    if not found:
        return None
    bounds = min(found, key=lambda split: split[1])[0]
    return [body[start:end] for start, end in bounds]


def remembered_split(word: str, langs: tuple[str, ...]) -> list[str] | None:
    """`best_split` of a word every run asks again (a guide's brand names), kept in the user
    cache: a fresh process then builds a guide's name patterns without loading a word list."""
    splits = _remembered_splits()
    key = " ".join((*langs, word))
    if key not in splits:
        from brandvoice.cache import write_keyed

        splits[key] = best_split(word, langs)
        write_keyed(_splits_file(), json.dumps(splits))
    return splits[key]


def _splits_file() -> Path:
    from brandvoice.cache import code_fingerprint, installed_version, keyed_file

    versions = [installed_version(name) for name in ("wordfreq", "pyspellchecker")]
    return keyed_file("words", "splits", [versions, code_fingerprint()], ".words")


@cache
def _remembered_splits() -> dict[str, list[str] | None]:
    from brandvoice.cache import read_keyed_text

    try:
        splits = json.loads(read_keyed_text(_splits_file()))
    except (OSError, ValueError):
        return {}
    sound = isinstance(splits, dict) and all(
        split is None or (isinstance(split, list) and all(isinstance(part, str) for part in split))
        for split in splits.values()
    )
    return splits if sound else {}


def _split(word: str, lang: str, extra_words: frozenset[str]) -> tuple[list[tuple[int, int]], float, float] | None:
    """The most probable split (Viterbi over unigram frequencies, a small cost per word): (part
    bounds, its score, the words' own cost in log10 units)."""
    freqs = folded_frequencies(lang)
    if not freqs:
        return None
    n = len(word)
    best: list[tuple[float, int, float] | None] = [None] * (n + 1)  # (score, start, words' cost)
    best[0] = (0.0, 0, 0.0)
    for end in range(MIN_PART, n + 1):
        for start in range(max(0, end - MAX_PART), end - MIN_PART + 1):
            if best[start] is None:
                continue
            piece = word[start:end]
            if piece in extra_words:
                cost = _GUIDE_WORD_COST
            else:
                share = freqs.get(piece, 0.0)
                if share < WORD_SHARE:
                    continue
                cost = -math.log10(share)
            candidate = best[start][0] + cost + _PER_WORD
            if best[end] is None or candidate < best[end][0]:
                best[end] = (candidate, start, best[start][2] + cost)
    if best[n] is None:
        return None
    bounds, end = [], n
    while end > 0:
        start = best[end][1]
        bounds.append((start, end))
        end = start
    bounds.reverse()
    return (bounds, best[n][0], best[n][2]) if len(bounds) >= 2 else None


def camel_case(parts: list[str]) -> str:
    return "".join(p[:1].upper() + p[1:] for p in parts)
