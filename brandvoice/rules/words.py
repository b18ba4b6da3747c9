"""Word-aware pattern building shared by the lexical kinds, right for French and English.

A word edge is a letter, digit, combining mark, underscore or hyphen: "mail" does not match
inside "e-mail", "#email" is a hashtag, not the word "email". Apostrophes (' and ’) are edges,
so "hôtel" matches in "l’hôtel". Spaces in a phrase match any run of spaces, non-breaking ones
included, or one line break; an apostrophe in a phrase matches both apostrophes.
"""

from __future__ import annotations

import functools
import os
import unicodedata
from collections.abc import Iterable, Iterator

import regex

from brandvoice.i18n import _
from brandvoice.messages import Message, Messages

REGEX_TIMEOUT_ENV = "BRANDVOICE_REGEX_TIMEOUT"
REGEX_TIMEOUT = 2.0  # seconds for a guide author's pattern over a text, plus a little per character
_PER_CHARACTER = 2e-6

WORD_CHARS = r"\p{L}\p{M}\p{N}_"
_BEFORE = rf"(?<![{WORD_CHARS}#@\-])"
_AFTER = rf"(?![{WORD_CHARS}]|-[{WORD_CHARS}])"
WORD = regex.compile(rf"[{WORD_CHARS}]+(?:[\-'’][{WORD_CHARS}]+)*")


def phrase_pattern(phrase: str) -> str:
    """A regex for a literal word or phrase, with word edges where the phrase has word ends."""
    before, after = _word_ends(phrase)
    return (_BEFORE if before else "") + _phrase_body(phrase) + (_AFTER if after else "")


def _phrase_body(phrase: str) -> str:
    parts = []
    for token in regex.split(r"(\s+|['’])", phrase.strip()):
        if not token:
            continue
        if token.isspace():
            # spaces, or one line break (never a paragraph break)
            parts.append(r"(?:[ \t\u00a0\u202f]*\n[ \t\u00a0\u202f]*|[ \t\u00a0\u202f]+)")
        elif token in ("'", "’"):
            parts.append("['’]")
        else:
            parts.append(regex.escape(token))
    return "".join(parts)


def _word_ends(phrase: str) -> tuple[bool, bool]:
    """Whether the phrase starts, and ends, with a word character (then a word edge is wanted there)."""
    stripped = phrase.strip()
    return (bool(regex.match(rf"[{WORD_CHARS}]", stripped[:1] or " ")),
            bool(regex.match(rf"[{WORD_CHARS}]", stripped[-1:] or " ")))


def compile_phrases(phrases: Iterable[str], ignorecase: bool = True) -> regex.Pattern | None:
    """One alternation for many phrases, longest first so "unique au monde" beats "unique"."""
    ordered = sorted({p for p in phrases if p.strip()}, key=len, reverse=True)
    if not ordered:
        return None
    # simple case folding (VERSION0): full folding (V1) costs ten times more to compile, for
    # nothing a brand's word list needs (ß = ss)
    flags = regex.IGNORECASE if ignorecase else 0
    if all(_word_ends(p) == (True, True) for p in ordered):
        # the edges once around the alternation, not once per phrase: the same matches (they
        # are tested at the same places, the phrases in the same order), three times faster to compile
        body = "|".join(f"(?:{_phrase_body(p)})" for p in ordered)
        return regex.compile(f"{_BEFORE}(?:{body}){_AFTER}", flags | regex.VERSION0)
    return regex.compile("|".join(f"(?:{phrase_pattern(p)})" for p in ordered), flags | regex.VERSION0)


class PatternTimeout(Exception):
    """A guide author's pattern ran over its time limit on a text (the engine reports the rule)."""

    def __init__(self, pattern: str, seconds: float) -> None:
        super().__init__(pattern)
        self.pattern, self.seconds = pattern, seconds

    def message(self, rule_id: str) -> Message:
        return MESSAGES.say("brandvoice.unchecked.timeout", rule=rule_id, pattern=repr(self.pattern), seconds=self.seconds)


MESSAGES = Messages(
    {
        "brandvoice.unchecked.timeout": "Rule {rule} not applied: its pattern {pattern} ran over the {seconds:.1f} s limit "
        "on this text (nested repetitions such as (a|aa)+ backtrack without end); simplify it in the guide.",
    }
)


class UserPattern:
    """A guide author's regex, run with a time limit: a pattern that backtracks catastrophically
    (`(a|aa)+$`) raises `PatternTimeout` instead of hanging the run."""

    def __init__(self, compiled: regex.Pattern) -> None:
        self._compiled = compiled
        self.pattern = compiled.pattern

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None) -> Iterator[regex.Match]:
        limit = _time_limit(len(text))
        try:
            yield from self._compiled.finditer(text, pos, len(text) if endpos is None else endpos, timeout=limit)
        except TimeoutError:
            raise PatternTimeout(self.pattern, limit) from None


def _time_limit(length: int) -> float:
    try:
        base = float(os.environ.get(REGEX_TIMEOUT_ENV, REGEX_TIMEOUT))
    except ValueError:
        base = REGEX_TIMEOUT
    return base + length * _PER_CHARACTER


def compile_user_pattern(pattern: str, ignorecase: bool = False) -> UserPattern:
    """A guide author's regex, time-limited; `\\b` is widened to the word edges above."""
    flags = regex.IGNORECASE if ignorecase else 0
    try:
        return UserPattern(regex.compile(pattern, flags | regex.V1 | regex.WORD))
    except regex.error as exc:
        raise ValueError(_("invalid regular expression {pattern!r}: {problem}").format(pattern=pattern, problem=exc)) from None


