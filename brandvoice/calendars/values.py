"""A calendar row's values in brandvoice's terms: networks as channels ("Insta", "X (Twitter)",
"LinkedIn + FB"), brands as guides (by id or display name), languages ("FR", "Français",
"English") and dates (cells typed as dates, Excel serial numbers, "12/10/2026", "12 oct. 2026").

A value that cannot be mapped raises `Unmapped`, which the runner turns into an error naming the
cell and its column; the project configuration's `calendar: {channels: ..., brands: ...}` maps
the calendar's own names.
"""

from __future__ import annotations

import functools
import unicodedata
from collections.abc import Iterable, Mapping
from datetime import date, datetime

import regex

from brandvoice.i18n import _

# the names CMs give networks, normalised (see `normalise`)
CHANNEL_ALIASES: dict[str, tuple[str, ...]] = {
    "x": ("x", "twitter", "x twitter", "twitter x", "tweet", "tweets", "tw"),
    "linkedin": ("linkedin", "linked in", "lkdn", "lnkd", "li"),
    "instagram": ("instagram", "insta", "ig", "instagram reel", "instagram story", "insta story", "instagram post"),
    "facebook": ("facebook", "fb", "face book", "facebook post"),
    "tiktok": ("tiktok", "tik tok", "tt"),
    "threads": ("threads",),
    "bluesky": ("bluesky", "blue sky", "bsky"),
    "mastodon": ("mastodon", "masto"),
}
_SEPARATORS = regex.compile(r"[,;/+&|\n]|\s(?:et|and)\s", regex.IGNORECASE)
_NUMERIC_DATE = regex.compile(r"^(\d{1,4})[/.\-](\d{1,2})[/.\-](\d{1,4})(?:[ T].*)?$")
_SERIAL = regex.compile(r"^\d{4,5}(?:[.,]\d+)?$")
MIN_SERIAL, MAX_SERIAL = 1, 2958465  # 1900-01-01 .. 9999-12-31


def normalise(value: object) -> str:
    """"Réseau social " → "reseau social"; "X (Twitter)" → "x twitter"."""
    text = unicodedata.normalize("NFKD", str(value or "")).casefold()
    text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(regex.findall(r"[\p{L}\p{N}]+", text))


class Unmapped(ValueError):
    """A row value brandvoice cannot map, with what it knows instead."""


def channels_of(value: str, known: Iterable[str], names: Mapping[str, str | None]) -> tuple[str, ...]:
    """The channels a network cell names; `known` are the guide's channels, `names` the
    configuration's own mapping (to a channel, or to None: no channel)."""
    known = list(known)
    by_name = {normalise(k): v for k, v in names.items()}
    if normalise(value) in by_name:
        mapped = by_name[normalise(value)]
        return (mapped,) if mapped else ()
    found: list[str] = []
    for part in _SEPARATORS.split(value):
        words = normalise(part)
        if not words:
            continue
        channel = _channel(words, known, by_name)
        if channel is _UNKNOWN:
            raise Unmapped(_("“{value}” is not a network brandvoice knows (channels: {known})").format(
                value=part.strip(), known=", ".join(known)))
        if channel and channel not in found:
            found.append(channel)
    return tuple(found)


_UNKNOWN = object()


def _channel(words: str, known: list[str], by_name: Mapping[str, str | None]) -> object:
    if words in by_name:
        return by_name[words]
    ids = {normalise(k): k for k in known}
    if words in ids:
        return ids[words]
    aliases = _aliases()
    if words in aliases and aliases[words] in known:
        return aliases[words]
    first = words.split()[0]  # "Insta carrousel", "LinkedIn (page)"
    if first in aliases and aliases[first] in known and first not in ("li", "tt", "tw"):
        return aliases[first]
    return _UNKNOWN


@functools.cache
def _aliases() -> dict[str, str]:
    return {alias: channel for channel, aliases in CHANNEL_ALIASES.items() for alias in aliases}


