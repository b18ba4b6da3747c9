"""Words in capitals: which ones shout, and which are acronyms.

Short words in capitals are acronyms far more often than shouting ("NASA", "GOP", "SNCF",
"OGM"); shouting is a run of capitals, or a common word written in capitals. The decision uses
real signals, not a longer hand list:

- **units**: each word less a leading elision in lower case, as the language's pack lists them
  (`d’AGIR` is `AGIR`; `L’UE` is `UE`: the article is not the acronym), cut at hyphens where the
  case changes (`PATRIMOINE-Le`);
- **spared**: the acronym lists (shipped, the guide's, its accepted vocabulary), codes and handles
  (a digit or an underscore: `COP21`, `_MONDE`), Roman numerals;
- **a dictionary**: a unit shouts only if its lower-case form is a word of the text's language or of
  English (pyspellchecker's curated lists, where acronyms are not: see `nlp.vocabulary`);
  A long word one slip away from a common word is that word misspelled ("DEVELOPPEMENT");
- **length and frequency**: alone, a word shouts from 4 letters ("VRAIMENT", "HAPPY", "DUMB");
  a shorter one only if it is a very common word ("AND", "THE", "I'LL": wordfreq's Zipf 5 or
  more), never a short non-word ("UKR", "SVP", "LOL");
- **the surrounding text**: two or more units in capitals in a row (spaces, light punctuation, or
  one short word such as "et" between them), one of which would shout alone, are one shout,
  reported once ("HARRY REID UNLOADS", "SO DUMB", "TRICLOSAN et PERTURBATEURS"); short non-words
  at its edges stay out ("BY POPULAR VOTE,GOP"). A drawn-out word shouts ("NOOOOO"). Once a text
  shouts in a run, its other words in capitals of 4 letters or more with a vowel shout too
  ("BUCH <3 TIPP" next to "SEASON OF DESIRE").

The suggested form is the text in lower case, with a capital at the start of a sentence, English
"I" kept ("I'LL" → "I'll"), and acronyms inside a run left as they are.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from dataclasses import dataclass

import regex

from brandvoice.languages.packs import pack_for
from brandvoice.learn.typos import has_frequent_neighbour
from brandvoice.nlp.vocabulary import in_dictionary, is_common
from brandvoice.parsing.prose import ProseText
from brandvoice.parsing.social import NOT_PROSE
from brandvoice.rules.base import CheckContext
from brandvoice.rules.words import WORD

ALONE_MIN_LETTERS = 4  # a single word in capitals from this length shouts when it is a word
COMMON_ZIPF = 5.0  # a shorter one when it is this common ("and" 7.4, "i'll" 5.4; "net" 4.8, "nasa" 4.2)
TYPO_MIN_LETTERS = 6  # a word this long one slip away from a common word is that word, misspelled
ACRONYM_MAX_LETTERS = 5  # at the edge of a run, a non-word this short is an acronym, not the shout

_ROMAN = regex.compile(r"[IVXLCDM]+")
_ELONGATED = regex.compile(r"(\p{L})\1{2,}")
_LONE_I = regex.compile(r"(?<![\p{L}'’])i(?=$|[^\p{L}]|['’])")  # English "I", written calmly
_VOWEL = regex.compile(r"[AEIOUYÀÂÄÉÈÊËÎÏÔÖÙÛÜŸŒÆ]")
# between two units of one run: spaces and light punctuation, or one short word ("et", "and", "of")
_RUN_GAP = regex.compile(r"[\s,\-–—&/+'’\"«»“”()*]*|[\s\"«»“”]+\p{Ll}{1,3}[\s\"«»“”]+")


@dataclass(frozen=True)
class Unit:
    start: int
    end: int
    core: str  # the letters that decide (without a capital elision or the hyphens' case parts)


@dataclass(frozen=True)
class Shout:
    """A span in capitals that shouts, and the same text written calmly."""

    start: int
    end: int
    calm: str


@functools.cache
def _elision(lang: str) -> regex.Pattern | None:
    """A leading elided word of the language's pack ("l’", "qu’"), if it has any."""
    pack = pack_for(lang)
    if pack is None or not pack.elisions:
        return None
    words = "|".join(sorted(pack.elisions, key=len, reverse=True))
    return regex.compile(rf"(?i)(?:{words})['’](?=\p{{L}})")


