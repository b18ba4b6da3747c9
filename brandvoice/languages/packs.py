"""The language packs brandvoice has, and finding the one for a language tag.

Adding a language: a folder `brandvoice/languages/<code>/` whose `__init__.py` defines `PACK`
(with lexicons in `lexicons/` if it has any), its entry below, and its base guide
`styleguides/base-<code>.yaml` (see the README's "Adding a language").
"""

from __future__ import annotations

from brandvoice.languages import de, en, fr
from brandvoice.languages.pack import LanguagePack

PACKS: dict[str, LanguagePack] = {pack.code: pack for pack in (fr.PACK, en.PACK, de.PACK)}
FALLBACK = en.PACK  # what a text in a language without a pack is measured with (readability)


def pack_for(language: str | None) -> LanguagePack | None:
    """The pack of a language tag (`fr`, `fr-CA`, `fr_ca`), if brandvoice has one."""
    if not language:
        return None
    return PACKS.get(language.replace("_", "-").split("-")[0].lower())
