"""The JSON formats' indented encoder writes exactly what `json.dumps(..., indent=2)` writes."""

import json
import math
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from brandvoice.formats.indented_json import dumps

SCALARS = (
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True, allow_infinity=True)
    | st.text() | st.sampled_from(["", "é\u2028\x7f", "\x00\n\t\"\\", "\ud800", "{[,:]}", "\"", "a,\n  b"])
)
KEYS = st.text() | st.integers() | st.floats(allow_nan=False) | st.booleans() | st.none()
VALUES = st.recursive(
    SCALARS,
    lambda inner: st.lists(inner, max_size=5) | st.tuples(inner, inner) | st.dictionaries(KEYS, inner, max_size=5),
    max_leaves=40,
)


def expected(value):
    return json.dumps(value, ensure_ascii=False, indent=2)


@settings(max_examples=400, deadline=None)
@given(VALUES)
def test_same_text_as_the_standard_library(value):
    assert dumps(value) == expected(value)


def test_awkward_shapes():
    values = [
        {}, [], (), {"a": {}}, {"a": []}, [[], {}, [[]]], {"x": [1, {"y": ()}], "z": 1},
        {1: "int key", 2.5: "float key", True: "bool key", None: "null key", "s": [math.inf, -math.inf, math.nan]},
        {"findings": [{"rule": "r", "replacements": ["a", "b"], "line": 1}], "tone": {"f": 0.1, "g": None}},
        "top-level string", 3, 1e300, -0.0, None,
    ]
    for value in values:
        assert dumps(value) == expected(value)


def test_every_json_golden_file_round_trips():
    for name in ("report.json", "report.sarif", "report.gitlab"):
        text = (Path(__file__).parent / "golden" / name).read_text(encoding="utf-8")
        assert dumps(json.loads(text)) + "\n" == text
