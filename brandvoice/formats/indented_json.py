"""`json.dumps(value, ensure_ascii=False, indent=2)`, byte for byte, several times faster.

With `indent`, the standard library encodes in pure Python, one generator step per value; without
it, in C. Here every run of scalars inside a container (a finding's fields, a list of strings) is
encoded by one call of the C encoder whose item separator already holds the newline and the
indentation of that depth, so Python only walks the containers. Scalars (strings, numbers, floats
with `NaN`/`Infinity`, keys that are not strings) are thus written by the same C code as the
standard library's; `tests/test_indented_json.py` compares the two on awkward values.
"""

from __future__ import annotations

import json
from itertools import islice, repeat
from json.encoder import c_make_encoder, encode_basestring
from typing import Any

_INDENT = "  "
_CONTAINERS = (dict, list, tuple)
# per depth: the newline before a container's first item, the separator between items, the C
# encoder of scalars (and flat containers) whose items sit at that depth, the newline before the
# closing bracket
_LEVELS: list[tuple[str, str, Any, str]] = []


def dumps(value: Any) -> str:
    """The text of `json.dumps(value, ensure_ascii=False, indent=2)`."""
    if c_make_encoder is None:  # a Python built without the _json accelerator
        return json.dumps(value, ensure_ascii=False, indent=2)
    parts: list[str] = []
    _encode(value, 0, parts)
    return "".join(parts)


def _level(depth: int) -> tuple[str, str, Any, str]:
    while len(_LEVELS) <= depth:
        newline = "\n" + _INDENT * len(_LEVELS)
        encoder = c_make_encoder(None, json.JSONEncoder().default, encode_basestring, None, ": ", "," + newline,
                                 False, False, True)
        _LEVELS.append((newline, "," + newline, encoder, "\n" + _INDENT * (len(_LEVELS) - 1)))
    return _LEVELS[depth]


def _encode(value: Any, depth: int, parts: list[str]) -> None:
    if isinstance(value, dict):
        _encode_dict(value, depth, parts)
    elif isinstance(value, (list, tuple)):
        _encode_list(value, depth, parts)
    else:
        parts.extend(_level(depth)[2](value, 0))


def _encode_list(items: list | tuple, depth: int, parts: list[str]) -> None:
    if not items:
        parts.append("[]")
        return
    newline, separator, flat, close = _level(depth + 1)
    if True not in map(isinstance, items, repeat(_CONTAINERS)):
        parts.append("[" + newline + "".join(flat(items, 0))[1:-1] + close + "]")
        return
    parts.append("[")
    lead = newline
    for item in items:
        parts.append(lead)
        _encode(item, depth + 1, parts)
        lead = separator
    parts.append(close + "]")


def _encode_dict(mapping: dict, depth: int, parts: list[str]) -> None:
    if not mapping:
        parts.append("{}")
        return
    newline, separator, flat, close = _level(depth + 1)
    containers = list(map(isinstance, mapping.values(), repeat(_CONTAINERS)))
    if True not in containers:
        parts.append("{" + newline + "".join(flat(mapping, 0))[1:-1] + close + "}")
        return
    parts.append("{")
    lead = newline
    items = iter(mapping.items())
    done = 0
    for position in [i for i, is_container in enumerate(containers) if is_container]:
        if position > done:  # the scalars before this container, in one C call
            parts.append(lead + "".join(flat(dict(islice(items, position - done)), 0))[1:-1])
            lead = separator
        key, value = next(items)
        parts.append(lead + "".join(flat({key: None}, 0))[1:-7] + ": ")  # the key as the C encoder writes it
        _encode(value, depth + 1, parts)
        lead = separator
        done = position + 1
    if done < len(containers):
        parts.append(lead + "".join(flat(dict(items), 0))[1:-1])
    parts.append(close + "}")
