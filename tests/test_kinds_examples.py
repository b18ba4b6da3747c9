"""Data-driven: every kind's documented examples hold (each kind has a failing and a passing one)."""

import pytest

from brandvoice.registry import KINDS
from brandvoice.registry import kind as get_kind

KIND_NAMES = [kind.name for kind in KINDS]
from helpers import matches

EXAMPLES = [
    pytest.param(name, example, id=f"{name}-{i}")
    for name in KIND_NAMES
    for i, example in enumerate(get_kind(name).examples)
]


@pytest.mark.parametrize("kind_name,example", EXAMPLES)
def test_documented_example(kind_name, example):
    kind = get_kind(kind_name)
    if "languagetool" in kind.needs:
        pytest.skip("examples needing LanguageTool run in the LanguageTool tests")
    assert tuple(matches(kind_name, example.text, example.language, **example.options)) == example.expect


@pytest.mark.parametrize("kind_name", KIND_NAMES)
def test_every_kind_documents_a_failing_and_a_passing_example(kind_name):
    kind = get_kind(kind_name)
    assert kind.doc and kind.name == kind_name
    assert any(e.failing for e in kind.examples), "no failing example"
    assert any(not e.failing for e in kind.examples), "no passing example"