def caps_units(prose: ProseText, lang: str) -> list[Unit]:
    """The words (or parts of words) written in capitals, outside links, handles and conventions."""
    text = prose.text
    elided = _elision(lang)
    units = []
    for m in WORD.finditer(text):
        token = m.group()
        if token.islower():
            continue  # no capital letter: no unit (the common case, tested first)
        if "_" in token or any(c.isdigit() for c in token):
            continue  # codes, handles and identifiers, not words
        if prose.overlaps(m.start(), m.end(), NOT_PROSE) or text[m.start() - 1 : m.start()] == ".":
            continue  # .NET, .COM: names, not words
        start = m.start()
        elision = elided.match(token) if elided else None
        if elision:
            head = elision.group()
            if not _all_caps(head):  # d’AGIR: the lower-case article stays out of the unit
                start += len(head)
        units.extend(_hyphen_units(text, start, m.end(), m.start() + (len(elision.group()) if elision else 0)))
    return units


def _hyphen_units(text: str, start: int, end: int, core_start: int) -> Iterable[Unit]:
    """Runs of parts in capitals of a hyphenated word: `PATRIMOINE-Le` → `PATRIMOINE`."""
    pos = core_start
    run_start = run_core = None
    for part in text[core_start:end].split("-"):
        part_end = pos + len(part)
        if _all_caps(part):
            if run_start is None:
                run_start, run_core = (start if pos == core_start else pos), pos
        elif run_start is not None:
            yield Unit(run_start, pos - 1, text[run_core : pos - 1])
            run_start = None
        pos = part_end + 1
    if run_start is not None:
        yield Unit(run_start, end, text[run_core:end])


