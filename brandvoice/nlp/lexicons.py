"""The shipped word lists, extendable and prunable per guide, and the options every lexicon kind
shares. A language's lists are in its pack (`brandvoice/languages/<lang>/lexicons/<name>.txt`);
lists for every language (acronyms) in `brandvoice/data/lexicons/<name>.txt`."""

from __future__ import annotations

from functools import cache
from importlib import resources

from brandvoice.languages.packs import pack_for
from brandvoice.rules.base import RuleOptions
from brandvoice.rules.words import compile_phrases


class LexiconOptions(RuleOptions):
    """`lexicon: false` drops the shipped list; `add` extends it; `remove` prunes it."""

    lexicon: bool = True
    add: tuple[str, ...] = ()
    remove: tuple[str, ...] = ()


@cache
def load_lexicon(name: str, lang: str | None = None) -> tuple[str, ...]:
    """Entries of a shipped lexicon (empty when there is none for the language)."""
    if lang is None:
        path = resources.files("brandvoice.data.lexicons").joinpath(f"{name}.txt")
    else:
        pack = pack_for(lang)
        path = pack.lexicon_file(name) if pack else None
    if path is None or not path.is_file():
        return ()
    entries = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip() if not line.lstrip().startswith("#") else ""
        if line:
            entries.append(line)
    return tuple(entries)


def entries(name: str, lang: str, options: LexiconOptions) -> tuple[str, ...]:
    shipped = load_lexicon(name, lang) if options.lexicon else ()
    removed = {r.casefold().replace("’", "'") for r in options.remove}
    kept = [e for e in (*shipped, *options.add) if e.casefold().replace("’", "'") not in removed]
    return tuple(dict.fromkeys(kept))


@cache
def lexicon_pattern(name: str, lang: str, options: LexiconOptions):
    """One compiled alternation for the lexicon as a guide shapes it (None when empty)."""
    return compile_phrases(entries(name, lang, options), ignorecase=True)


def find(ctx, name: str, options: LexiconOptions):
    """Matches of the lexicon in the text, outside URLs, mentions, hashtags and e-mails."""
    pattern = lexicon_pattern(name, ctx.lang, options)
    if pattern is None:
        return
    for m in pattern.finditer(ctx.text):
        if m.end() > m.start() and not ctx.prose.overlaps(m.start(), m.end(), ("url", "email", "mention", "hashtag")):
            yield m


def lexicon_check(name: str):
    """The whole `check` of a lexicon kind (hype, cliches, jargon): every entry found is a match."""
    from brandvoice.findings import Match

    def check(ctx, options: LexiconOptions):
        for m in find(ctx, name, options):
            yield Match(m.start(), m.end())

    return check
