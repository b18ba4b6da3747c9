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


# Brand rules document their own cases (`examples:` under a rule in a guide): every shipped guide's
# examples hold too, with the rule's own options, in the guide's language.
def _guide_examples():
    from brandvoice.guides.loader import available_guides
    from brandvoice.registry import GUIDES

    for guide_id in sorted(available_guides([])):
        guide = GUIDES.load(guide_id)
        for rule in guide.rules:
            for i, example in enumerate(rule.examples):
                yield pytest.param(rule, example, id=f"{rule.id}-{i}")


GUIDE_EXAMPLES = list(_guide_examples())


def test_the_base_guides_document_their_rules():
    assert any(rule.id == "base-fr.quel-que-soit" for rule, _ in (p.values for p in GUIDE_EXAMPLES))


@pytest.mark.parametrize("rule,example", GUIDE_EXAMPLES)
def test_guide_rule_example(rule, example):
    from brandvoice.parsing.prose import ProseText
    from brandvoice.rules.base import CheckContext

    ctx = CheckContext(prose=ProseText.plain(example.text), language=example.language)
    assert tuple(example.text[m.start : m.end] for m in rule.kind.check(ctx, rule.options)) == example.expect
