"""The words behind French tu/vous (the `register` kind)."""

from __future__ import annotations

from brandvoice.languages.pack import RegisterWords

REGISTER = RegisterWords(
    informal={"tu": "vous", "te": "vous", "t'": "vous", "toi": "vous", "toi-même": "vous-même", "ton": "votre",
              "ta": "votre", "tes": "vos"},
    informal_possessives={"tien": "vôtre", "tienne": "vôtre", "tiens": "vôtres", "tiennes": "vôtres"},
    formal={"vous": "", "vous-même": "toi-même", "vous-mêmes": "", "votre": "", "vos": "tes"},
    formal_possessives={"vôtre": "", "vôtres": ""},
    articles=frozenset({"le", "la", "les", "l'", "du", "des", "au", "aux"}),
    noun_ton_after=frozenset({"le", "un", "du", "au", "ce", "mon", "son", "notre", "votre", "leur", "quel", "même",
                              "bon", "de", "d'", "en", "sur"}),
    elided_verbs={"as": "vous avez", "es": "vous êtes", "étais": "vous étiez", "avais": "vous aviez"},
    object_starters=frozenset({"le", "la", "les", "l'", "un", "une", "des", "du", "ton", "ta", "tes", "mon", "ma",
                               "mes", "nos", "notre", "votre", "vos", "ce", "cet", "cette", "ces", "leur", "leurs",
                               "vite", "maintenant", "ici"}),
    weak_starters=frozenset({"de", "d'", "du", "des", "à", "au", "aux", "avec", "sur", "dans", "chez", "pour", "en", "y",
                             "nous", "moi", "lui", "leur", "bien", "tout", "tous", "toutes", "vite", "ici",
                             "maintenant", "vers"}),
    soft_breaks=frozenset({",", "et", "puis", "ou", "mais", "alors", "donc"}),
    not_imperatives=frozenset({"vive", "vivent", "soit", "voici", "voilà", "merci", "bravo", "chez", "assez", "nez",
                               "rez", "rendez-vous", "entre", "contre", "outre", "sauf", "selon", "comme", "très",
                               "plus", "moins", "bienvenue", "bonjour", "bonsoir", "salut", "coucou", "bisous", "suite",
                               "pas", "puis"}),
    third_person_objects=frozenset({"son", "sa", "ses"}),
    clitic=r"-(?:toi|moi|nous|vous|en|y|le|la|les|lui|leur|t['’]|m['’])(?![\p{L}])",
    plural_markers=(
        r"\bvous\s+(?:tous|toutes|deux|trois|quatre|cinq|dix|cent|mille|nombreux|nombreuses)\b"
        r"|\b(?:chacun|chacune|certains|certaines|beaucoup|plusieurs|la plupart|nombre)\s+d['’]entre\s+vous\b"
        r"|\b(?:à|pour|avec|merci à)\s+(?:vous\s+)?(?:tous|toutes)\b"
        r"|\b(?:tout le monde|mesdames|messieurs|les amis|les amies|les copains|les copines|les filles|les gars"
        r"|la team|la famille|les enfants|chers|chères|les voyageurs|les aventuriers)\b"
        r"|\bvous\s+(?:êtes|étiez|serez|seriez)\s+(?:tous|toutes|nombreux|nombreuses)\b"
    ),
)
