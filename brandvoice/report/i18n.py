"""The report's words in French and English, and the summary paragraph at its top.

French strings follow French typography (narrow no-break space before ; : ! ?, no-break space
before %, decimal comma): the report of a tool that checks typography should get it right.
"""

from __future__ import annotations

from brandvoice.report.data import LOW_SCORE, ReportData
from brandvoice.score import NO_GROUP

NNBSP = "\u202f"  # espace fine insécable

LABELS: dict[str, dict[str, str]] = {
    "en": {
        "title": "Brand voice report",
        "generated": "Generated on",
        "summary": "Summary",
        "posts": "posts",
        "score": "Voice score",
        "mean_score": "mean voice score",
        "errors": "errors",
        "warnings": "warnings",
        "suggestions": "suggestions",
        "charts": "Charts",
        "chart_distribution": "Score distribution",
        "chart_brand": "Mean score by brand",
        "chart_channel": "Mean score by channel",
        "chart_rules": "Most frequent rules",
        "chart_categories": "Findings by category",
        "chart_time": "Scores over time (last commit date)",
        "chart_author": "Mean score by author",
        "weekly_mean": "weekly mean",
        "daily_mean": "daily mean",
        "none": "(none)",
        "axis_score": "score",
        "axis_posts": "posts",
        "axis_findings": "findings",
        "files": "Posts, worst first",
        "findings": "Findings",
        "file": "File",
        "brand": "Brand",
        "channel": "Channel",
        "author": "Author",
        "date": "Date",
        "words": "Words",
        "level": "Level",
        "rule": "Rule",
        "category": "Category",
        "line": "Line",
        "message": "Message",
        "match": "Text",
        "suggestion": "Suggestion",
        "all": "all",
        "search": "Search…",
        "shown": "shown",
        "of": "of",
        "no_findings": "No findings: every post is on-voice.",
        "skipped": "Skipped files",
        "error": "error",
        "warning": "warning",
        "suggestion_level": "suggestion",
        "training": "Worth a training session",
    },
    "fr": {
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
        "no_findings": f"Aucun constat{NNBSP}: toutes les publications sont dans la voix de la marque.",
        "skipped": "Fichiers ignorés",
        "error": "erreur",
        "warning": "avertissement",
        "suggestion_level": "suggestion",
        "training": "À travailler en formation",
    },
}


def number(value: float, language: str) -> str:
    """73.5 → "73.5" or "73,5"; whole numbers without decimals."""
    text = f"{value:.1f}".rstrip("0").rstrip(".")
    return text.replace(".", ",") if language == "fr" else text


def plural(count: int, singular: str, plural_form: str) -> str:
    return f"{count} {singular if count == 1 else plural_form}"


def summary_sentences(data: ReportData) -> list[str]:
    """A few sentences a CM can paste into a steering-committee deck."""
    fr = data.language == "fr"
    colon = f"{NNBSP}:" if fr else ":"
    semicolon = f"{NNBSP};" if fr else ";"
    n = len(data.files)
    if n == 0:
        return ["Aucune publication analysée." if fr else "No posts were checked."]
    brands = [b for b in data.brand_counts if b != NO_GROUP]
    channels = [c for c in data.channel_counts if c != NO_GROUP]
    sentences = []
    if fr:
        sentences.append(
            f"{plural(n, 'publication analysée', 'publications analysées')} "
            f"({plural(len(brands), 'marque', 'marques')}, {plural(len(channels), 'canal', 'canaux')})."
        )
        low = plural(data.low_scores, "publication", "publications")
        sentences.append(
            f"Score de voix moyen{colon} {number(data.score or 0, 'fr')}/100{semicolon} {low} sous {LOW_SCORE}."
        )
    else:
        sentences.append(
            f"{plural(n, 'post', 'posts')} checked "
            f"({plural(len(brands), 'brand', 'brands')}, {plural(len(channels), 'channel', 'channels')})."
        )
        low = plural(data.low_scores, "post", "posts")
        sentences.append(f"Mean voice score{colon} {number(data.score or 0, 'en')}/100{semicolon} {low} below {LOW_SCORE}.")
    named = {k: v for k, v in data.channel_scores.items() if k != NO_GROUP}
    if len(named) > 1:
        best = max(named, key=lambda k: (named[k], k))
        worst = min(named, key=lambda k: (named[k], k))
        if fr:
            sentences.append(
                f"Meilleur canal{colon} {best} ({number(named[best], 'fr')}){semicolon} "
                f"le plus faible{colon} {worst} ({number(named[worst], 'fr')})."
            )
        else:
            sentences.append(
                f"Best channel{colon} {best} ({number(named[best], 'en')}){semicolon} "
                f"weakest{colon} {worst} ({number(named[worst], 'en')})."
            )
    counts = data.level_counts
    if fr:
        sentences.append(
            f"{plural(counts['error'], 'erreur', 'erreurs')}, "
            f"{plural(counts['warning'], 'avertissement', 'avertissements')}, "
            f"{plural(counts['suggestion'], 'suggestion', 'suggestions')}."
        )
    else:
        sentences.append(
            f"{plural(counts['error'], 'error', 'errors')}, {plural(counts['warning'], 'warning', 'warnings')}, "
            f"{plural(counts['suggestion'], 'suggestion', 'suggestions')}."
        )
    return sentences


def training_line(data: ReportData, index: int) -> str:
    """"hotelia.superlatifs (tone): 6 posts, 3 writers" in the report's language."""
    rule = data.training[index]
    fr = data.language == "fr"
    colon = f"{NNBSP}:" if fr else ":"
    parts = [plural(rule.posts, "publication", "publications") if fr else plural(rule.posts, "post", "posts")]
    if rule.writers:
        parts.append(plural(rule.writers, "auteur", "auteurs") if fr else plural(rule.writers, "writer", "writers"))
    if rule.findings != rule.posts:
        parts.append(plural(rule.findings, "constat", "constats") if fr else plural(rule.findings, "finding", "findings"))
    return f"{rule.rule} ({rule.category}){colon} {', '.join(parts)}"
