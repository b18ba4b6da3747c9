"""Brand names (issue 17): `names:` in a guide, every variant of a name found without listing it,
the exact form as a safe fix, same-letter words that are not the name left alone; French and
English, the kind alone and through the CLI."""

from __future__ import annotations

import json
import textwrap

import pytest

from brandvoice.parsing.prose import ProseText
from brandvoice.registry import GUIDES
from brandvoice.registry import kind as get_kind
from brandvoice.rules.base import CheckContext
from brandvoice.rules.words import compile_names, name_key, name_parts
from helpers import run_cli


def found(text: str, name: str, language: str = "fr-FR", **options) -> list[tuple[str, str, bool]]:
    kind = get_kind("brand_name")
    ctx = CheckContext(prose=ProseText.plain(text), language=language)
    matches = kind.check(ctx, kind.options.model_validate({"name": name, **options}))
    return [(text[m.start : m.end], m.replacements[0], m.fix_safe) for m in matches]


# --- the variants of a name ---------------------------------------------------------------------

MIRABELLE = "Pâtisseries Mirabelle"


@pytest.mark.parametrize(
    ("text", "variant", "expected"),
    [
        ("Pâtisseries mirabelle recrute !", "Pâtisseries mirabelle", MIRABELLE),  # case, opening the sentence
        ("pâtisseries Mirabelle recrute.", "pâtisseries Mirabelle", MIRABELLE),
        ("PATISSERIES MIRABELLE ouvre à Lyon.", "PATISSERIES MIRABELLE", MIRABELLE),  # case and accent
        ("Chez Patisseries Mirabelle, on recrute.", "Patisseries Mirabelle", MIRABELLE),  # accent
        ("Chez Pâtisserie Mirabelle, on recrute.", "Pâtisserie Mirabelle", MIRABELLE),  # number
        ("Patisseries-Mirabelle vous attend.", "Patisseries-Mirabelle", MIRABELLE),  # hyphen
        ("Rendez-vous chez PâtisseriesMirabelle.", "PâtisseriesMirabelle", MIRABELLE),  # no space
        ("Une galette de Pâtisseries\nMirabelle.", "Pâtisseries\nMirabelle", MIRABELLE),  # a line break
        ("#patisseriesmirabelle #lyon", "#patisseriesmirabelle", "#PatisseriesMirabelle"),  # hashtag, no accents typed
        ("#pâtisseriesmirabelle", "#pâtisseriesmirabelle", "#PâtisseriesMirabelle"),  # hashtag, accents typed
        ("Merci @patisseries_mirabelle !", "@patisseries_mirabelle", "@Patisseries_Mirabelle"),  # a handle
    ],
)
def test_every_variant_is_the_name_with_the_exact_form_as_a_safe_fix(text, variant, expected):
    assert found(text, MIRABELLE) == [(variant, expected, True)]


@pytest.mark.parametrize(
    "text",
    [
        "Pâtisseries Mirabelle recrute ! #PatisseriesMirabelle #PâtisseriesMirabelle",  # the exact forms
        "La tarte à la mirabelle est de retour.",  # the fruit
        "Nos pâtisseries mirabelle sont de saison.",  # mirabelle pastries: a determiner before them
        "Des tartes et des pâtisseries mirabelle à emporter.",
        "Écrivez à recrutement@mirabelle.fr ou sur https://patisseries-mirabelle.fr/offres",  # addresses
        "Tout est sur patisseriesmirabelle.fr",  # a domain
        "Le chef de @PatisseriesMirabelle",  # the handle, written as a name
    ],
)
def test_what_is_not_the_name_is_left_alone(text):
    assert found(text, MIRABELLE) == []


def test_a_one_word_name_that_is_also_a_common_word():
    # "Mirabelle" is a fruit: in lower case after a determiner it is the fruit, opening a sentence
    # with no determiner it can only be the name
    assert found("La mirabelle est mûre, les mirabelles aussi.", "Mirabelle") == []
    assert found("Bonne nouvelle ! mirabelle recrute.", "Mirabelle") == [("mirabelle", "Mirabelle", True)]
    assert found("MIRABELLE, ORANGE ET CITRON", "Mirabelle") == []  # one common word in capitals: shouting
    assert found("#mirabelle", "Mirabelle") == []  # the fruit's hashtag as often as the brand's


