"""Which strings are words of a language, and how common they are: the word lists kinds share.

Two shipped, offline sources, each loaded lazily and once per language:

- **wordfreq** frequencies (`zipf`): how often a string occurs in a large mix of texts (web,
  subtitles, Wikipedia, social media). Frequent is not the same as a word: acronyms, names and
  hashtags are frequent too ("nasa" is 4.2 in English, "lol" 5.1).
- **pyspellchecker** dictionaries (`in_dictionary`): curated word lists. Acronyms are not in them
  ("nasa", "gop", "sncf" are not; "vraiment", "happy", "patrimoine" are), which is what tells a
  word shouted in capitals from an acronym.

A fresh process reads what it needs of them from the user cache (`_stored`), as the first
process that built them left it: the dictionary and its accented forms, and wordfreq's words at
WORD_ZIPF or above (all that the word test and the hashtag splits read). wordfreq itself is
imported only for the rarer words (`zipf`, `frequencies`).
"""

from __future__ import annotations

import marshal
import math
import sys
import unicodedata
from collections.abc import Callable, Mapping
from functools import cache
from pathlib import Path

WORD_ZIPF = 2.0  # about once per ten million words: "greenwashing" (2.0), "parkour" (2.8), "chiche" (3.1)
WORD_SHARE = 10 ** (WORD_ZIPF - 9)  # the share of all words of a word at WORD_ZIPF


class _Unaccented(dict):
    """Each character without its accents (é → e), worked out the first time it is seen, for
    `str.translate`. Character by character is exact: decomposition is, and every combining mark
    goes, whatever order they come in."""

    def __missing__(self, code: int) -> str:
        self[code] = "".join(c for c in unicodedata.normalize("NFD", chr(code)) if not unicodedata.combining(c))
        return self[code]


_UNACCENTED = _Unaccented()


def strip_accents(word: str) -> str:
    return word if word.isascii() else word.translate(_UNACCENTED)  # whole word lists pass here


_STORED_FORMAT = 2


def _stored_path(name: str, lang: str, distribution: str) -> Path:
    from brandvoice.cache import installed_version, keyed_file

    key = [_STORED_FORMAT, name, lang, distribution, installed_version(distribution), sys.executable, WORD_SHARE]
    return keyed_file("words", f"{name}-{lang}", key, ".words")


def _stored(name: str, lang: str, distribution: str, build: Callable[[], dict], values: type) -> dict:
    """`build()`, a dict of words, as the first process that built it left it in the user cache
    (Python's own marshal format, keyed on the version of the package it comes from and on the
    Python executable: three to ten times faster to read than JSON). Anything unreadable, of
    another shape, or not a private file of this user, is built again."""
    from brandvoice.cache import read_keyed_bytes, write_keyed

    path = _stored_path(name, lang, distribution)
    try:
        data = marshal.loads(read_keyed_bytes(path))
        if type(data) is dict and all(type(k) is str and type(v) is values for k, v in data.items()):
            return data
    except (OSError, EOFError, ValueError, TypeError):
        pass
    data = build()
    write_keyed(path, marshal.dumps(data))
    return data


@cache
def frequencies(lang: str) -> dict[str, float]:
    """wordfreq's frequency of each word (a share of all words); empty for an unknown language."""
    import wordfreq

    try:
        return wordfreq.get_frequency_dict(lang, wordlist="best")
    except (LookupError, ValueError):
        return {}


@cache
def common_frequencies(lang: str) -> dict[str, float]:
    """The frequencies of the words at WORD_ZIPF or above: all that tells a word from a string
    (a fifth to a third of wordfreq's lists, kept in the user cache)."""
    return _stored("common", lang, "wordfreq", lambda: _at_least_a_word(frequencies(lang)), float)


@cache
def folded_frequencies(lang: str) -> dict[str, float]:
    """The same, keyed by the unaccented word too (hashtags are often typed without accents): an
    unaccented form adds up the frequencies of the words it stands for."""
    return _stored("folded", lang, "wordfreq", lambda: _at_least_a_word(_folded(frequencies(lang))), float)


