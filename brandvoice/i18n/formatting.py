"""Numbers and lists as a language writes them, through Babel (CLDR data): "3,000" and "0.35" in
English, "3 000" and "0,35" in French, "#A, #B and #C" / "#A, #B et #C".

Templates keep Python's format syntax; the number formats they may use are `{n}` (an integer as
is), `{n:,}` (grouped), `{x:g}`, `{x:.1f}` and `{share:.0%}`. Babel is imported only when a
number in another language than English, or a list, is formatted.
"""

from __future__ import annotations

import functools
import string
from collections.abc import Mapping, Sequence
from typing import Any


@functools.cache
def babel_locale(tag: str):
    """The Babel locale of a tag (`fr-CA`, `fr_FR.UTF-8`, `en`); English for one CLDR lacks."""
    from babel import Locale, UnknownLocaleError

    cleaned = tag.split(".")[0].split("@")[0].replace("-", "_")
    try:
        return Locale.parse(cleaned)
    except (UnknownLocaleError, ValueError):
        return Locale.parse("en")


def format_number(value: float, spec: str, locale: str) -> str:
    """`value` formatted by the format spec `spec`, in the locale's digits and separators."""
    if isinstance(value, int) and not spec:
        return str(value)
    if locale.split("-")[0].split("_")[0].lower() == "en":
        return format(value, spec)  # Python's format specs write numbers as English does
    from babel.numbers import format_decimal, format_percent

    where = babel_locale(locale)
    if spec == ",":
        return format_decimal(value, format="#,##0.###", locale=where)
    if spec in ("", "g"):
        return format_decimal(value, format="0.######", locale=where)
    if spec.startswith(".") and spec.endswith("f") and spec[1:-1].isdigit():
        digits = int(spec[1:-1])
        return format_decimal(value, format="0." + "0" * digits if digits else "0", locale=where)
    if spec == ".0%":
        return format_percent(value, locale=where)
    return format(value, spec)  # other specs (a guide's own template): as Python writes them


def format_list(items: Sequence[str], style: str, locale: str) -> str:
    """"a, b and c" (`style="standard"`), "a, b or c" (`"or"`), in the locale's words."""
    from babel.lists import format_list as babel_format_list

    return babel_format_list(list(items), style=style, locale=babel_locale(locale))


class LocalizedFormatter(string.Formatter):
    """`str.format` with numbers in a locale's writing; placeholders without a value stay visible
    (`{count}`) rather than failing."""

    def __init__(self, locale: str) -> None:
        self.locale = locale

    def get_value(self, key: int | str, args: Sequence[Any], kwargs: Mapping[str, Any]) -> Any:
        if isinstance(key, str) and key not in kwargs:
            return _Missing(key)
        return super().get_value(key, args, kwargs)

    def format_field(self, value: Any, format_spec: str) -> str:
        if isinstance(value, _Missing):
            return "{" + value.name + (":" + format_spec if format_spec else "") + "}"
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return format_number(value, format_spec, self.locale)
        return format(value, format_spec)


class _Missing:
    def __init__(self, name: str) -> None:
        self.name = name


@functools.cache
def formatter(locale: str) -> LocalizedFormatter:
    return LocalizedFormatter(locale)
