"""Word-aware pattern building shared by the lexical kinds, right for French and English.

A word edge is a letter, digit, combining mark, underscore or hyphen: "mail" does not match
inside "e-mail", "#email" is a hashtag, not the word "email". Apostrophes (' and ’) are edges,
so "hôtel" matches in "l’hôtel". Spaces in a phrase match any run of spaces, non-breaking ones
included, or one line break; an apostrophe in a phrase matches both apostrophes.
"""

from __future__ import annotations

from collections.abc import Iterable

import regex

from brandvoice.i18n import _

WORD_CHARS = r"\p{L}\p{M}\p{N}_"
_BEFORE = rf"(?<![{WORD_CHARS}#@\-])"
_AFTER = rf"(?![{WORD_CHARS}]|-[{WORD_CHARS}])"
WORD = regex.compile(rf"[{WORD_CHARS}]+(?:[\-'’][{WORD_CHARS}]+)*")


def phrase_pattern(phrase: str) -> str:
    """A regex for a literal word or phrase, with word edges where the phrase has word ends."""
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
    body = "".join(parts)
    if regex.match(rf"[{WORD_CHARS}]", phrase.strip()[:1] or " "):
        body = _BEFORE + body
    if regex.match(rf"[{WORD_CHARS}]", phrase.strip()[-1:] or " "):
        body = body + _AFTER
    return body


def compile_phrases(phrases: Iterable[str], ignorecase: bool = True) -> regex.Pattern | None:
    """One alternation for many phrases, longest first so "unique au monde" beats "unique"."""
    ordered = sorted({p for p in phrases if p.strip()}, key=len, reverse=True)
    if not ordered:
        return None
    # simple case folding (VERSION0): full folding (V1) costs ten times more to compile, for
    # nothing a brand's word list needs (ß = ss)
    flags = regex.IGNORECASE if ignorecase else 0
    return regex.compile("|".join(f"(?:{phrase_pattern(p)})" for p in ordered), flags | regex.VERSION0)


def compile_user_pattern(pattern: str, ignorecase: bool = False) -> regex.Pattern:
    """A guide author's regex; `\\b` is widened to the word edges above."""
    flags = regex.IGNORECASE if ignorecase else 0
    try:
        return regex.compile(pattern, flags | regex.V1 | regex.WORD)
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