def _folded(frequencies: dict[str, float]) -> dict[str, float]:
    folded = dict(frequencies)
    for word, freq in frequencies.items():
        if not word.isascii():
            key = strip_accents(word)
            if key != word:
                folded[key] = folded.get(key, 0.0) + freq
    return folded


def _at_least_a_word(frequencies: dict[str, float]) -> dict[str, float]:
    return {word: freq for word, freq in frequencies.items() if freq >= WORD_SHARE}


def is_common(word: str, lang: str, min_zipf: float) -> bool:
    """Whether the word (any case) is at least this common (`min_zipf` ≥ WORD_ZIPF)."""
    freq = common_frequencies(lang).get(word.casefold())
    return freq is not None and math.log10(freq * 1e9) >= min_zipf


def zipf(word: str, lang: str) -> float:
    """Zipf frequency (log10 of occurrences per billion words) from wordfreq's lists; 0 if unknown."""
    freq = frequencies(lang).get(word.casefold())
    return math.log10(freq * 1e9) if freq else 0.0


@cache
def _dictionary(lang: str) -> Mapping[str, int]:
    """pyspellchecker's words with their counts (loaded once: the word test and the accented
    forms both read it)."""
    return _stored("dictionary", lang, "pyspellchecker", lambda: _spellchecker_words(lang), int)


def _spellchecker_words(lang: str) -> dict[str, int]:
    from spellchecker import SpellChecker

    try:
        return dict(SpellChecker(language=lang).word_frequency.dictionary)
    except ValueError:  # a language pyspellchecker does not ship
        return {}


def in_dictionary(word: str, lang: str) -> bool:
    """Whether the word (any case) is in the language's dictionary; a hyphenated word is when it
    is listed whole or each of its parts is ("porte-monnaie", "r-é-v-o-l-t-a-n-t" as "révoltant")."""
    folded = word.casefold()
    words = _dictionary(lang)
    if folded in words:
        return True
    if "-" in folded:
        parts = [p for p in folded.split("-") if p]
        joined = "".join(parts)
        return joined in words or (all(len(p) > 1 for p in parts) and all(p in words for p in parts))
    return False


def is_word(word: str, langs: tuple[str, ...]) -> bool:
    """A dictionary word, or a string common enough in wordfreq's lists to be one, in any of the
    languages: what a hashtag must never be split into parts of."""
    folded = strip_accents(word.casefold())
    return any(
        in_dictionary(word, lang) or folded_frequencies(lang).get(folded, 0.0) >= WORD_SHARE
        for lang in langs
    )


@cache
def _accented_forms(lang: str) -> dict[str, str]:
    """Each dictionary word written with accents, by its unaccented form (ecologie → écologie);
    the most frequent one when several share it (enquete → enquête, not enquêté)."""
    return _stored("accented", lang, "pyspellchecker", lambda: _most_frequent_accented(lang), str)


def _most_frequent_accented(lang: str) -> dict[str, str]:
    best: dict[str, tuple[int, str]] = {}
    for word, count in _dictionary(lang).items():
        key = strip_accents(word)
        if key != word and (key not in best or count > best[key][0]):
            best[key] = (count, word)
    return {key: word for key, (_, word) in best.items()}


def with_accents(word: str, lang: str) -> str | None:
    """The dictionary word an unaccented word stands for, in the word's own case ("Ecologie" →
    "Écologie"), or None: when the word has accents, is a word as written (in the language or in
    English), or is shorter than four letters."""
    folded = word.casefold()
    if len(folded) < 4 or strip_accents(folded) != folded or in_dictionary(folded, lang) or in_dictionary(folded, "en"):
        return None
    accented = _accented_forms(lang).get(folded)
    if accented is None or len(accented) != len(word):
        return None
    return "".join(a.upper() if c.isupper() else a for c, a in zip(word, accented))