def _all_caps(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


def _letters(core: str) -> int:
    return sum(1 for c in core if c.isalpha())


def _dictionaries(lang: str) -> tuple[str, ...]:
    """The languages a word in capitals may be a word of: the text's, and English (in every
    market's posts)."""
    return tuple(dict.fromkeys((lang, "en")))


@functools.lru_cache(maxsize=65536)
def _is_word(core: str, langs: tuple[str, ...]) -> bool:
    """Whether a word in capitals is a word of one of the languages (or one of them misspelled);
    asked of the same words from post to post, and twice a text (capitalization, the tone's energy)."""
    word = core.replace("’", "'")
    if any(in_dictionary(word, lang) for lang in langs):
        return True
    return _letters(core) >= TYPO_MIN_LETTERS and any(has_frequent_neighbour(word.lower(), lang) for lang in langs)


def _drawn_out(core: str, langs: tuple[str, ...]) -> bool:
    """NOOOOO, SOOOO: a letter held three times or more, over a word."""
    if not _ELONGATED.search(core):
        return False
    return any(_is_word(_ELONGATED.sub(r"\1" * n, core), langs) for n in (1, 2))


@functools.lru_cache(maxsize=256)
def _upper_set(spared: tuple[str, ...]) -> frozenset[str]:
    """The spared words in capitals (the same lists, text after text)."""
    return frozenset(s.upper() for s in spared)


def is_acronym(word: str, language: str, spared: Iterable[str] = ()) -> bool:
    """Whether a word in capitals reads as an acronym: listed, or short (5 letters at most) and not a
    word of the language or of English ("GPII", "LSI", "NASA"; not "VRAIMENT", nor "DEVELOPPEMENT")."""
    if not _all_caps(word):
        return False
    if word.upper() in _upper_set(tuple(spared)):
        return True
    lang = language.split("-")[0].lower()
    return _letters(word) <= ACRONYM_MAX_LETTERS and not _is_word(word, _dictionaries(lang))


def shouts(
    ctx: CheckContext,
    spared: Iterable[str] = (),
    min_letters: int = 3,
    skip: Iterable[tuple[int, int]] = (),
) -> list[Shout]:
    """The shouting spans of a text, one per run of capitals; words inside the `skip` spans (the
    brand's names, whose writing is their own rule's) are no part of any."""
    lang = ctx.language.split("-")[0].lower()
    langs = _dictionaries(lang)
    skip = tuple(skip)
    # the units once per text: capitalization, energy and the tone profile all ask
    all_units = ctx.once(("capitals.units", lang), lambda: caps_units(ctx.prose, lang))
    units = [u for u in all_units if not any(a < u.end and u.start < b for a, b in skip)]
    if not units:
        return []
    spared_set = _upper_set(tuple(spared))
    text = ctx.text

    def is_spared(unit: Unit) -> bool:
        core = unit.core.upper()
        return core in spared_set or text[unit.start : unit.end].upper() in spared_set or bool(_ROMAN.fullmatch(core))

    def acronym_like(unit: Unit) -> bool:
        return is_spared(unit) or not _is_word(unit.core, langs)

    def alone(unit: Unit) -> bool:
        return _shouts_alone(unit, langs, lang, min_letters, is_spared)

    def edge(unit: Unit) -> bool:
        return acronym_like(unit) and (is_spared(unit) or _letters(unit.core) <= ACRONYM_MAX_LETTERS)

    found: list[tuple[int, int]] = []  # unit index ranges [i, j) that shout
    loose: list[int] = []
    in_runs = False
    for run in _runs(text, units):
        if len(run) >= 2 and any(alone(units[i]) for i in run):
            first, last = run[0], run[-1]
            while edge(units[first]) and first < last:
                first += 1
            while edge(units[last]) and last > first:
                last -= 1
            found.append((first, last + 1))
            in_runs = True
        else:
            loose.extend(run)
    found.extend((i, i + 1) for i in loose if alone(units[i]))
    if in_runs:  # a text that shouts: its other long words in capitals shout too
        shouting = {i for a, b in found for i in range(a, b)}
        for i in loose:
            unit = units[i]
            if (
                i not in shouting
                and not is_spared(unit)
                and _letters(unit.core) >= ALONE_MIN_LETTERS
                and _VOWEL.search(unit.core.upper())
            ):
                found.append((i, i + 1))
    result = []
    for a, b in sorted(found):
        start, end = units[a].start, units[b - 1].end
        result.append(Shout(start, end, _calm(text, start, end, units[a:b], lang, acronym_like)))
    return result


def _runs(text: str, units: list[Unit]) -> list[list[int]]:
    runs: list[list[int]] = []
    for i, unit in enumerate(units):
        if runs and _RUN_GAP.fullmatch(text[units[runs[-1][-1]].end : unit.start]):
            runs[-1].append(i)
        else:
            runs.append([i])
    return runs


def _shouts_alone(unit: Unit, langs: tuple[str, ...], lang: str, min_letters: int, is_spared) -> bool:
    letters = _letters(unit.core)
    if letters < min_letters or is_spared(unit):
        return False
    if _drawn_out(unit.core, langs):
        return True
    if not _is_word(unit.core, langs):
        return False
    return letters >= ALONE_MIN_LETTERS or is_common(unit.core, lang, COMMON_ZIPF)


def _calm(text: str, start: int, end: int, units: list[Unit], lang: str, acronym_like) -> str:
    """The shouted span in lower case: acronyms kept, English "I" kept, a capital at a sentence start."""
    chars = list(text[start:end].lower())
    for unit in units:
        if acronym_like(unit) and unit.core.isupper() and len(units) > 1:
            chars[unit.start - start : unit.end - start] = text[unit.start : unit.end]
    calm = "".join(chars)
    pack = pack_for(lang)
    if pack and pack.person and pack.person.capital_i:  # English "I" stays a capital
        calm = _LONE_I.sub("I", calm)
    if _at_sentence_start(text, start):
        calm = calm[:1].upper() + calm[1:]
    return calm


_OPENERS = "\"'«»“”‘’([-–—*"


def _at_sentence_start(text: str, start: int) -> bool:
    """Whether only spaces and opening marks lie between a sentence end (., !, ?, …, a line break
    or the text's start) and `start`. Looked up backwards: linear over a whole text."""
    p = start
    while p > 0 and (text[p - 1].isspace() or text[p - 1] in _OPENERS):
        if text[p - 1] == "\n":
            return True
        p -= 1
    return p == 0 or text[p - 1] in ".!?…"
