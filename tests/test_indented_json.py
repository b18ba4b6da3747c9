"""The JSON formats' text: the JSON `json.dumps(..., indent=2)` writes, the same text for what
reports hold, and the standard library's text for what orjson refuses."""

import json
import math
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from brandvoice.formats.indented_json import dumps

# what reports hold: strings, 64-bit integers, floats from 0.0001 up
REPORT_SCALARS = (
    st.none() | st.booleans() | st.integers(min_value=-(2**63), max_value=2**64 - 1)
    | st.floats(min_value=1e-4, allow_infinity=False) | st.floats(max_value=-1e-4, allow_infinity=False) | st.just(0.0)
    | st.text(st.characters(exclude_categories=["Cs"]))
    | st.sampled_from(["", "é\u2028\x7f", "\x00\n\t\"\\\x1f\x08\x0c", "{[,:]}", "\"", "a,\n  b", "👩🏽‍💻"])
)
AWKWARD_SCALARS = REPORT_SCALARS | st.integers() | st.floats() | st.text() | st.just("\ud800")
AWKWARD_KEYS = st.text() | st.integers() | st.floats(allow_nan=False) | st.booleans() | st.none()


def values(scalars, keys):
    return st.recursive(
        scalars,
        lambda inner: st.lists(inner, max_size=5) | st.tuples(inner, inner) | st.dictionaries(keys, inner, max_size=5),
        max_leaves=40,
    )


def expected(value):
    return json.dumps(value, ensure_ascii=False, indent=2)


def no_nan(value):
    """What a JSON reader makes of NaN and infinities written as null."""
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, dict):
        return {k: no_nan(v) for k, v in value.items()}
    if isinstance(value, list):
        return [no_nan(v) for v in value]
    return value


@settings(max_examples=400, deadline=None)
@given(values(REPORT_SCALARS, st.text(st.characters(exclude_categories=["Cs"]))))
def test_what_reports_hold_is_written_as_the_standard_library_writes_it(value):
    assert dumps(value) == expected(value)


@settings(max_examples=400, deadline=None)
@given(values(AWKWARD_SCALARS, AWKWARD_KEYS))
def test_anything_else_is_the_same_json(value):
    text = dumps(value)
    assert no_nan(json.loads(text)) == no_nan(json.loads(expected(value)))


def test_awkward_shapes():
    assert dumps([1e-07, 1e-05, 1e16, math.nan, -math.inf]) == "[\n  1e-7,\n  0.00001,\n  1e+16,\n  null,\n  null\n]"
    for value in (
        {1: "int key", 2.5: "float key", True: "bool key", None: "null key"}, [2**64], {"s": "\ud800"},
    ):  # refused by orjson: the standard library's text
        assert dumps(value) == expected(value)
    for value in ({}, [], (), {"a": {}}, {"a": []}, [[], {}, [[]]], {"x": [1, {"y": ()}], "z": 1},
                  {"findings": [{"rule": "r", "replacements": ["a", "b"], "line": 1}], "tone": {"f": 0.1, "g": None}},
                  "top-level string", 3, -0.0, None):
        assert dumps(value) == expected(value)


def test_every_json_golden_file_round_trips():
    for name in ("report.json", "report.sarif", "report.gitlab"):
        text = (Path(__file__).parent / "golden" / name).read_text(encoding="utf-8")
        assert dumps(json.loads(text)) + "\n" == text
