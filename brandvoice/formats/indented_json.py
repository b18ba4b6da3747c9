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
_flat_encoders: dict[int, Any] = {}


def dumps(value: Any) -> str:
    """The text of `json.dumps(value, ensure_ascii=False, indent=2)`."""
    if c_make_encoder is None:  # a Python built without the _json accelerator
        return json.dumps(value, ensure_ascii=False, indent=2)
    parts: list[str] = []
    _encode(value, 0, parts)
    return "".join(parts)


def _flat(depth: int) -> Any:
    """The C encoder (as `json.dumps` makes it) of a container whose items sit at `depth`."""
    encoder = _flat_encoders.get(depth)
    if encoder is None:
        separator = ",\n" + _INDENT * depth
        encoder = c_make_encoder(None, json.JSONEncoder().default, encode_basestring, None, ": ", separator,
                                 False, False, True)
        _flat_encoders[depth] = encoder
    return encoder


def _encode(value: Any, depth: int, parts: list[str]) -> None:
    if isinstance(value, dict):
        _encode_dict(value, depth, parts)
    elif isinstance(value, (list, tuple)):
        _encode_list(value, depth, parts)
    else:
        parts.extend(_flat(depth)(value, 0))


def _encode_list(items: list | tuple, depth: int, parts: list[str]) -> None:
    if not items:
        parts.append("[]")
        return
    inner = depth + 1
    newline = "\n" + _INDENT * inner
    if not any(map(isinstance, items, repeat(_CONTAINERS))):
        parts.append("[" + newline + "".join(_flat(inner)(items, 0))[1:-1] + "\n" + _INDENT * depth + "]")
        return
    parts.append("[")
    separator = newline
    for item in items:
        parts.append(separator)
        _encode(item, inner, parts)
        separator = "," + newline
    parts.append("\n" + _INDENT * depth + "]")


def _encode_dict(mapping: dict, depth: int, parts: list[str]) -> None:
    if not mapping:
        parts.append("{}")
        return
    inner = depth + 1
    newline = "\n" + _INDENT * inner
    flat = _flat(inner)
    containers = [i for i, is_container in enumerate(map(isinstance, mapping.values(), repeat(_CONTAINERS))) if is_container]
    if not containers:
        parts.append("{" + newline + "".join(flat(mapping, 0))[1:-1] + "\n" + _INDENT * depth + "}")
        return
    parts.append("{")
    separator = newline
    items = iter(mapping.items())
    done = 0
    for position in containers:
        if position > done:  # the scalars before this container, in one C call
            parts.append(separator + "".join(flat(dict(islice(items, position - done)), 0))[1:-1])
            separator = "," + newline
        key, value = next(items)
        parts.append(separator + "".join(flat({key: None}, 0))[1:-7] + ": ")  # the key as the C encoder writes it
        _encode(value, inner, parts)
        separator = "," + newline
        done = position + 1
    if done < len(mapping):
        parts.append(separator + "".join(flat(dict(items), 0))[1:-1])
    parts.append("\n" + _INDENT * depth + "}")