def brand_of(value: str, guides: Mapping[str, str], names: Mapping[str, str]) -> str:
    """The guide a brand cell names: the configuration's mapping, else a guide whose id or display
    name it is (without case, accents or punctuation: "Hôtelia" is `hotelia`)."""
    words = normalise(value)
    by_name = {normalise(k): v for k, v in names.items()}
    if words in by_name:
        return by_name[words]
    for guide_id, display in guides.items():
        if words in (normalise(guide_id), normalise(display)):
            return guide_id
    shown = ", ".join(f"{g} ({n})" if n and n != g else g for g, n in guides.items())
    raise Unmapped(_("“{value}” is not a brand brandvoice has a guide for (guides: {guides})").format(
        value=value.strip(), guides=shown))


def language_of(value: str, codes: Iterable[str]) -> str:
    """A language cell as a tag: "fr", "fr-CA", "FR", "Français", "anglais", "English"."""
    text = value.strip()
    if regex.fullmatch(r"[A-Za-z]{2}(?:[-_][A-Za-z]{2})?", text):
        language, _, region = text.replace("_", "-").partition("-")
        return language.lower() + (f"-{region.upper()}" if region else "")
    names = _language_names(tuple(codes))
    if normalise(text) in names:
        return names[normalise(text)]
    raise Unmapped(_("“{value}” is not a language brandvoice knows ({languages})").format(
        value=text, languages=", ".join(sorted(set(names.values())))))


@functools.cache
def _language_names(codes: tuple[str, ...]) -> dict[str, str]:
    """Each language's name in each of the languages (from Babel's CLDR data): "français",
    "French", "Französisch" → fr."""
    from babel import Locale

    names = {}
    for code in codes:
        for display in codes:
            names[normalise(Locale.parse(code).get_display_name(display))] = code
    return names


def date_of(value: object, epoch: datetime, day_first: bool = True) -> date | None:
    """A date cell: a date, an Excel serial number, or text; None when it says no date."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return _serial(value, epoch)
    text = str(value or "").strip()
    if not text:
        return None
    if _SERIAL.match(text):
        return _serial(float(text.replace(",", ".")), epoch)
    try:
        return datetime.fromisoformat(text).date()
    except ValueError:
        pass
    numeric = _NUMERIC_DATE.match(text)
    if numeric:
        return _numeric(*(int(g) for g in numeric.groups()), day_first=day_first)
    return _spelled(text)


def _serial(value: float, epoch: datetime) -> date | None:
    from openpyxl.utils.datetime import from_excel

    if not MIN_SERIAL <= value <= MAX_SERIAL:
        return None
    result = from_excel(value, epoch)
    return result.date() if isinstance(result, datetime) else result


def _numeric(a: int, b: int, c: int, day_first: bool) -> date | None:
    if a > 31:  # 2026/10/12
        year, month, day = a, b, c
    else:
        year = c + 2000 if c < 100 else c
        day, month = (a, b) if day_first else (b, a)
        if month > 12 and day <= 12:  # 10/25/2026 in a day-first calendar is still 25 October
            day, month = month, day
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _spelled(text: str) -> date | None:
    """"lundi 12 octobre 2026", "12 oct. 2026", "Oct 12, 2026": month names from Babel (fr, en, de)."""
    months = _month_names()
    words = normalise(text).split()
    month = next((months[w] for w in words if w in months), None)
    numbers = [int(w) for w in words if w.isdigit()]
    day = next((n for n in numbers if 1 <= n <= 31), None)
    year = next((n for n in numbers if n > 31), None)
    if month is None or day is None or year is None:
        return None
    try:
        return date(year if year > 99 else year + 2000, month, day)
    except ValueError:
        return None


@functools.cache
def _month_names() -> dict[str, int]:
    from babel import Locale

    names: dict[str, int] = {}
    for code in ("fr", "en", "de"):
        months = Locale.parse(code).months["format"]
        for width in ("wide", "abbreviated"):
            for number, name in months[width].items():
                names[normalise(name)] = number
    return names