def match_case(original: str, replacement: str) -> str:
    """Give `replacement` the capitalisation pattern of `original` (EMAIL → E-MAIL, Email → E-mail)."""
    letters = [c for c in original if c.isalpha()]
    if len(letters) > 1 and all(c.isupper() for c in letters):
        return replacement.upper()
    if letters and original[:1].isupper() and replacement[:1].islower():
        return replacement[:1].upper() + replacement[1:]
    return replacement


def words(text: str) -> Iterable[regex.Match]:
    return WORD.finditer(text)


# --- brand names in every variant ----------------------------------------------------------------

_NAME_PART = regex.compile(r"\p{Lu}+(?=\p{Lu}\p{Ll})|\p{Lu}?\p{Ll}+|\p{Lu}+|\p{N}+|[^\p{L}\p{N}\s\-‐‑_'’]+")
# between two words of a name: spaces (one line break at most), a hyphen, an underscore, an
# apostrophe, or nothing at all ("Hotelia Club", "hotelia-club", "hoteliaclub")
NAME_SEPARATOR = r"(?:[ \t\u00a0\u202f]*\n?[ \t\u00a0\u202f]*|[-‐‑_'’])"
_LIGATURES = {"œ": "(?:œ|oe)", "æ": "(?:æ|ae)"}


def name_parts(name: str) -> list[str]:
    """The words of a brand name: split at spaces, hyphens, apostrophes and CamelCase humps
    ("HoteliaClub" → Hotelia, Club; "Pâtisseries Mirabelle" → Pâtisseries, Mirabelle)."""
    return _NAME_PART.findall(name)


@functools.cache
def _letter_variants() -> dict[str, str]:
    """Each lower-case letter → a character class of it with every accent (e → [eéèêë…])."""
    groups: dict[str, set[str]] = {}
    for code in (*range(0x61, 0x7B), *range(0xE0, 0x250), *range(0x1E00, 0x1F00)):
        char = chr(code)
        if not char.isalpha() or char != char.lower():
            continue
        base = "".join(c for c in unicodedata.normalize("NFD", char) if not unicodedata.combining(c))
        if len(base) == 1 and base.isascii():
            groups.setdefault(base, {base}).add(char)
    return {base: "[" + "".join(sorted(chars)) + "]" for base, chars in groups.items()}


def name_key(text: str) -> str:
    """A name or a tag reduced to its letters and digits, without case or accents: what two
    spellings of one name share ("#PatisseriesMirabelle", "Pâtisseries Mirabelle")."""
    return "".join(c for c in unicodedata.normalize("NFD", regex.sub(r"[^\p{L}\p{N}]", "", text).casefold())
                   if not unicodedata.combining(c))


def _unaccented_letter(char: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", char.lower()) if not unicodedata.combining(c))


def _part_pattern(part: str) -> str:
    """One word of a name, whatever its case and accents, singular or plural; a word made of words
    ("Trailcraft": trail, craft) may be written apart at their seam ("Trail Craft")."""
    if not part[:1].isalpha():
        return regex.escape(part)
    from brandvoice.channels.segment import remembered_split

    pieces = remembered_split(part.lower(), ("en", "fr")) if len(part) >= 6 and part[1:].islower() else None
    if pieces:
        variants = _letter_variants()
        heads = ["".join(_letter(c, variants) for c in piece) for piece in pieces[:-1]]
        return NAME_SEPARATOR.join([*heads, _part_pattern(pieces[-1])])
    word = part.lower()
    stem, number = word, "[sx]?"
    if word.endswith("aux") and len(word) > 4:
        stem, number = word[:-3], "(?:aux|al)"
    elif word.endswith("al") and len(word) > 3:
        stem, number = word[:-2], "(?:al|aux)"
    elif word[-1:] in "sx" and len(word) > 3:
        stem = word[:-1]
    elif len(word) < 3:
        number = ""
    variants = _letter_variants()
    return "".join(_letter(c, variants) for c in stem) + number


def _letter(char: str, variants: dict[str, str]) -> str:
    return _LIGATURES.get(char) or variants.get(_unaccented_letter(char), regex.escape(char))


def name_pattern(name: str) -> str:
    """A regex (without word edges) for a brand name in every variant: any case and accents, its
    words joined by spaces, a hyphen, an underscore or nothing, each singular or plural. Group
    `p<i>` is word i, so the way a match is written can be read word by word."""
    parts = name_parts(name)
    return NAME_SEPARATOR.join(f"(?P<p{i}>{_part_pattern(part)})" for i, part in enumerate(parts))


NAME_BEFORE = rf"(?<![{WORD_CHARS}#@\-./])"
NAME_AFTER = rf"(?![{WORD_CHARS}]|-[{WORD_CHARS}]|\.\p{{L}}{{2,}})"  # "mirabelle.fr" is a domain


def compile_names(names: Iterable[str]) -> regex.Pattern | None:
    """One pattern for the variants of several names, as words of prose (compiled once per set)."""
    return _compiled_names(frozenset(names))


@functools.cache
def _compiled_names(names: frozenset[str]) -> regex.Pattern | None:
    bodies = [regex.sub(r"\(\?P<p\d+>", "(?:", name_pattern(n)) for n in sorted(names, key=len, reverse=True)]
    bodies = [b for b in bodies if b]
    if not bodies:
        return None
    return regex.compile(NAME_BEFORE + "(?:" + "|".join(bodies) + ")" + NAME_AFTER, regex.IGNORECASE | regex.VERSION0)
