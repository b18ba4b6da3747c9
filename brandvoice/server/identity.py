"""Which install a resident server belongs to. Two virtualenvs, two checkouts, or one checkout
before and after an edit are different installs: each gets its own server, and a client never
sends a command to another install's. The identity is made of the package version, a fingerprint
of the package's files (edits included: editable installs), the Python executable and its
environment, and the installed distributions (spaCy, its models, every other dependency).

Standard library only, and cheap (a few hundred `stat` calls): every client computes it."""

from __future__ import annotations

import hashlib
import json
import os
import re
import sys
from functools import lru_cache
from pathlib import Path

import brandvoice

_PACKAGE = Path(brandvoice.__file__).resolve().parent
_CODE_SUFFIXES = (".py", ".yaml", ".yml", ".json", ".txt", ".j2")
_SPACY_MODEL = re.compile(r"^[a-z]{2}_core_(?:news|web)_\w+$")


def _code_fingerprint() -> str:
    """Relative path, size and modification time of every file of the package (symbolic links to
    folders, such as the shipped guides, are not followed: guides are read again by every run)."""
    digest = hashlib.sha256()
    for folder, dirs, files in os.walk(_PACKAGE):
        dirs[:] = sorted(d for d in dirs if d != "__pycache__")
        for name in sorted(files):
            if name.endswith(_CODE_SUFFIXES):
                path = os.path.join(folder, name)
                try:
                    info = os.stat(path)
                except OSError:
                    continue
                digest.update(f"{os.path.relpath(path, _PACKAGE)}\0{info.st_size}\0{info.st_mtime_ns}\n".encode())
    return digest.hexdigest()[:16]


def _distributions() -> list[str]:
    """`name-version` of every installed distribution (the dist-info folders of the import path's
    package folders; not the current folder's, which `python -m` puts on the path)."""
    found = set()
    for entry in sys.path:
        if not entry.endswith(("site-packages", "dist-packages")):
            continue
        try:
            names = os.listdir(entry)
        except OSError:
            continue
        found.update(n[: -len(".dist-info")] for n in names if n.endswith(".dist-info"))
    return sorted(found)


@lru_cache(maxsize=1)
def install_identity() -> dict:
    distributions = _distributions()
    return {
        "version": brandvoice.__version__,
        "code": _code_fingerprint(),
        "package": str(_PACKAGE),
        "python": os.path.realpath(sys.executable),  # bin/python and bin/python3 are one install
        "prefix": sys.prefix,
        "spacy_models": [d for d in distributions if _SPACY_MODEL.match(d.rsplit("-", 1)[0].lower())],
        "distributions": hashlib.sha256("\n".join(distributions).encode()).hexdigest()[:16],
    }


@lru_cache(maxsize=1)
def install_key() -> str:
    """A short digest of the identity: in the socket's name, and checked at every request."""
    return hashlib.sha256(json.dumps(install_identity(), sort_keys=True).encode()).hexdigest()[:16]
