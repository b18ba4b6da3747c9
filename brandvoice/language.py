"""Language tags: normalising what users write, and telling French from English when asked."""

from __future__ import annotations

import regex

from brandvoice.errors import BrandvoiceError

DEFAULT_LOCALES = {"fr": "fr-FR", "en": "en-US", "de": "de-DE", "es": "es-ES"}

_FRENCH = frozenset(
    "le la les un une des du de et est sont pour avec dans sur pas vous nous tu je il elle ce cette "
    "ces qui que au aux mais ou où très plus votre vos notre nos ton ta tes été être avoir fait".split()
)
_ENGLISH = frozenset(
    "the a an and is are for with in on not you we i he she it this that these who what but or very "
    "more your our my to of be have has was were just".split()
)
_WORD = regex.compile(r"\p{L}+")


def normalise_language(value: str, guide_language: str | None = None) -> str:
    """`fr` → the guide's French locale if it has one, else fr-FR; `en_gb` → en-GB."""
    tag = value.strip().replace("_", "-")
    if not regex.fullmatch(r"[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*", tag):
        raise BrandvoiceError(f"invalid language “{value}”: use fr, en, auto or a locale such as fr-CA")
    parts = tag.split("-")
    base = parts[0].lower()
    if len(parts) == 1:
        if guide_language and guide_language.lower().startswith(base + "-"):
            return guide_language
        return DEFAULT_LOCALES.get(base, base)
    return "-".join([base] + [p.upper() if len(p) == 2 else p for p in parts[1:]])


def detect_language(text: str) -> str:
    """French or English, by function words; French wins ties only with French diacritics."""
    french = english = 0
    for word in _WORD.findall(text.casefold()):
        french += word in _FRENCH
        english += word in _ENGLISH
    if french == english:
        return "fr" if regex.search(r"[éèêàçùœ]", text) else "en"
    return "fr" if french > english else "en"
