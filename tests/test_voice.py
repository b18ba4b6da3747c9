"""Voice and tone kinds: French and English, failing and passing, the register's hard cases,
readability on short texts, tone bands, and the `voice:` / `tone:` guide sections."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from brandvoice.guides.factory import RuleFactory
from brandvoice.nlp.profile import tone_profile
from brandvoice.nlp.settings import ToneSection, VoiceSection, build_tone_rules, build_voice_rules
from brandvoice.parsing.prose import ProseText
from brandvoice.registry import GUIDES
from brandvoice.registry import kind as get_kind
from brandvoice.rules.base import CheckContext
from brandvoice.selectors import LevelMap
from helpers import matches, run_json

pytestmark = pytest.mark.spacy


def run(kind_name: str, text: str, language: str = "en-US", **options):
    kind = get_kind(kind_name)
    ctx = CheckContext(prose=ProseText.plain(text), language=language)
    return ctx, list(kind.check(ctx, kind.options.model_validate(options)))


# --- register: the hard cases of the issue, and more ---

VOUS_BRAND = [
    ("t’as vu ?", ["t’as"]),
    ("T'as vu la vue ?", ["T'as"]),
    ("Tu vas adorer notre spa.", ["Tu"]),
    ("Découvre nos offres d’été.", ["Découvre"]),
    ("Réserve ta chambre.", ["Réserve", "ta"]),
    ("Profite bien de l’été à Lyon.", ["Profite"]),
    ("👉 Réserve maintenant sur notre site.", ["Réserve"]),
    ("Viens nous voir à Lyon !", ["Viens"]),
    ("Fais-toi plaisir.", ["Fais", "toi"]),
    ("Prends le temps de vivre.", ["Prends"]),
    ("Rejoins-nous au bar.", ["Rejoins"]),
    ("Ton séjour commence ici.", ["Ton"]),
    ("C’est le tien.", ["tien"]),
    ("Nous te remercions.", ["te"]),
    ("Va voir la plage.", ["Va"]),
    # legitimate
    ("Profitez-en : réservez dès maintenant.", []),
    ("Découvrez nos offres.", []),
    ("Offre spéciale ce week-end.", []),
    ("Soldes d’été : -30 % sur les suites.", []),
    ("Le ton de nos messages est chaleureux.", []),
    ("Vive les vacances !", []),
    ("Entre amis ou en famille.", []),
    ("Merci les amis !", []),
    ("Prendre le temps, c’est essentiel.", []),
    ("Bienvenue à l’hôtel.", []),
    ("Montre connectée offerte.", []),
    ("Rendez-vous le 12 mai.", []),
    ("Je tiens à vous remercier.", []),
    ("Suite junior avec vue sur la mer.", []),
    ("Note : le spa ferme à 20 h.", []),
    ("Chambre double avec balcon.", []),
    ("Réservée aux membres.", []),
]

TU_BRAND = [
    ("Profitez-en vite !", ["Profitez"]),
    ("Réservez votre chambre.", ["Réservez", "votre"]),
    ("On vous attend à Lyon.", ["vous"]),
    ("Vous êtes prêt pour l’été ?", ["Vous"]),
    ("Rendez-vous sur notre site.", ["Rendez", "vous"]),
    # plural "vous": a group is addressed
    ("Vous êtes nombreux à nous écrire, merci !", []),
    ("Merci à vous tous pour vos messages.", []),
    ("Chacun d’entre vous recevra un cadeau.", []),
    ("Vous êtes prêts pour l’été ?", []),
    ("Les amis, vous allez adorer.", []),
    ("Rendez-vous le 12 mai chez nous.", []),
    ("Profite de l’été.", []),
]


@pytest.mark.parametrize("text,expected", VOUS_BRAND)
def test_register_vous_brand(text, expected):
    assert matches("register", text, "fr-FR", use="vous") == expected


@pytest.mark.parametrize("text,expected", TU_BRAND)
def test_register_tu_brand(text, expected):
    assert matches("register", text, "fr-FR", use="tu") == expected


def test_register_suggestions():
    ctx, found = run("register", "Réserve ta chambre. T’as vu ?", "fr-FR", use="vous")
    assert [m.replacements for m in found] == [("Réservez",), ("votre",), ("Vous avez",)]
    ctx, found = run("register", "Profitez-en et réservez votre chambre.", "fr-FR", use="tu")
    assert [m.replacements for m in found][:1] == [("Profites",)]  # Profites-en: the euphonic s


def test_register_ignores_english_and_any():
    assert matches("register", "Tu vas adorer.", "fr-FR", use="any") == []
    assert matches("register", "Tu means nothing here, ta.", "en-US", use="vous") == []


def test_register_known_limits_favour_precision():
    # "reste" is also a noun ("le reste"): without a determiner after it, it is not taken as a verb
    assert matches("register", "Reste connecté !", "fr-FR", use="vous") == []
    # the tagger reads "Profite" as a noun, and a noun before "de" is a noun ("Visite de l’usine")
    assert matches("register", "Profite de l’été à Lyon.", "fr-FR", use="vous") == []
    assert matches("register", "Visite de l’usine samedi.", "fr-FR", use="vous") == []


@pytest.mark.parametrize(
    "text",
    [
        "#PLTE rassemble autour de lui les entreprises.",  # a hashtag or a mention is the subject
        "@user présente les résultats de son étude.",
        "Des éoliennes tueuses de chauves-souris.",  # a hyphen in a compound is no clause break
        "Le CO2 est un gaz à effet de serre et contribue au réchauffement.",
        "ENQUÊTE La possible extension des zones.",  # a label in capitals
        "Peau lisse &amp; rajeunie, perte de poids.",  # a participle after an HTML entity
        "Massacre des loups, passion pour la corrida.",  # a noun before "des"
        "Corrompus, voleurs et bandits au pouvoir.",  # a participle
        "Suspension de l'écotaxe : Royal « assassine l'écologie », twitte NKM #afp",  # a quotation in the clause
        "Solaire : la @user mondiale va injecter 519 M$ dans Noor II",  # a subject with a handle
        "#Valls espère que les morts du réchauffement climatique seront #frondeurs",
    ],
)
def test_register_false_alarms_from_real_tweets(text):
    assert matches("register", text, "fr-FR", use="vous") == []


# Issue 17: a verb after its subject is a third person ("the brand recruits"), not an order.
THIRD_PERSON = [
    "Pâtisseries mirabelle recrute !",
    "Pâtisseries Mirabelle recrute des vendeurs.",
    "Pâtisseries Mirabelle\nrecrute des vendeurs",  # the line goes on in lower case
    "Mirabelle recrute, forme et accompagne ses apprentis.",
    "Hotelia ouvre ses portes à Lyon.",
    "La boutique ouvre samedi.",
    "#Hotelia recrute",
    "🎉 Mirabelle fête ses 10 ans",
    "Pâtisseries Mirabelle 🎉 recrute",
    "Bonne nouvelle : Mirabelle ouvre une boutique",
    "Après 10 ans, Mirabelle change de look.",
    "Mirabelle recrute\n\nRejoignez l’équipe.",  # the next paragraph's -ez is the brand's own register
    "Ouvre ses portes samedi !",  # a headline: the shop opens its doors
    "Fête ses 10 ans ce week-end.",
    "Marie, notre cheffe, prépare la galette.",  # a name in apposition, not "marier"
    "Notre cheffe Marie prépare la galette et décore les bûches.",
    "Ici, on recrute !",
]
IMPERATIVES = [
    ("Pâtisseries Mirabelle : découvre nos galettes", ["découvre"]),  # after a colon, no subject
    ("Envie de douceur ?\ngoûte notre galette", ["goûte"]),
    ("Nos offres\nRéserve ta chambre.", ["Réserve", "ta"]),
    ("Recrute ton équipe avec nous.", ["Recrute", "ton"]),
    ("Goûte la nouvelle galette !", ["Goûte"]),
]


@pytest.mark.parametrize("need", ["spacy", "spacy:parser"])
@pytest.mark.parametrize("text", THIRD_PERSON)
def test_register_a_third_person_is_not_an_imperative(text, need):
    from brandvoice.nlp.docs import get_doc

    kind = get_kind("register")
    ctx = CheckContext(prose=ProseText.plain(text), language="fr-FR")
    get_doc(ctx, need)  # with and without a parse: the parse may only veto
    assert [text[m.start : m.end] for m in kind.check(ctx, kind.options.model_validate({"use": "vous"}))] == []


@pytest.mark.parametrize(("text", "expected"), IMPERATIVES)
def test_register_imperatives_after_a_break(text, expected):
    assert matches("register", text, "fr-FR", use="vous") == expected


def test_register_known_limit_a_name_alone_that_spells_a_verb():
    # "Marie" is also the imperative of "marier": alone before "!", nothing tells the name
    assert matches("register", "Qui prépare la galette ? Marie !", "fr-FR", use="vous") == ["Marie"]


def test_unsafe_fixes_never_turn_an_announcement_into_an_order(tmp_path):
    guide = tmp_path / "mirabelle.yaml"
    guide.write_text("name: Mirabelle\nlanguage: fr-FR\nvoice: {register: vous}\ntone: {energy: [0, 1]}\n", encoding="utf-8")
    draft = tmp_path / "post.md"
    text = "Pâtisseries mirabelle recrute !\nRejoignez notre équipe.\n\nDécouvre nos galettes.\n"
    draft.write_text(text, encoding="utf-8")
    from helpers import run_cli

    proc = run_cli("check", str(draft), "--brand", str(guide), "--no-grammar", "--fix", "--unsafe-fixes")
    assert proc.returncode in (0, 1), proc.stderr
    fixed = draft.read_text(encoding="utf-8")
    assert "Pâtisseries mirabelle recrute" in fixed and "recrutez" not in fixed  # the brand recruits
    assert "Découvrez nos galettes." in fixed  # an order to the reader, in the brand's register


def test_register_a_name_in_ez_is_not_an_imperative():
    assert matches("register", "« L’écologisme des pauvres » Martinez-Alier, auteur.", "fr-FR", use="tu") == []


# --- formality ---


@pytest.mark.parametrize(
    "text,mode,expected",
    [
        ("We are thrilled. It is not too late.", "required", ["We are", "It is"]),  # overlaps: the first wins
        ("That is, the sale ends today. Yes, we are.", "required", []),
        ("I have been there.", "required", []),  # "have" forms need a participle check: left alone
        ("We're open, don't worry.", "forbidden", ["We're", "don't"]),
        ("We are open, do not worry.", "forbidden", []),
        ("We’re open.", "forbidden", ["We’re"]),
        ("WE'RE OPEN, DON’T WORRY.", "forbidden", ["WE'RE", "DON’T"]),
        # the patterns match case-insensitively, reading Turkish İ and ı as i: so does the
        # substring test that spares them a scan
        ("İT'S open, ı’m late.", "forbidden", ["İT'S", "ı’m"]),
        ("We are open, İt is late.", "required", ["We are", "İt is"]),
    ],
)
def test_contractions(text, mode, expected):
    assert matches("formality", text, "en-US", contractions=mode, slang=False) == expected


def test_contraction_suggestions_keep_case_and_ambiguity():
    _, found = run("formality", "Do not wait. He'd love it.", contractions="forbidden")
    assert found[0].replacements == ("He would", "He had") and not found[0].fix_safe
    _, found = run("formality", "Do not wait.", contractions="required")
    assert found[0].replacements == ("Don't",) and found[0].fix_safe


def test_no_mixing_cant_and_cannot():
    assert matches("formality", "You cannot miss it. You can't.", "en-US") == ["can't"]
    assert matches("formality", "You can't miss it. You cannot.", "en-US") == ["cannot"]
    assert matches("formality", "You can't miss it. You cannot.", "en-US", consistent=False) == []


def test_slang_is_extendable_and_prunable():
    assert matches("formality", "This is gonna be cool, lol.", "en-US", slang_remove=["cool"]) == ["gonna", "lol"]
    assert matches("formality", "Ce spa est trop bien, c’est ouf.", "fr-FR", slang_remove=["ouf"]) == ["trop bien"]
    assert matches("formality", "Un séjour canon.", "fr-FR", slang_add=["canon"]) == ["canon"]


# --- person ---


@pytest.mark.parametrize(
    "text,language,speak_as,expected",
    [
        ("Je vous attends, moi.", "fr-FR", "we", ["Je", "moi"]),
        ("Nous vous attendons.", "fr-FR", "we", []),
        ("Nous vous attendons.", "fr-FR", "third", ["Nous"]),
        ("I love my job.", "en-US", "we", ["I", "my"]),
        ("I love my job.", "en-US", "I", []),
        ("“I loved it,” says Ana. We did too.", "en-US", "we", []),
        ("Part I of our series is out.", "en-US", "we", []),
    ],
)
def test_person(text, language, speak_as, expected):
    assert matches("person", text, language, speak_as=speak_as) == expected


# --- passive ---


@pytest.mark.parametrize(
    "text,language,expected",
    [
        ("La chambre a été réservée par Marie.", "fr-FR", ["été réservée"]),
        ("Le petit-déjeuner est servi par nos chefs.", "fr-FR", ["est servi"]),
        ("Marie a réservé la chambre.", "fr-FR", []),
        ("Il est arrivé hier.", "fr-FR", []),
        ("Your order was shipped by our team.", "en-US", ["was shipped"]),
        ("Mistakes were made.", "en-US", ["were made"]),
        ("Our team shipped your order.", "en-US", []),
        # issue 17: an attribute describing a state is no passive
        ("Les chouquettes du dimanche, c’est sacré…", "fr-FR", []),
        ("C’est fermé le lundi, c’est décidé.", "fr-FR", []),
        ("La boutique est fermée le lundi.", "fr-FR", []),
        ("Les chambres sont rénovées par nos équipes.", "fr-FR", ["sont rénovées"]),
        ("Vous êtes invités à la soirée.", "fr-FR", ["êtes invités"]),
        ("The rooms were renovated by our team.", "en-US", ["were renovated"]),
        ("Sunday brunch is sacred.", "en-US", []),  # the English of « c’est sacré »: an adjective
        # real tweets (DEFT 2017): attributes, and a parse of hashtags
        ("Les écologistes sont pour la PMA mais contre les OGM. C'est hypocrite.", "fr-FR", []),
        ("Un 14 juillet sans écologie ni vision d’avenir http via @user #EELV #MULHOUSE", "fr-FR", []),
    ],
)
def test_passive(text, language, expected):
    assert matches("passive", text, language, max_share=0) == expected


def test_passive_share_lets_some_through():
    text = "The rooms were renovated. We added a spa. We moved the bar. Come and see."
    assert matches("passive", text, "en-US", max_share=0.25) == []
    assert matches("passive", text, "en-US", max_share=0.2) == ["were renovated"]


# --- sentence length ---


def test_sentence_length_counts_words_not_hashtags_or_emoji():
    text = "Big sale on boots 🥾🥾 #hiking #outdoors #trail @rei https://x.co/a"
    assert matches("sentence_length", text, "en-US", max_words=4) == []
    assert matches("sentence_length", text, "en-US", max_words=3) == [text]


def test_sentences_per_paragraph():
    text = "Une. Deux. Trois.\n\nQuatre."
    _, found = run("sentence_length", text, "fr-FR", max_words=None, max_sentences=2)
    assert [text[m.start : m.end] for m in found] == ["Trois."]


# --- readability ---


def test_short_texts_are_not_scored():
    ctx, found = run("readability", "Extraordinarily incomprehensible terminology.", min_words=30)
    assert found == [] and ctx.metrics["readability"] == {"words": 3, "scored": False}


def test_readability_scores_and_bands():
    text = "The cat sat on the mat. " * 8
    ctx, found = run("readability", text, min_words=10)
    scores = ctx.metrics["readability"]
    assert scores["words"] == 48 and scores["sentences"] == 8
    assert scores["reading_ease"] > 100 and scores["grade"] < 0  # one-syllable words, six per sentence
    assert found == []
    _, found = run("readability", text, min_words=10, reading_ease=[None, 80])
    assert "Flesch reading ease is 116.1, the target is at most 80" in found[0].message
    assert found[0].whole_document


def test_french_uses_kandel_moles_and_lix():
    text = "Le chat dort sur le lit. " * 8
    ctx, _ = run("readability", text, "fr-FR", min_words=10)
    scores = ctx.metrics["readability"]
    assert scores["formula"] == "Kandel–Moles" and "grade" not in scores
    assert scores["lix"] == pytest.approx(6.0)  # six words per sentence, no long word


# --- lexicons ---


@pytest.mark.parametrize(
    "kind,text,language,options,expected",
    [
        ("hedging", "Nous pensons que vous allez peut-être aimer.", "fr-FR", {}, ["Nous pensons", "peut-être"]),
        ("hedging", "Vous allez aimer.", "fr-FR", {}, []),
        ("hedging", "Maybe you might like it.", "en-US", {"remove": ["might"]}, ["Maybe"]),
        ("hype", "Une offre exceptionnelle, à ne pas manquer.", "fr-FR", {}, ["exceptionnelle", "à ne pas manquer"]),
        ("hype", "This is an epic deal.", "en-US", {"lexicon": False, "add": ["deal"]}, ["deal"]),
        ("cliches", "Un havre de paix au cœur de la ville.", "fr-FR", {"remove": ["au cœur de"]}, ["havre de paix"]),
        ("cliches", "Look no further: a hidden gem.", "en-US", {}, ["Look no further", "hidden gem"]),
        ("jargon", "Nous allons impacter vos process.", "fr-FR", {}, ["impacter", "process"]),
        ("jargon", "Let's circle back and leverage it.", "en-US", {}, ["circle back", "leverage"]),
        ("jargon", "Follow #leverage and @synergy", "en-US", {}, []),
    ],
)
def test_lexicon_kinds(kind, text, language, options, expected):
    assert matches(kind, text, language, **options) == expected


# --- energy ---


@pytest.mark.parametrize(
    "text,options,expected",
    [
        ("Wow!! Great!", {}, ["!!", "!"]),
        ("Wow! Great!", {"max_exclamations": 2}, []),
        ("Vraiment ?!", {}, ["?!"]),
        ("HUGE SALE at the FAQ page", {}, ["HUGE SALE"]),  # a run of capitals is one shout
        ("Part III of our NASA series", {}, []),
        ("BIG day", {"caps_allow": ["BIG"]}, []),
        ("Go 🌞 go 🌊 go 🏔️ go 🥾", {}, ["🥾"]),
        ("Go 🌞🌊", {"max_emoji_run": 2}, []),
        ("Go 🌞 go 💩", {"emoji_banned": ["💩"]}, ["💩"]),
        ("Go 🌞 go 🌊", {"emoji_allowed": ["🌞"]}, ["🌊"]),
        ("❤️ cette vue", {}, ["❤️"]),
        ("Où ? Quand ? Comment ?", {"max_questions": 1}, ["?", "?"]),
    ],
)
def test_energy(text, options, expected):
    assert matches("energy", text, "fr-FR", **options) == expected


def test_energy_spares_the_guide_vocabulary():
    ctx = CheckContext(ProseText.plain("Visit REI today"), language="en-US", accepted_words=frozenset({"REI"}))
    assert list(get_kind("energy").check(ctx, get_kind("energy").options())) == []


# --- tone profile and bands ---


def test_tone_profile_dimensions():
    ctx = CheckContext(ProseText.plain("INCROYABLE !!! Des prix FOUS 🔥🔥 à ne pas manquer. Réserve vite !"), language="fr-FR")
    profile = tone_profile(ctx)
    assert set(profile) == {"formality", "energy", "confidence", "readability", "passive_share", "avg_sentence_length", "register"}
    assert profile["energy"] == 1.0 and profile["register"] == "tu" and profile["readability"] is None
    calm = tone_profile(CheckContext(ProseText.plain(
        "Nos chambres ont été rénovées au printemps. Le petit-déjeuner est servi dès sept heures. Vous êtes les bienvenus."
    ), language="fr-FR"))
    assert calm["energy"] == 0.0 and calm["confidence"] == 1.0
    assert calm["passive_share"] == pytest.approx(0.67, abs=0.01)
    assert calm["register"] == "vous" and calm["avg_sentence_length"] == pytest.approx(6.0)  # 18 words, 3 sentences
    hedgy = tone_profile(CheckContext(ProseText.plain("Maybe we could perhaps try. It might work."), language="en-US"))
    assert hedgy["confidence"] == 0.0 and hedgy["register"] is None


def test_formality_dimension_orders_registers():
    formal = tone_profile(CheckContext(ProseText.plain(
        "The renovation of the historic building provides guests with spacious rooms and a quiet garden."), language="en-US"))
    casual = tone_profile(CheckContext(ProseText.plain("Oh wow, we really just love it so much, honestly!"), language="en-US"))
    assert formal["formality"] > 0.6 > casual["formality"]


def test_tone_band_finding_states_value_and_target():
    ctx, found = run("tone", "HUGE!!! DEALS 🔥🔥🔥", dimension="energy", band=[0.1, 0.4])
    assert len(found) == 1 and found[0].whole_document
    assert dict(found[0].params) == {"dimension": "Energy", "value": 1.0, "target": "between 0.1 and 0.4"}
    assert ctx.metrics["tone"]["energy"] == 1.0
    _, found = run("tone", "Our boots keep your feet dry on long hikes.", dimension="energy", band=[0.0, 0.4])
    assert found == []


def test_tone_options_are_validated():
    with pytest.raises(ValidationError):
        get_kind("tone").options.model_validate({"dimension": "energy", "band": [0.5, 0.1]})
    with pytest.raises(ValidationError):
        get_kind("tone").options.model_validate({"band": [0.1, 0.5]})
    with pytest.raises(ValidationError):
        get_kind("tone").options.model_validate({"dimension": "loudness"})


# --- guide sections ---


def _guide(data: dict):
    """The validated guide (the schema accepts it) and a rule factory with its levels."""
    guide = GUIDES.model.model_validate(data)
    return guide, RuleFactory("brand", "brand.yaml", LevelMap(dict(guide.levels)), GUIDES.kinds)


def test_voice_section_builds_voice_rules_with_shorthands():
    guide = _guide({"voice": {"register": "tu", "contractions": "required", "person": "third",
                              "passive": {"max_share": 0.2}, "hype": True, "jargon": False}})
    rules = {r.id: r for r in build_voice_rules(*guide)}
    assert set(rules) == {"voice.register", "voice.formality", "voice.person", "voice.passive", "voice.hype"}
    assert rules["voice.register"].options.use == "tu"
    assert rules["voice.formality"].options.contractions == "required"
    assert rules["voice.person"].options.speak_as == "third"
    assert rules["voice.passive"].options.max_share == 0.2
    assert rules["voice.passive"].category == "style" and rules["voice.register"].category == "tone"


def test_levels_apply_to_voice_rules():
    guide = _guide({"voice": {"hype": True, "passive": True}, "levels": {"voice.hype": "error", "voice.passive": "off"}})
    rules = [r for r in build_voice_rules(*guide) if r is not None]
    assert [(r.id, r.level) for r in rules] == [("voice.hype", "error")]


def test_tone_section_builds_profile_and_band_rules():
    guide = _guide({"tone": {"energy": [0.1, 0.4], "formality": [0.5, None]}})
    rules = {r.id: r for r in build_tone_rules(*guide)}
    assert set(rules) == {"tone.profile", "tone.energy", "tone.formality"}
    assert rules["tone.energy"].options.band == (0.1, 0.4)
    assert list(build_tone_rules(*_guide({}))) == []
    assert [r.id for r in build_tone_rules(*_guide({"voice": {"hype": True}}))] == ["tone.profile"]


@pytest.mark.parametrize(
    "section",
    [
        {"voice": {"register": "toi"}},
        {"voice": {"passive": {"max_shar": 0.2}}},
        {"voice": {"loudness": True}},
        {"tone": {"energy": [0.5, 0.1]}},
        {"tone": {"warmth": [0, 1]}},
    ],
)
def test_guide_mistakes_are_schema_errors(section):
    with pytest.raises(ValidationError):
        GUIDES.model.model_validate(section)


def test_voice_section_models_and_schema():
    assert VoiceSection.model_validate({"models": {"fr": ["fr_core_news_md", "fr_core_news_sm"]}}).models["fr"][1] == "fr_core_news_sm"
    assert "register" in VoiceSection.model_json_schema()["properties"]
    assert ToneSection().min_words == 30


def test_cli_json_has_the_tone_profile_and_voice_findings(tmp_path):
    (tmp_path / "brand.yaml").write_text(
        "name: Brand\nlanguage: fr-FR\nvoice:\n  register: vous\n  hype: true\ntone:\n  energy: [0, 0.3]\n",
        encoding="utf-8",
    )
    (tmp_path / "post.txt").write_text("Réserve ta chambre, une vue incroyable !! 🔥🔥 #Lyon @hotelia\n", encoding="utf-8")
    _, report = run_json("check", "--no-grammar", "--no-cache", "--brand", str(tmp_path / "brand.yaml"), str(tmp_path / "post.txt"))
    file = report["files"][0]
    assert set(file["tone"]) >= {"formality", "energy", "confidence", "readability", "passive_share", "avg_sentence_length", "register"}
    assert file["tone"]["register"] == "tu"
    rules = {(f["rule"], f["match"]) for f in file["findings"]}
    assert {("voice.register", "Réserve"), ("voice.register", "ta"), ("voice.hype", "incroyable")} <= rules
    energy = [f for f in file["findings"] if f["rule"] == "tone.energy"]
    assert energy and energy[0]["category"] == "tone" and "cible\u00a0: entre 0 et 0,3." in energy[0]["message"]
