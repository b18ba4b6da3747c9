"""German: a minimal pack, the example of what a new language needs.

It has no spaCy model of its own by default (`de_core_news_sm` is used when installed; else a
blank pipeline with a sentencizer), no lexicons and no report strings (reports are in English);
LanguageTool checks German grammar and spelling (`brandvoice languagetool install --languages de`).
"""

from __future__ import annotations

from brandvoice.languages.pack import LanguagePack, PersonWords, ReadabilityFormula

PACK = LanguagePack(
    code="de",
    name="German",
    default_locale="de-DE",
    locales=("de-DE", "de-AT", "de-CH"),
    spacy_models=("de_core_news_sm",),
    stand_in_name="Paul",
    # Amstad's adaptation of Flesch's reading ease to German
    readability=ReadabilityFormula("Amstad", 180, 1.0, 58.5, hyphenation="de_DE"),
    function_words=frozenset(
        "der und ist nicht mit ein eine einen das wir ich auf für sind wird auch sich dem zu von bei oder aber "
        "nur noch ihr euch unser unsere sie".split()
    ),
    marks="äöüß",
    capitalised_nouns=True,
    alphabet="abcdefghijklmnopqrstuvwxyzäöüß'-",
    person=PersonWords(
        singular=("ich", "mich", "mir", "mein", "meine", "meinen", "meinem", "meiner", "meines"),
        plural=("wir", "uns", "unser", "unsere", "unseren", "unserem", "unserer", "unseres"),
        speaker={"we": "„wir“", "third": "ihren Namen"},
    ),
    default_market=None,
)
