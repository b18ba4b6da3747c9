"""brandvoice in the user's language.

Two languages are at play in a run. A finding's message is in its **draft's language** (the
engine renders built-in messages through `messages.MessageCatalog` for each draft). Everything
else a person reads in the terminal — the summary line, progress, errors, `explain`, `--help` —
is the **interface language**, which follows the user's locale (`LC_ALL`, `LC_MESSAGES`, `LANG`;
GNU `LANGUAGE` first), unless `--ui-lang` or the project's `ui_lang` says otherwise (the CLI
decides, `cli/ui.py`, and calls `set_ui_locale`).

Interface strings are English in the code, marked for the catalogues with `_()`, `ngettext()`,
`pgettext()`, or `N_()` where the text is translated later. Catalogues: `i18n/catalogs.py`.
"""

from __future__ import annotations

import os
from collections.abc import Mapping

from brandvoice.i18n.catalogs import SOURCE_LANGUAGE, language_code, speaks, translations

_ui_locale: str | None = None


def locale_from_environment(environ: Mapping[str, str] | None = None) -> str | None:
    """The first language of the user's locale that brandvoice speaks, as a tag (`fr-FR`), or
    None. POSIX order: `LC_ALL`, then `LC_MESSAGES`, then `LANG`; GNU gettext's `LANGUAGE`
    (a list, `fr:en`) comes first unless the locale is C/POSIX."""
    environ = os.environ if environ is None else environ
    locale = next((environ[name] for name in ("LC_ALL", "LC_MESSAGES", "LANG") if environ.get(name)), "")
    if not locale or locale.split(".")[0] in ("C", "POSIX"):
        return None
    for tag in [*environ.get("LANGUAGE", "").split(":"), locale]:
        tag = tag.split(".")[0].split("@")[0].replace("_", "-")
        if tag and speaks(tag):
            return tag
    return None


def set_ui_locale(tag: str | None) -> None:
    """The interface language for this process (None: the environment's)."""
    global _ui_locale
    _ui_locale = tag


def ui_locale() -> str:
    """The interface's locale tag (`fr-FR`, `en`): numbers in the interface are written its way."""
    return _ui_locale or locale_from_environment() or SOURCE_LANGUAGE


def ui_language() -> str:
    """The interface's language code (`fr`, `en`)."""
    return language_code(ui_locale())


def _(message: str) -> str:
    """An interface string in the interface language."""
    return translations(ui_language()).gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """The form for `n` ("{count} error" / "{count} errors"), by the language's plural rule."""
    return translations(ui_language()).ngettext(singular, plural, n)


def pgettext(context: str, message: str) -> str:
    return translations(ui_language()).pgettext(context, message)


def ui_number(value: float, spec: str = "g") -> str:
    """A number as the interface language writes it ("84.1", "84,1")."""
    from brandvoice.i18n.formatting import format_number

    return format_number(value, spec, ui_locale())


def N_(message: str) -> str:
    """Marks a string for the catalogues where it is translated later, with `_()`."""
    return message


__all__ = ["N_", "_", "locale_from_environment", "ngettext", "pgettext", "set_ui_locale", "ui_language", "ui_locale",
           "ui_number"]