def test_a_name_no_dictionary_has_is_the_name_in_any_writing():
    text = "Rejoignez le hoteliaclub ou le Hotelia Club, et l’HOTELIA-CLUB. #hoteliaclub @hoteliaclub"
    assert [(v, e) for v, e, _ in found(text, "HoteliaClub")] == [
        ("hoteliaclub", "HoteliaClub"), ("Hotelia Club", "HoteliaClub"), ("HOTELIA-CLUB", "HoteliaClub"),
        ("#hoteliaclub", "#HoteliaClub"), ("@hoteliaclub", "@HoteliaClub"),
    ]
    assert found("Chez l’hotelia et à l’Hotelia de Lyon, Hotelias et hôtelia.", "Hotelia") == [
        ("hotelia", "Hotelia", True), ("Hotelias", "Hotelia", True), ("hôtelia", "Hotelia", True),
    ]  # after an elision, in the plural, with a stray accent


def test_an_apostrophe_straight_or_curly_is_not_a_variant_of_the_name():
    # the guide's author types a straight apostrophe, the writer a curly one: typography's call
    text = "L’Oréal, L'Oréal, l’oreal et L'OREAL"
    assert found(text, "L'Oréal") == [("l’oreal", "L’Oréal", True), ("L'OREAL", "L'Oréal", True)]
    assert found("McDonald’s and McDonald's, not Mcdonald’s", "McDonald's", "en-US") == [
        ("Mcdonald’s", "McDonald’s", True)]


def test_english_names():
    text = "Shop at Trail Craft, see TrailCraft and TRAILCRAFT! #trailcraft Trailcraft's gear"
    assert [(v, e) for v, e, _ in found(text, "Trailcraft", "en-US")] == [
        ("Trail Craft", "Trailcraft"), ("TrailCraft", "Trailcraft"), ("TRAILCRAFT", "Trailcraft"),
        ("#trailcraft", "#Trailcraft"),
    ]
    # "trail pass" in lower case inside a sentence is two common words, not the membership
    text = "Buy a trail pass today. Get the Trail Pass or a trailpass! #trailpass"
    assert [v for v, _, _ in found(text, "TrailPass", "en-US")] == ["Trail Pass", "trailpass", "#trailpass"]


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [  # real tweets (tweeteval), names of common words
        ("Apples & Pears Press Sunday January 17, 2016 #nationalfastfoodday", "Apple", []),  # a plural: the fruit
        ("memes in 3 years? apple turnovers", "Apple", []),  # a writer in lower case opens no clause with a name
        ("I want our #McDonalds with #McDelivery", "McDonald's", []),  # the apostrophe's s stays lower case
        ("then complain that McDonalds don't have a dollar menu", "McDonald's", [("McDonalds", "McDonald's")]),
        ("not I have get iphone", "iPhone", [("iphone", "iPhone")]),  # "i" + "phone" run together
        ("David Blaine youtube videos", "YouTube", [("youtube", "YouTube")]),
    ],
)
def test_common_word_names_in_real_english_posts(text, name, expected):
    assert [(v, e) for v, e, _ in found(text, name, "en-US")] == expected


def test_the_guides_own_hashtag_and_handle_spelling_win():
    assert found("#patisseriesmirabelle @patisseriesmirabelle", MIRABELLE,
                 hashtag="#PâtisseriesMirabelle", handle="@patisseriesmirabelle") == [
        ("#patisseriesmirabelle", "#PâtisseriesMirabelle", True)]


def test_name_parts_and_keys():
    assert name_parts("HoteliaClub") == ["Hotelia", "Club"] and name_parts("iPhone") == ["i", "Phone"]
    assert name_parts(MIRABELLE) == ["Pâtisseries", "Mirabelle"]
    assert name_key("#Pâtisseries_Mirabelle") == name_key(MIRABELLE) == "patisseriesmirabelle"
    pattern = compile_names([MIRABELLE, "Hotelia"])
    text = "PATISSERIES MIRABELLE, Œuvre, hotelia.fr, l’HOTELIA, www.hotelia.fr"
    assert [m.group() for m in pattern.finditer(text)] == ["PATISSERIES MIRABELLE", "HOTELIA"]


# --- the guide section ----------------------------------------------------------------------------


def write(tmp_path, name: str, body: str):
    path = tmp_path / f"{name}.yaml"
    path.write_text(textwrap.dedent(body), encoding="utf-8")
    return path


