"""Inclusive writing: French policies (forbid, point_median, doublets, off) and the English lexicon."""

import pytest

from brandvoice.rules import inclusive
from channel_helpers import apply_fixes, guide_from_yaml, run_guide, run_kind


def fr(text, policy):
    matches, _ = run_kind(inclusive, text, lang="fr", policy=policy)
    return [(text[m.start : m.end], m.replacements, m.fix_safe) for m in matches]


@pytest.mark.parametrize("form", ["client·e·s", "client.e.s", "client-e-s", "client(e)s", "client·es", "iel", "celleux"])
def test_forbid_flags_every_abbreviated_form(form):
    [(matched, replacements, safe)] = fr(f"Bienvenue à {form} du jour", "forbid")
    assert matched == form and replacements and not safe


def test_forbid_suggests_doublets_with_the_determiner():
    assert fr("Merci à tous les client·e·s !", "forbid") == [
        ("les client·e·s", ("les clientes et les clients",), False)]
    assert fr("Bienvenue aux acteur·rice·s et aux vendeur·euse·s", "forbid") == [
        ("aux acteur·rice·s", ("aux actrices et aux acteurs",), False),
        ("aux vendeur·euse·s", ("aux vendeuses et aux vendeurs",), False),
    ]
    assert fr("Un·e sportif·ve motivé·e", "forbid")[1][1] == ("sportive ou sportif",)


def test_point_median_normalises_safely():
    text = "Merci à nos client.e.s, aux ami-e-s et aux voyageur(euse)s."
    matches, _ = run_kind(inclusive, text, lang="fr", policy="point_median")
    assert apply_fixes(text, matches) == "Merci à nos client·e·s, aux ami·e·s et aux voyageur·euse·s."
    assert fr("Merci à nos client·e·s et à celleux qui viennent", "point_median") == []


def test_doublets_flags_median_forms_too():
    assert fr("Chers client·e·s", "doublets") == [("client·e·s", ("clientes et clients",), False)]
    assert fr("Merci à toustes", "doublets") == [("toustes", ("toutes et tous",), False)]


def test_off_and_plain_french_pass():
    assert fr("Merci à tous les client·e·s", "off") == []
    for policy in ("forbid", "point_median", "doublets"):
        assert fr("Merci à nos clientes et à nos clients. Prends-les, à Dompierre-les-Ormes.", policy) == []
        assert fr("Écrivez à contact@hotelia.fr ou sur hotelia.fr", policy) == []


def test_english_lexicon_and_guide_extension(tmp_path):
    matches, _ = run_kind(inclusive, "Hey guys, our Chairman thanks the firemen.", language="en-US", lang="en")
    assert [m.replacements[0] for m in matches] == ["Hey everyone", "Chair", "firefighters"]
    guide = guide_from_yaml(tmp_path, """
        language: en-US
        inclusive:
          english: {add: {rockstar: [expert]}, allow: [hey guys]}
    """)
    found, _ = run_guide(guide, "Hey guys, join our rockstar team", language="en-US", prefix="inclusive")
    assert [(rule, text, m.replacements) for rule, text, m in found] == [("inclusive.en", "rockstar", ("expert",))]


def test_english_passes_and_french_rule_ignores_english(tmp_path):
    assert run_kind(inclusive, "The chair thanks the firefighters.", language="en-US", lang="en")[0] == []
    guide = guide_from_yaml(tmp_path, "language: fr-FR\ninclusive: {french: forbid}\n")
    assert [r.id for r in guide.rules if r.id.startswith("inclusive")] == ["inclusive.fr"]
    found, _ = run_guide(guide, "Dear client·e·s", language="en-US", prefix="inclusive")
    assert found == []
