"""The shipped word lists, extendable and prunable per guide, and the options every lexicon kind
shares. A language's lists are in its pack (`brandvoice/languages/<lang>/lexicons/<name>.txt`);
lists for every language (acronyms) in `brandvoice/data/lexicons/<name>.txt`.

One entry per line; `#` starts a comment. An entry whose literal sense is common takes a
context condition after `|`: `écosystème | not near: forêt*, marin, océan*` is found only in a
paragraph (its hashtags included) with none of those words; `*` ends a word prefix, and accents
do not matter. "l’écosystème de la forêt boréale" is ecology, not corporate jargon.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

import regex

from brandvoice.languages.packs import pack_for
from brandvoice.nlp.vocabulary import strip_accents
from brandvoice.parsing.social import NOT_PROSE
from brandvoice.rules.base import RuleOptions
from brandvoice.rules.words import compile_phrases

_NOT_NEAR = "not near:"
_LETTERS = regex.compile(r"\p{L}+")
_SPACES = regex.compile(r"\s+")


class LexiconOptions(RuleOptions):
    """`lexicon: false` drops the shipped list; `add` extends it; `remove` prunes it."""

    lexicon: bool = True
    add: tuple[str, ...] = ()
    remove: tuple[str, ...] = ()


@cache
def _lexicon_lines(name: str, lang: str | None) -> tuple[tuple[str, str], ...]:
    """(entry, condition) pairs of a shipped lexicon (empty when there is none for the language)."""
    if lang is None:
        path = resources.files("brandvoice.data.lexicons").joinpath(f"{name}.txt")
    else:
        pack = pack_for(lang)
        path = pack.lexicon_file(name) if pack else None
    if path is None or not path.is_file():
        return ()
    lines = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip() if not line.lstrip().startswith("#") else ""
        if line:
            entry, _, condition = line.partition("|")
            lines.append((entry.strip(), condition.strip()))
    return tuple(lines)


@cache
def load_lexicon(name: str, lang: str | None = None) -> tuple[str, ...]:
    """Entries of a shipped lexicon (empty when there is none for the language)."""
    return tuple(entry for entry, _ in _lexicon_lines(name, lang))


@cache
def _not_near(name: str, lang: str) -> dict[str, tuple[str, ...]]:
    """Entry (folded) → the words (or `prefix*`) whose presence nearby means its literal sense."""
    conditions = {}
    for entry, condition in _lexicon_lines(name, lang):
        if condition.startswith(_NOT_NEAR):
            words = tuple(_fold(w.strip()) for w in condition[len(_NOT_NEAR) :].split(",") if w.strip())
            conditions[_fold(entry)] = words
    return conditions


def _fold(text: str) -> str:
    return strip_accents(text.casefold().replace("’", "'"))


def _near(ctx, start: int, end: int, words: tuple[str, ...]) -> bool:
    """Whether the paragraph around [start, end) holds one of `words` (hashtags' words included)."""
    for para_start, para_end in ctx.prose.paragraphs:
        if para_start <= start < para_end or para_start < end <= para_end:
            around = {_fold(w) for w in _LETTERS.findall(ctx.text, para_start, para_end)}
            return any(w[:-1] and any(a.startswith(w[:-1]) for a in around) if w.endswith("*") else w in around
                       for w in words)
    return False


def entries(name: str, lang: str, options: LexiconOptions) -> tuple[str, ...]:
    shipped = load_lexicon(name, lang) if options.lexicon else ()
    removed = {r.casefold().replace("’", "'") for r in options.remove}
    kept = [e for e in (*shipped, *options.add) if e.casefold().replace("’", "'") not in removed]
    return tuple(dict.fromkeys(kept))


@cache
def lexicon_pattern(name: str, lang: str, options: LexiconOptions):
    """One compiled alternation for the lexicon as a guide shapes it (None when empty)."""
    return compile_phrases(entries(name, lang, options), ignorecase=True)


def find(ctx, name: str, options: LexiconOptions) -> list[regex.Match]:
    """Matches of the lexicon in the text, outside URLs, mentions, hashtags and e-mails, and not
    in the literal sense a shipped entry's condition describes (found once per text and list:
    a rule and the tone profile share them)."""
    key = ("lexicon", name, options.lexicon, options.add, options.remove)
    return ctx.once(key, lambda: list(_find(ctx, name, options)))


def _find(ctx, name: str, options: LexiconOptions):
    pattern = lexicon_pattern(name, ctx.lang, options)
    if pattern is None:
        return
    conditions = _not_near(name, ctx.lang) if options.lexicon else {}
    for m in pattern.finditer(ctx.text):
        if m.end() <= m.start() or ctx.prose.overlaps(m.start(), m.end(), NOT_PROSE):
            continue
        literal = conditions.get(_fold(_SPACES.sub(" ", m.group())))
        if literal and _near(ctx, m.start(), m.end(), literal):
            continue
        yield m


def lexicon_check(name: str):
    """The whole `check` of a lexicon kind (hype, cliches, jargon): every entry found is a match."""
    from brandvoice.findings import Match

    def check(ctx, options: LexiconOptions):
        for m in find(ctx, name, options):
            yield Match(m.start(), m.end())

    return check
