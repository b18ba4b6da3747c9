"""The report's words, in its language (`labels.strings`, from the catalogues), and the summary
paragraph at its top.

French strings follow French typography (narrow no-break space before ; ! ?, no-break space
before : and %, decimal comma): the report of a tool that checks typography should get it right.
"""

from __future__ import annotations

from brandvoice.client_report.data import LOW_SCORE, ReportData
from brandvoice.client_report.labels import labels, month_name, number, report_languages, signed, strings
from brandvoice.score_totals import NO_GROUP

NNBSP = "\u202f"  # espace fine insécable, as the French strings write it
__all__ = ["NNBSP", "labels", "number", "plural", "report_languages", "strings", "summary_sentences", "training_line"]


def plural(count: int, noun: str, language: str) -> str:
    """"0 erreur", "1 erreur", "3 erreurs": the count and the noun, by the language's plural rule."""
    return strings(language).count(noun, count)


def summary_sentences(data: ReportData) -> list[str]:
    """A few sentences a CM can paste into a steering-committee deck."""
    lang = data.language
    sentences = strings(lang).sentences
    n = len(data.files)
    if n == 0:
        return [sentences["none"]]
    brands = [b for b in data.brand_counts if b != NO_GROUP]
    channels = [c for c in data.channel_counts if c != NO_GROUP]
    said = [
        sentences["checked"].format(
            posts=plural(n, "post_checked", lang),
            brands=plural(len(brands), "brand", lang),
            channels=plural(len(channels), "channel", lang),
        ),
        sentences["score"].format(
            score=number(data.score or 0, lang), low=plural(data.low_scores, "post", lang), threshold=LOW_SCORE
        ),
    ]
    named = {k: v for k, v in data.channel_scores.items() if k != NO_GROUP}
    if len(named) > 1:
        best = max(named, key=lambda k: (named[k], k))
        worst = min(named, key=lambda k: (named[k], k))
        said.append(sentences["channels"].format(
            best=best, best_score=number(named[best], lang), worst=worst, worst_score=number(named[worst], lang)
        ))
    if data.months:  # the last month against the one before
        last, previous = data.months[-1], data.months[-2]
        said.append(sentences["month"].format(
            month=month_name(last.month, lang).capitalize(), score=number(last.score, lang),
            change=signed(last.change or 0, lang), previous=month_name(previous.month, lang),
        ))
    counts = data.level_counts
    said.append(sentences["counts"].format(
        errors=plural(counts["error"], "error", lang),
        warnings=plural(counts["warning"], "warning", lang),
        suggestions=plural(counts["suggestion"], "suggestion", lang),
    ))
    return said


def training_line(data: ReportData, index: int) -> str:
    """"hotelia.superlatifs (tone): 6 posts, 3 writers" in the report's language."""
    rule = data.training[index]
    lang = data.language
    parts = [plural(rule.posts, "post", lang)]
    if rule.writers:
        parts.append(plural(rule.writers, "writer", lang))
    if rule.findings != rule.posts:
        parts.append(plural(rule.findings, "finding", lang))
    return strings(lang).sentences["training"].format(
        rule=data.rule_labels.get(rule.rule, rule.rule),
        category=data.category_labels.get(rule.category, rule.category),
        details=", ".join(parts),
    )
