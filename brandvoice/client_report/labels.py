"""What a client reads instead of ids, in the report's language: rules and categories by name,
brands by their guide's display name, networks by their label, a post's status, and numbers and
dates as the locale writes them (Babel: "78,1" in French, "78.1" in English).

A rule's name is the catalogue's name for its id (`typography.fr.nbsp` → « Espaces
insécables »), or for an id prefix (`languagetool.MORFOLOGIK_RULE_FR_FR` → « Orthographe »,
`hotelia.terms.e-mail` → « Terminologie : « e-mail » »); else the guide author's `description` of
it; else, for a brand's rule, its key in the guide (`hotelia.vocabulaire-maison` → « Vocabulaire
maison »).
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from brandvoice.client_report import words
from brandvoice.findings import FileResult, Finding, Level
from brandvoice.i18n.catalogs import speaks
from brandvoice.languages.pack import ReportFormat
from brandvoice.languages.packs import FALLBACK, PACKS
from brandvoice.score_totals import NO_GROUP

BUILT_IN_NAMESPACES = ("voice", "tone", "channel", "disclosure", "typography", "inclusive", "languagetool")


@dataclass(frozen=True)
class ReportStrings:
    """The report's words in one language, from the catalogues (`words.py` has them in English),
    and how the language writes numbers, dates and CSV files (its pack's `ReportFormat`)."""

    labels: Mapping[str, str]
    sentences: Mapping[str, str]
    rules: Mapping[str, str]  # a rule's name by its id or an id prefix; `{name}` is the rest of the id
    categories: Mapping[str, str]
    statuses: Mapping[str, str]  # ok, review, blocking
    language: str
    format: ReportFormat

    def __getattr__(self, name: str) -> Any:  # locale, decimal_separator, csv_separator...
        return getattr(self.format, name)

    def count(self, noun: str, count: int) -> str:
        """"1 erreur", "3 erreurs": by the language's plural rule."""
        return words.CATALOG.text(f"report.noun.{noun}", {"count": count}, self.language)


def report_languages() -> tuple[str, ...]:
    """The languages a report can be written in: the packs with a report format and a catalogue."""
    return tuple(code for code, pack in PACKS.items() if pack.report is not None and speaks(code))


def strings(language: str | None) -> ReportStrings:
    """The report's words in a language (English's for a language reports are not written in)."""
    code = (language or "").split("-")[0].lower()
    return _strings(code if code in report_languages() else FALLBACK.code)


@functools.cache
def _strings(code: str) -> ReportStrings:
    def table(messages: Mapping[str, Any]) -> dict[str, str]:
        return {message_id.split(".", 2)[2]: words.CATALOG.template(message_id, code) for message_id in messages}

    return ReportStrings(
        labels=table(words.LABELS), sentences=table(words.SENTENCES), rules=table(words.RULES),
        categories=table(words.CATEGORIES), statuses=table(words.STATUSES), language=code, format=PACKS[code].report,
    )


def labels(language: str) -> Mapping[str, str]:
    return strings(language).labels


def number(value: float, language: str, decimals: int = 1) -> str:
    """73.5 → "73.5" or "73,5"; whole numbers without decimals; per the locale (Babel)."""
    from babel.numbers import format_decimal

    pattern = "#,##0" + ("." + "#" * decimals if decimals else "")
    return format_decimal(round(value, decimals), format=pattern, locale=strings(language).locale)


def signed(value: float, language: str) -> str:
    """+3.2 / −1,5 (with a true minus sign)."""
    text = number(abs(value), language)
    return ("+" if value > 0 else "−" if value < 0 else "±") + text


def month_name(month: date, language: str) -> str:
    """October 2026 / octobre 2026."""
    from babel.dates import format_date

    return format_date(month, "LLLL y", locale=strings(language).locale)


def rule_label(rule_id: str, language: str, rules: Mapping[str, Any] | None = None, category: str = "") -> str:
    table = strings(language).rules
    namespace, _, rest = rule_id.partition(".")
    candidates = [key for key in table if rule_id == key or rule_id.startswith(key + ".") or rule_id.startswith(key + "_")]
    if namespace not in BUILT_IN_NAMESPACES:  # a brand's rule: <guide>.terms.<use>, <guide>.<key>
        candidates += [key for key in table if key.startswith("*.") and ("." + rest).startswith(key[1:])]
    if candidates:
        key = max(candidates, key=len)
        name = rule_id.removeprefix(namespace + key[1:] if key.startswith("*.") else key).lstrip("._")
        found_in = category_label(category, language) if category else ""
        return table[key].format(name=name or rule_id, category=found_in[:1].upper() + found_in[1:])
    rule = (rules or {}).get(rule_id)
    description = (getattr(rule, "description", "") or "").strip()
    kind = getattr(rule, "kind", None)
    if description and description != getattr(kind, "summary", None):  # the guide author's own words
        return description.splitlines()[0].rstrip(".")
    if namespace not in BUILT_IN_NAMESPACES and rest:
        return _humanised(rest)
    return rule_id


def _is_built_in(rule_id: str) -> bool:
    return rule_id.split(".")[0] in BUILT_IN_NAMESPACES


def _humanised(key: str) -> str:
    """"vocabulaire-maison" → "Vocabulaire maison"."""
    words = key.replace("_", " ").replace("-", " ").replace(".", " ").split()
    text = " ".join(words)
    return text[:1].upper() + text[1:]


def category_label(category: str, language: str) -> str:
    return strings(language).categories.get(category, category)


def brand_names(guides: Mapping[str, Any]) -> dict[str, str]:
    """Guide id → the brand's display name (its guide's `name`)."""
    return {guide_id: getattr(guide, "name", "") or guide_id for guide_id, guide in guides.items()}


def channel_label(channel: str) -> str:
    from brandvoice.channels.profiles import shipped_profiles

    profile = shipped_profiles().get(channel)
    return profile.label if profile is not None and profile.label else channel


def group_name(name: str | None, language: str, names: Mapping[str, str] | None = None) -> str:
    if not name or name == NO_GROUP:
        return labels(language)["none"]
    return (names or {}).get(name, name)


def status_of(findings: Iterable[Finding], fail_on: Level = Level.ERROR) -> str:
    """"blocking" with a finding at or above the fail level, "review" with a warning below it,
    else "ok" (suggestions alone do not hold a post back)."""
    worst = max((f.level for f in findings), default=None)
    if worst is not None and worst >= fail_on:
        return "blocking"
    if worst is not None and worst >= Level.WARNING:
        return "review"
    return "ok"


def post_language(result: FileResult, fallback: str) -> str:
    """The report language closest to a post's: its own when reports are written in it."""
    code = (result.language or "").split("-")[0].lower()
    return code if code in report_languages() else fallback
