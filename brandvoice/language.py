"""Language tags: normalising what users write, and telling the packs' languages apart when asked."""

from __future__ import annotations

import regex

from brandvoice.errors import BrandvoiceError
from brandvoice.languages.packs import FALLBACK, PACKS, pack_for

_WORD = regex.compile(r"\p{L}+")


def normalise_language(value: str, guide_language: str | None = None) -> str:
    """`fr` → the guide's French locale if it has one, else the pack's (fr-FR); `en_gb` → en-GB."""
    tag = value.strip().replace("_", "-")
    if not regex.fullmatch(r"[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*", tag):
        raise BrandvoiceError(f"invalid language “{value}”: use fr, en, auto or a locale such as fr-CA")
    parts = tag.split("-")
    base = parts[0].lower()
    if len(parts) == 1:
        if guide_language and guide_language.lower().startswith(base + "-"):
            return guide_language
        pack = pack_for(base)
        return pack.default_locale if pack else base
    return "-".join([base] + [p.upper() if len(p) == 2 else p for p in parts[1:]])


def detect_language(text: str) -> str:
    """The code of the pack whose function words the text uses most; on a tie, the one whose own
    letters it has (French é, German ü), else English."""
    counts = {code: 0 for code in PACKS}
    for word in _WORD.findall(text.casefold()):
        for code, pack in PACKS.items():
            counts[code] += word in pack.function_words
    best = max(counts.values())
    tied = [code for code, count in counts.items() if count == best]
    if len(tied) == 1:
        return tied[0]
    for code in tied:
        if PACKS[code].marks and regex.search(f"[{PACKS[code].marks}]", text):
            return code
    return FALLBACK.code
