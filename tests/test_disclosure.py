"""Sponsored-content disclosure: France (loi 2023-451 art. 5) and the United States (FTC)."""

import pytest

from brandvoice.registry import MESSAGES
from brandvoice.rules import disclosure
from channel_helpers import guide_from_yaml, run_guide, run_kind

FR = {"market": "FR", "default_market": "FR", "partners": ["@marque", "Marque Soleil"]}
US = {"market": "US", "default_market": "US", "partners": ["@trailco"]}


def fr(text, front_matter=None, **options):
    matches, _ = run_kind(disclosure, text, front_matter=front_matter, **{**FR, **options})
    return matches


def us(text, front_matter=None, **options):
    matches, _ = run_kind(disclosure, text, language="en-US", front_matter=front_matter, **{**US, **options})
    return matches


@pytest.mark.parametrize("text", [
    "Publicité — Un week-end de rêve avec @marque !",
    "Un week-end de rêve avec @marque ! Collaboration commerciale",
    "#CollaborationCommerciale Un week-end avec Marque Soleil",
])
def test_fr_accepted_mentions(text):
    assert fr(text) == []


def test_fr_partner_mention_without_disclosure_cites_the_law():
    [m] = fr("Un week-end de rêve avec Marque Soleil !")
    assert m.whole_document
    said = MESSAGES.render(m.message, "fr-FR")  # what a French draft's reader gets
    assert said.startswith("Publication commerciale sans la mention « Publicité » ou « Collaboration commerciale » (")
    assert "loi n° 2023-451 du 9 juin 2023, art. 5" in said and "l’ordonnance n° 2024-978" in said
    assert "French law no. 2023-451" in m.message  # its English text


def test_fr_insufficient_tags_are_named():
    text = "Merci @marque pour ce séjour ! #sponso #partenariat"
    assert [text[m.start : m.end] for m in fr(text)] == ["Merci @marque", "#sponso", "#partenariat"]


def test_fr_front_matter_sponsored_without_partner():
    assert len(fr("Un séjour magnifique.", front_matter={"sponsored": True})) == 1
    assert fr("Un séjour magnifique.") == []  # not sponsored: nothing to disclose


def test_fr_guide_accepted_equivalent():
    assert fr("Partenariat rémunéré avec @marque", accepted=["Partenariat rémunéré"]) == []


def test_fr_retouched_and_virtual_images():
    [m] = fr("Publicité : la nouvelle crème @marque", front_matter={"image": "retouched"}, check="images")
    assert "L’image est retouchée : ajoutez « Images retouchées » (loi n° 2023-451".replace(" : ", "\u00a0: ").replace(
        "« ", "«\u00a0").replace(" »", "\u00a0»").replace("n° ", "n°\u00a0") in MESSAGES.render(m.message, "fr-FR")
    assert fr("Publicité : la nouvelle crème @marque", front_matter={"image": "retouched"}) == []  # the mention rule
    assert fr("Publicité : la crème @marque. Images retouchées", front_matter={"image": "retouched"}, check="images") == []
    [m] = fr("Publicité : la crème @marque", front_matter={"image": "generated"}, check="images")
    assert "générée ou virtuelle : ajoutez « Images virtuelles »".replace(" : ", "\u00a0: ").replace(
        "« ", "«\u00a0").replace(" »", "\u00a0»") in MESSAGES.render(m.message, "fr-FR")
    assert us("#ad new cream @trailco", front_matter={"image": "retouched"}, check="images") == []


def test_front_matter_market_selects_the_rule():
    # a French guide, a post for the US market: disclosure.fr stays silent, disclosure.us checks
    assert fr("Thanks @marque!", front_matter={"market": "US", "sponsored": True}) == []
    assert len(us("Great stay", front_matter={"market": "US", "sponsored": True}, default_market="FR")) == 1


def test_us_ad_in_the_first_125_characters_passes():
    assert us("#ad My new boots from @trailco kept me dry for three days on the Haute Route.") == []
    assert us("Paid partnership with @trailco: my new boots kept me dry.") == []


def test_us_ad_after_125_characters_is_reported_with_the_cut():
    text = ("My new boots from @trailco kept me dry for three days of rain and snow on the Haute Route, "
            "from Chamonix to Zermatt, no blisters. #ad")
    [m] = us(text)
    assert text[m.start : m.end] == "#ad" and "first 125 characters" in m.message and "FTC" in m.message


def test_us_ad_only_in_a_trailing_hashtag_block_is_buried():
    text = "Boots from @trailco! #hiking #gear #ad #outdoors"
    [m] = us(text)
    assert text[m.start : m.end] == "#ad" and "block of hashtags" in m.message


@pytest.mark.parametrize("weak", ["#sp", "#spon", "#partner", "#collab", "Thanks @trailco", "thank you @trailco"])
def test_us_ambiguous_disclosures_are_insufficient(weak):
    text = f"Loving these boots! {weak}"
    matches = us(text)
    assert [text[m.start : m.end] for m in matches] == [weak]
    assert "not a clear disclosure" in matches[0].message


def test_guide_builds_one_rule_per_market(tmp_path):
    guide = guide_from_yaml(tmp_path, """
        language: en-US
        disclosure: {market: US, partners: ["@trailco"]}
    """)
    found, _ = run_guide(guide, "Thanks @trailco for the boots!", language="en-US", prefix="disclosure")
    assert [(rule, text) for rule, text, _ in found] == [("disclosure.us", "Thanks @trailco")]
    assert {r.id for r in guide.rules if r.id.startswith("disclosure")} == {
        "disclosure.fr", "disclosure.fr.images", "disclosure.us"}
