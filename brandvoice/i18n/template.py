"""The catalogues' template — every string brandvoice translates, gathered from where the code
declares it — and the maintainer's commands that keep each language's catalogue in step with it.

```sh
python -m brandvoice.i18n.template update        # every catalogue: new strings added, changed ones fuzzy
python -m brandvoice.i18n.template new de        # start brandvoice/languages/de/messages.po
python -m brandvoice.i18n.template check         # what is missing, fuzzy, unused or mismatched
```

The template holds, each under its context:
- the built-in messages of the kinds and features (`registry.MESSAGES`) and the client report's
  words (`client_report/words.py`), context = the message id;
- the separators messages are joined with (context `separator`);
- the kinds' documentation and their examples' notes (`explain`; contexts in `docs.py`);
- the interface strings marked in the code with `_()`, `ngettext()`, `pgettext()` or `N_()`
  (Babel's Python extractor);
- the command line's help texts (read from the Typer app itself).

It imports the whole application: a tool for maintainers and tests, never imported by brandvoice.
"""

from __future__ import annotations

import inspect
import io
import string
import sys
from collections.abc import Iterable
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.pofile import read_po, write_po

from brandvoice import __version__
from brandvoice.i18n.catalogs import LANGUAGES_DIR, SOURCE_LANGUAGE, catalog_file, catalog_languages

PACKAGE = Path(__file__).resolve().parent.parent


def template() -> Catalog:
    """Every string brandvoice translates, with its context."""
    from brandvoice.cli.app import app
    from brandvoice.cli.ui import help_texts
    from brandvoice.client_report.words import CATALOG as REPORT
    from brandvoice.docs import DOC_CONTEXT, NOTE_CONTEXT
    from brandvoice.messages import SEPARATOR_CONTEXT, SEPARATORS, Plural
    from brandvoice.registry import KINDS, MESSAGES

    catalog = Catalog(project="brandvoice", version=__version__, charset="utf-8", fuzzy=False)
    for message_id, entry in [*MESSAGES.templates.items(), *REPORT.templates.items()]:
        msgid = (entry.one, entry.other) if isinstance(entry, Plural) else entry
        comments = [f"plural by {{{entry.n}}}"] if isinstance(entry, Plural) else []
        catalog.add(msgid, context=message_id, auto_comments=comments)
    for separator in SEPARATORS:
        catalog.add(separator, context=SEPARATOR_CONTEXT)
    for kind in KINDS:
        catalog.add(inspect.cleandoc(kind.doc), context=DOC_CONTEXT, auto_comments=[f"kind {kind.name}"])
        for example in kind.examples:
            if example.note:
                catalog.add(example.note, context=NOTE_CONTEXT, auto_comments=[f"kind {kind.name}"])
    for filename, lineno, message, _comments, context in extract_from_dir(
        str(PACKAGE), method_map=[("**.py", "python")], keywords=DEFAULT_KEYWORDS
    ):
        if message and (not isinstance(message, tuple) or all(message)):
            catalog.add(message, context=context, locations=[(f"brandvoice/{filename}", lineno)])
    for text in help_texts(app):
        if text not in catalog:
            catalog.add(text, auto_comments=["command-line help"])
    return catalog


def read_catalog(code: str) -> Catalog:
    with catalog_file(code).open("rb") as handle:
        return read_po(handle, locale=code)


def write_catalog(catalog: Catalog, code: str) -> None:
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=100, ignore_obsolete=True, include_previous=True)
    catalog_file(code).write_bytes(buffer.getvalue())


def update(codes: Iterable[str]) -> None:
    """Bring catalogues in step with the template: new strings added (untranslated), strings whose
    English changed marked fuzzy with their old translation, strings no longer used removed."""
    current = template()
    for code in codes:
        catalog = read_catalog(code)
        catalog.update(current, no_fuzzy_matching=False, update_header_comment=False, update_creation_date=False)
        write_catalog(catalog, code)


def new(code: str) -> Path:
    """Start the catalogue of a language pack that has none."""
    path = catalog_file(code)
    if not path.parent.is_dir():
        raise SystemExit(f"no language pack brandvoice/languages/{code}/: create the pack first")
    if path.exists():
        raise SystemExit(f"{path} exists: use `update`")
    catalog = Catalog(locale=code, project="brandvoice", version=__version__, charset="utf-8", fuzzy=False)
    catalog.update(template())
    write_catalog(catalog, code)
    return path


def placeholders(text: str) -> set[str]:
    """The `{name}` fields of a template (the whole braces when it is not a format string)."""
    try:
        return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}
    except ValueError:
        return {text[i : text.index("}", i) + 1] for i in range(len(text)) if text[i] == "{" and "}" in text[i:]}


def problems(code: str, reference: Catalog | None = None) -> list[str]:
    """What keeps a language's catalogue from being complete: strings of the template without a
    translation (or only a fuzzy one), entries the template no longer has, and translations whose
    placeholders differ from the English."""
    reference = reference if reference is not None else template()
    catalog = read_catalog(code)
    found: list[str] = []
    for message in reference:
        if not message.id:
            continue
        translated = catalog.get(message.id, message.context)
        where = f"{message.context or ''}|{message.id if isinstance(message.id, str) else message.id[0]}"
        if translated is None or translated.fuzzy or not all(_forms(translated.string)):
            found.append(f"{code}: not translated: {where!r}")
            continue
        english = placeholders(message.id[-1] if isinstance(message.id, tuple) else message.id)
        for form in _forms(translated.string):
            if placeholders(form) != english:
                found.append(f"{code}: placeholders {sorted(placeholders(form))} instead of {sorted(english)}: {where!r}")
    for message in catalog:
        if message.id and reference.get(message.id, message.context) is None:
            found.append(f"{code}: unused entry: {message.context or ''}|{message.id!r}")
    return found


def _forms(translation: str | tuple[str, ...]) -> tuple[str, ...]:
    return translation if isinstance(translation, tuple) else (translation,)


def main(argv: list[str]) -> int:
    command, *codes = argv or ["check"]
    spoken = [c for c in catalog_languages() if c != SOURCE_LANGUAGE]
    if command == "update":
        update(codes or spoken)
    elif command == "new" and len(codes) == 1:
        print(f"wrote {new(codes[0])}")
    elif command == "check":
        found = [p for code in codes or spoken for p in problems(code)]
        print("\n".join(found) or f"complete: {', '.join(codes or spoken)}")
        return 1 if found else 0
    else:
        print(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))


__all__ = ["LANGUAGES_DIR", "problems", "template", "update"]
