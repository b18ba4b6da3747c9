"""The message catalogues: one gettext catalogue per language, in its language pack
(`brandvoice/languages/<code>/messages.po`). English is the source language: its words are in the
code, so it needs no catalogue.

The `.po` files are the sources, and the only form kept in the repository. The first time a
process needs a language, its catalogue is compiled with Babel into a `.mo` file in the user's
cache folder, named by the hash of the `.po` (an edited catalogue is compiled again, whatever
the install: editable, wheel, pre-commit environment); later processes load that `.mo` with the
standard library's `gettext`, without importing Babel.
"""

from __future__ import annotations

import functools
import gettext
import hashlib
import io
import os
from pathlib import Path

SOURCE_LANGUAGE = "en"
CATALOG_NAME = "messages.po"
LANGUAGES_DIR = Path(__file__).resolve().parent.parent / "languages"
STALE_SECONDS = 30 * 24 * 3600


def language_code(tag: str) -> str:
    """`fr`, `fr-CA`, `fr_CA.UTF-8`, `fr_CA@euro` → `fr`."""
    return tag.replace("_", "-").split(".")[0].split("@")[0].split("-")[0].lower()


def catalog_file(code: str) -> Path:
    return LANGUAGES_DIR / code / CATALOG_NAME


@functools.cache
def catalog_languages() -> tuple[str, ...]:
    """The languages brandvoice speaks: English, then every pack that has a catalogue."""
    found = sorted(p.parent.name for p in LANGUAGES_DIR.glob(f"*/{CATALOG_NAME}"))
    return (SOURCE_LANGUAGE, *(code for code in found if code != SOURCE_LANGUAGE))


def speaks(tag: str | None) -> bool:
    return bool(tag) and language_code(tag) in catalog_languages()


@functools.cache
def translations(code: str) -> gettext.NullTranslations:
    """The catalogue of a language (`fr`); the source language and languages without a catalogue
    get the untranslated (English) words."""
    if code == SOURCE_LANGUAGE or code not in catalog_languages():
        return gettext.NullTranslations()
    source = catalog_file(code).read_bytes()
    compiled = _cache_dir() / f"{code}-{hashlib.sha256(source).hexdigest()[:16]}.mo"
    try:
        with compiled.open("rb") as handle:
            return gettext.GNUTranslations(handle)
    except OSError:
        pass
    data = compile_catalog(source, code)
    _store(compiled, data)
    return gettext.GNUTranslations(io.BytesIO(data))


def compile_catalog(source: bytes, code: str) -> bytes:
    """A `.po` file's bytes as a `.mo` file's (Babel; fuzzy entries left out, as gettext does)."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    catalog = read_po(io.BytesIO(source), locale=code)
    buffer = io.BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    return buffer.getvalue()


def _cache_dir() -> Path:
    override = os.environ.get("BRANDVOICE_CACHE_DIR")
    if override:
        return Path(override) / "catalogs"
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("brandvoice")) / "catalogs"


def _store(path: Path, data: bytes) -> None:
    """Written atomically; compilations of other versions of the catalogue made over a month ago
    removed (several checkouts may share the folder: one still in use is compiled again, once). A
    cache folder that cannot be written only costs the compilation next time."""
    import tempfile
    import time

    tmp = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".mo")
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, path)
        for old in path.parent.glob(f"{path.name.split('-')[0]}-*.mo"):
            if old != path and old.stat().st_mtime < time.time() - STALE_SECONDS:
                old.unlink(missing_ok=True)
    except OSError:
        if tmp is not None:
            Path(tmp).unlink(missing_ok=True)