def test_the_section_builds_one_rule_per_name(tmp_path):
    parent = write(tmp_path, "agence", """\
        language: fr-FR
        names: [Hotelia]
        """)
    child = write(tmp_path, "hotel", f"""\
        extends: {parent}
        names:
          - Pâtisseries Mirabelle
          - {{name: HoteliaClub, level: warning, message: "En un mot : « {{expected}} »."}}
        hashtags: {{known: ["#PâtisseriesMirabelle"]}}
        """)
    guide = GUIDES.load_file(child)
    rules = {r.id: r for r in guide.rules if r.kind.name == "brand_name"}
    # ids name the guide that wrote the name: the parent's stays the same in every child
    assert set(rules) == {"agence.names.hotelia", "hotel.names.patisseries-mirabelle", "hotel.names.hoteliaclub"}
    assert rules["agence.names.hotelia"].level == "error" and rules["hotel.names.hoteliaclub"].level == "warning"
    assert rules["hotel.names.hoteliaclub"].message == "En un mot : « {expected} »."
    assert rules["hotel.names.patisseries-mirabelle"].options.hashtag == "#PâtisseriesMirabelle"
    assert rules["agence.names.hotelia"].options.within == ("HoteliaClub",)  # the longer name speaks
    assert {"Hotelia", "HoteliaClub", MIRABELLE} <= guide.accepted_words  # names are never misspellings


def test_a_name_is_one_report_however_many_rules_see_it(tmp_path):
    guide = write(tmp_path, "mirabelle", f"""\
        name: {MIRABELLE}
        extends: base-fr
        names: [{MIRABELLE}, Hotelia, HoteliaClub]
        voice: {{register: vous}}
        """)
    draft = tmp_path / "post.md"
    draft.write_text("PATISSERIES MIRABELLE ouvre au HOTELIA CLUB. #patisseriesmirabelle\n", encoding="utf-8")
    proc = run_cli("check", str(draft), "--brand", str(guide), "--no-grammar", "--format", "json")
    assert proc.returncode == 1, proc.stderr
    findings = json.loads(proc.stdout)["files"][0]["findings"]
    # no shouting, no second name inside the first, no CamelCase suggestion beside the name's fix
    assert [(f["rule"], f["match"], f["replacements"]) for f in findings] == [
        ("mirabelle.names.patisseries-mirabelle", "PATISSERIES MIRABELLE", [MIRABELLE]),
        ("mirabelle.names.hoteliaclub", "HOTELIA CLUB", ["HoteliaClub"]),
        ("mirabelle.names.patisseries-mirabelle", "#patisseriesmirabelle", ["#PatisseriesMirabelle"]),
    ]


@pytest.mark.languagetool
@pytest.mark.spacy
def test_the_issue_drafts_end_to_end(languagetool_server, tmp_path):
    """The CM's drafts of issue 17, checked with the guide `guides init` writes, then fixed."""
    guide = tmp_path / "mirabelle.yaml"
    proc = run_cli("guides", "init", "--name", MIRABELLE, "--language", "fr", "--no-input", "-o", str(guide))
    assert proc.returncode == 0, proc.stderr
    draft = tmp_path / "post.md"
    draft.write_text(
        "Pâtisseries mirabelle recrute ! Rejoignez notre équipe.\n\n"
        "PATISSERIES MIRABELLE ouvre une boutique à Lyon.\n\n"
        "Chez Pâtisserie Mirabelle, la tarte à la mirabelle est de retour. Patisseries-Mirabelle vous attend.\n\n"
        "#patisseriesmirabelle\n",
        encoding="utf-8",
    )
    proc = run_cli("check", str(draft), "--brand", str(guide), "--format", "json")
    findings = json.loads(proc.stdout)["files"][0]["findings"]
    names = [f["match"] for f in findings if f["rule"] == "mirabelle.names.patisseries-mirabelle"]
    assert names == ["Pâtisseries mirabelle", "PATISSERIES MIRABELLE", "Pâtisserie Mirabelle",
                     "Patisseries-Mirabelle", "#patisseriesmirabelle"]
    # one report per problem: LanguageTool's "PATISSERIES" and "Patisseries", the shouting, the
    # register's "recrute" and the CamelCase suggestion are gone
    others = [(f["rule"], f["match"]) for f in findings if f["rule"] != "mirabelle.names.patisseries-mirabelle"]
    assert not [o for o in others if "atisserie" in o[1].lower() or o[1] == "recrute"], others
    proc = run_cli("check", str(draft), "--brand", str(guide), "--no-grammar", "--fix")
    fixed = draft.read_text(encoding="utf-8")
    assert fixed.count(MIRABELLE) == 4 and "#PatisseriesMirabelle" in fixed and "la tarte à la mirabelle" in fixed
