"""Data-driven: every kind's documented examples hold (each kind has a failing and a passing one)."""

import pytest

from brandvoice.rules import KIND_MODULES, get_kind
from helpers import matches

EXAMPLES = [
    pytest.param(name, example, id=f"{name}-{i}")
    for name in KIND_MODULES
    for i, example in enumerate(get_kind(name).EXAMPLES)
]


@pytest.mark.parametrize("kind_name,example", EXAMPLES)
def test_documented_example(kind_name, example):
    kind = get_kind(kind_name)
    if getattr(kind, "NEEDS", None) and "languagetool" in kind.NEEDS:
        pytest.skip("examples needing LanguageTool run in the LanguageTool tests")
    assert tuple(matches(kind_name, example.text, example.language, **example.options)) == example.expect


@pytest.mark.parametrize("kind_name", KIND_MODULES)
def test_every_kind_documents_a_failing_and_a_passing_example(kind_name):
    kind = get_kind(kind_name)
    assert kind.__doc__ and kind.NAME == kind_name
    assert any(e.failing for e in kind.EXAMPLES), "no failing example"
    assert any(not e.failing for e in kind.EXAMPLES), "no passing example"
