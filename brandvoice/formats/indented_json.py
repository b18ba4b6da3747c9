"""The JSON formats' text, indented by two spaces: orjson's (written in Rust, ten times faster
than the standard library's pure-Python indenting on a report of a thousand files).

It is the JSON `json.dumps(value, ensure_ascii=False, indent=2)` writes, and the same text for
what reports hold (strings, integers, decimals, lists and mappings with string keys: every golden
file is byte for byte the same); orjson writes a float below 0.0001 its own way (`0.00001`,
`1e-7` where Python writes `1e-05`, `1e-07`), and NaN and infinities as `null`, valid JSON where
Python's `NaN` is not. What orjson refuses (an integer over 64 bits, a key that is
not a string, a lone surrogate) is written by the standard library.
"""

from __future__ import annotations

import json
from typing import Any

import orjson


def dumps(value: Any) -> str:
    try:
        return orjson.dumps(value, option=orjson.OPT_INDENT_2).decode("utf-8")
    except orjson.JSONEncodeError:
        return json.dumps(value, ensure_ascii=False, indent=2)
