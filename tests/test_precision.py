"""Precision on real posts (issue 12): each false-alarm pattern measured by
benchmarks/bench_precision.py has a regression test here, in French and English, and each real
problem next to it is still reported."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
import yaml
from helpers import ROOT, matches

from brandvoice.channels.segment import best_split
from brandvoice.engine import one_report_per_problem
from brandvoice.findings import Finding, Level
from brandvoice.nlp.capitals import is_acronym
from brandvoice.parsing.social import find_social_spans
from brandvoice.runner import Checker, RunOptions

SHOUTING = {"shouting": True}


def shouted(text: str, language: str) -> list[str]:
    return matches("capitalization", text, language, **SHOUTING)


@pytest.fixture(autouse=True, scope="module")
def _forget_pipelines():
    """Checks here load spaCy models in this process; later tests expect a process that has not
    (sentence boundaries at the tokens level depend on whether a model is already loaded)."""
    yield
    from brandvoice.nlp.models import reset

    reset()


def check(text: str, brand: str, language: str, channels=("x",)) -> list[Finding]:
    """The findings of the real engine (LanguageTool included) on one post."""
    checker = Checker(RunOptions(brand=brand, language=language, channels=channels, cache=False))
    return checker.check_texts([("post.txt", text + "\n")])[0].findings


def guide(tmp_path: Path, body: str) -> str:
    path = tmp_path / "brand.yaml"
    path.write_text(textwrap.dedent(body), encoding="utf-8")
    return str(path)


# -- acronyms are not shouting; shouting is a run of capitals or a common word in capitals -------
@pytest.mark.parametrize("text,language", [
    ("Un rapport de la CNIL, de la LPO, de la SNCF et de l’UE sur les OGM.", "fr-FR"),
    ("L’UE prédit une hausse. L’ONU aussi, comme l’INSEE.", "fr-FR"),  # sentence-initial L’UE
    ("Pour le PLFR, voir le dossier GPII sur BFMTV, SVP.", "fr-FR"),
    ("The ICS file, the SDK, .NET and NASA's new API.", "en-US"),
    ("GOP and DNC leaders met the NYT. OMG, LOL.", "en-US"),
    ("Use code SUMMER20 or COP21, and see Part III.", "en-US"),  # codes and Roman numerals
])
def test_acronyms_are_not_shouting(text, language):
    assert shouted(text, language) == []


@pytest.mark.parametrize("text,language,expected", [
    ("C’est VRAIMENT beau.", "fr-FR", ["VRAIMENT"]),
    ("Il est temps d’AGIR.", "fr-FR", ["AGIR"]),  # issue 17: the elided article stays out
    ("PATRIMOINE-Le fromage, espèce menacée", "fr-FR", ["PATRIMOINE"]),  # issue 17
    ("C’est L’ABSENCE d’écologie.", "fr-FR", ["L’ABSENCE"]),
    ("SOLDES MONSTRES au spa !", "fr-FR", ["SOLDES MONSTRES"]),  # a run is one shout
    ("TRICLOSAN et PERTURBATEURS : un rapport", "fr-FR", ["TRICLOSAN et PERTURBATEURS"]),
    ("HARRY REID UNLOADS: Trump put it", "en-US", ["HARRY REID UNLOADS"]),
    ("HAPPY is how I feel. It was bought AND paid for.", "en-US", ["HAPPY", "AND"]),
    ("They are SO DUMB!", "en-US", ["SO DUMB"]),
    ("Just say NOOOOOOO to it.", "en-US", ["NOOOOOOO"]),  # drawn out
])
def test_shouting_is_reported_once_per_run(text, language, expected):
    assert shouted(text, language) == expected


def test_acronyms_at_the_edge_of_a_run_stay_out_of_it():
    assert shouted("Elected BY POPULAR VOTE, GOP nominee", "en-US") == ["BY POPULAR VOTE"]
    assert shouted("La SNCF et la RATP", "fr-FR") == []  # a run of acronyms does not shout


@pytest.mark.parametrize("text,language,calm", [
    ("I'LL be there.", "en-US", "I'll"),  # issue 17: not "i'll"
    ("VRAIMENT génial.", "fr-FR", "Vraiment"),  # a capital at the start of a sentence
    ("Il faut d’AGIR.", "fr-FR", "agir"),
    ("We LOVE THE NASA TEAM", "en-US", "love the NASA team"),  # acronyms inside a run are kept
])
def test_the_suggested_calm_form(text, language, calm):
    from brandvoice.parsing.prose import ProseText
    from brandvoice.registry import kind as get_kind
    from brandvoice.rules.base import CheckContext

    kind = get_kind("capitalization")
    options = kind.options(shouting=True)
    [match] = kind.check(CheckContext(prose=ProseText.plain(text), language=language), options)
    assert match.replacements == (calm,)


def test_energy_reads_capitals_as_capitalization_does():
    assert matches("energy", "Enfin l’été à la SNCF, VRAIMENT", "fr-FR", max_exclamations=None) == ["VRAIMENT"]
    assert matches("energy", "Free WIFI at NASA. HUGE SALE today", "en-US") == ["HUGE SALE"]


def test_acronyms_are_told_from_words_by_a_dictionary():
    assert is_acronym("GPII", "fr-FR") and is_acronym("NASA", "en-US") and is_acronym("LSI", "fr-FR")
    assert not is_acronym("VRAIMENT", "fr-FR") and not is_acronym("HAPPY", "en-US")
    assert not is_acronym("DEVELOPPEMENT", "fr-FR")  # long: a word, misspelled
    assert not is_acronym("Nasa", "en-US")  # not in capitals


# -- a typo in capitals keeps its spelling finding, with a right suggestion ---------------------
@pytest.mark.parametrize("text,language,word,right", [
    ("Le DEVELOPPEMENT durable avance.", "fr-FR", "DEVELOPPEMENT", "développement"),
    ("The DEVELOPMNET team is here.", "en-US", "DEVELOPMNET", "development"),
])
def test_a_typo_in_capitals_is_one_spelling_finding_written_calmly(languagetool_server, text, language, word, right):
    found = [f for f in check(text, f"base-{language[:2]}", language) if f.match == word]
    assert len(found) == 1
    [finding] = found
    assert finding.source == "languagetool" and finding.category == "spelling" and finding.level == Level.ERROR
    assert finding.replacements[0] == right


def test_languagetool_does_not_call_acronyms_misspellings(languagetool_server):
    text = "Dossier GPII : voir le rapport du LSI et de l’ACS."
    assert [f.match for f in check(text, "base-fr", "fr-FR") if f.category == "spelling"] == []
    assert [f.match for f in check("Led by REVCOM, not LNYHB.", "base-en", "en-US")
            if f.category == "spelling"] == ["REVCOM"]  # 6 letters: not taken for an acronym


# -- LanguageTool matches partly on a handle or a hashtag ---------------------------------------
def test_a_match_partly_on_a_handle_is_trimmed_to_the_error(languagetool_server):
    [finding] = [f for f in check("I love @Apple 's new phone.", "base-en", "en-US") if f.source == "languagetool"]
    assert finding.match == " 's" and finding.replacements == ("'s",)


def test_a_match_ending_on_an_address_keeps_its_error(languagetool_server):
    found = check("Écrivez-nous a recrutement@mirabelle.fr pour postuler.", "base-fr", "fr-FR")
    assert [(f.rule, f.match, f.replacements[:1]) for f in found] == [("languagetool.A_ACCENT", "a", ("à",))]


# -- grammar beyond LanguageTool (issue 17) ------------------------------------------------------
@pytest.mark.parametrize("text,match,suggestion", [
    ("Quelque soit votre parcours, venez.", "Quelque soit", "Quel que soit"),  # LanguageTool is silent
    ("Nos galettes vous attendent, quelque soit la saison.", "quelque soit", "quelle que soit"),
    ("Quelque soit vos projets, parlons-en.", "Quelque soit", "Quels que soient"),  # a plural follows
    ("Quelques soient vos envies, venez.", "Quelques soient", "Quels que soient"),  # LanguageTool sees this one too
])
def test_quel_que_soit_is_one_report_with_the_agreed_form(languagetool_server, text, match, suggestion):
    found = [(f.rule, f.match, f.replacements) for f in check(text, "base-fr", "fr-FR") if f.category == "grammar"]
    assert found == [("base-fr.quel-que-soit", match, (suggestion,))]


def test_quel_que_soit_written_right_passes(languagetool_server):
    found = check("Quel que soit votre parcours, quelle que soit votre envie, venez.", "base-fr", "fr-FR")
    assert [f.rule for f in found if f.category == "grammar"] == []


def test_a_match_inside_a_hashtag_is_still_dropped(languagetool_server):
    assert [f for f in check("On adore #JeudiPhoto et #ecolo", "base-fr", "fr-FR") if f.source == "languagetool"] == []


# -- conventions of the medium -----------------------------------------------------------------
@pytest.mark.parametrize("text,language", [
    ("RT @user: Merci pour tout.", "fr-FR"),
    ("“@Slatefr: Actuellement, la neige est noire au Groenland.", "fr-FR"),
    ("Merci pour l’info cc @bob et via @ann.", "fr-FR"),
    (".@marque merci pour l’accueil.", "fr-FR"),
    ("C’est fini :( mais demain ;-) =] ^^ o_O", "fr-FR"),
    ("Rouge &amp; noir &gt; blanc.", "fr-FR"),
    ("Great news, thanks cc @bob.", "en-US"),
    ("RT @user: so sad :( today, see you ;-) =]", "en-US"),
    ("Tom &amp; Jerry &gt; the rest.", "en-US"),
    ("Posted by grandtheftauto_five_troller today.", "en-US"),
])
def test_conventions_of_the_medium_are_not_errors(languagetool_server, text, language):
    assert check(text, f"base-{language[:2]}", language) == []


def test_conventions_are_social_spans():
    kinds = [(s.kind, s.text) for s in find_social_spans("RT @user: ok :-) &amp; cc @bob .@brand 12:30 http://x.fr")]
    assert kinds == [("convention", "RT"), ("mention", "@user"), ("convention", ":"), ("emoticon", ":-)"),
                     ("entity", "&amp;"), ("convention", "cc"), ("mention", "@bob"), ("convention", "."),
                     ("mention", "@brand"), ("url", "http://x.fr")]


def test_a_colon_after_a_mention_inside_a_sentence_is_still_french_punctuation():
    found = matches("typography_fr", "Je suis d’accord avec @user: bravo.", "fr-FR", checks=["nbsp"])
    assert found == [":"]


# -- CamelCase hashtags: only confident splits, never a dictionary word --------------------------
@pytest.mark.parametrize("body", ["parkour", "chiche", "surpêche", "greenwashing", "ecologie", "sportwetten",
                                  "sadderness"])
def test_no_split_for_words_or_unlikely_splits(body):
    assert best_split(body, ("fr",)) is None and best_split(body, ("en",)) is None


@pytest.mark.parametrize("body,language,parts", [
    ("microsoftstores", "en", ["microsoft", "stores"]),  # not Micro|Soft|Stores
    ("thewalkingdead", "en", ["the", "walking", "dead"]),
    ("notforme", "fr", ["not", "for", "me"]),  # English words in a French post
    ("transitionénergétique", "fr", ["transition", "énergétique"]),
    ("vacancesenfamille", "en", ["vacances", "en", "famille"]),  # French words in an English post
])
def test_confident_splits(body, language, parts):
    assert best_split(body, (language,)) == parts


def test_camel_case_rule_on_posts():
    from channel_helpers import run_kind

    from brandvoice.rules import hashtags

    assert matches("hashtags", "Vive le #parkour et le #chiche", "fr-FR") == []
    found, _ = run_kind(hashtags, "New #microsoftstores open", language="en-US")
    assert [m.replacements for m in found] == [("#MicrosoftStores",)]


# -- no-break spaces: U+00A0 before ; ! ? is French too, unless the policy is strict ------------
def test_an_ordinary_no_break_space_is_accepted_unless_strict(tmp_path):
    text = "Vous venez\u00a0? Super\u00a0! Génial\u00a0; à bientôt\u202f!"
    assert [f for f in check(text, "base-fr", "fr-FR") if f.rule == "typography.fr.nbsp"] == []
    strict = guide(tmp_path, "extends: base-fr\ntypography: {nbsp: strict}\ngrammar: {enabled: false}\n")
    found = [f.match for f in check(text, strict, "fr-FR") if f.rule == "typography.fr.nbsp"]
    assert found == ["\u00a0?", "\u00a0!", "\u00a0;"]


def test_a_plain_space_before_an_exclamation_mark_is_still_reported():
    assert matches("typography_fr", "Super !", "fr-FR", checks=["nbsp"]) == [" !"]


# -- lexicon entries read in context ------------------------------------------------------------
@pytest.mark.parametrize("text,language,expected", [
    ("L’écosystème de la forêt boréale souffre.", "fr-FR", []),
    ("#Océans : les méduses disent la santé de l’écosystème", "fr-FR", []),  # hashtags are context too
    ("Notre écosystème de partenaires grandit.", "fr-FR", ["écosystème"]),
    ("The coral reef ecosystem is dying.", "en-US", []),
    ("We leverage our ecosystem.", "en-US", ["leverage", "ecosystem"]),
])
def test_jargon_entries_with_a_literal_sense(text, language, expected):
    assert matches("jargon", text, language) == expected


# -- one problem, one report --------------------------------------------------------------------
def _finding(rule, offset, match, level=Level.WARNING, source="brandvoice", replacements=(), message="m",
             fix_safe=False):
    return Finding(rule=rule, source=source, category="style", level=level, message=message, line=1,
                   column=offset + 1, end_line=1, end_column=offset + 1 + len(match), offset=offset,
                   length=len(match), match=match, replacements=replacements, fix_safe=fix_safe)


def test_the_stronger_of_two_reports_on_a_span_speaks_with_a_right_suggestion():
    shout = _finding("base-fr.majuscules", 3, "DEVELOPPEMENT", replacements=("developpement",))
    typo = _finding("languagetool.FR_SPELLING_RULE", 3, "DEVELOPPEMENT", Level.ERROR, "languagetool",
                    ("DÉVELOPPEMENT", "DÉVELOPPEMENTS"))
    [one] = one_report_per_problem([shout, typo])
    assert one.rule == "languagetool.FR_SPELLING_RULE" and one.replacements == ("développement", "développements")


def test_two_insertions_on_one_span_make_one_suggestion():
    nbsp = _finding("typography.fr.nbsp", 10, ":", Level.SUGGESTION, replacements=("\u00a0:",), fix_safe=True,
                    message="Put a no-break space before “:”.")
    after = _finding("languagetool.DEUX_POINTS_ESPACE", 10, ":", Level.WARNING, "languagetool", (": ",),
                     message="Une espace est requise.")
    [one] = one_report_per_problem([nbsp, after])
    assert one.replacements == ("\u00a0: ",) and "requise" in one.message and "no-break" in one.message


def test_a_run_and_its_element_are_one_report():
    run = _finding("voice.energy", 5, "!!", replacements=("!",))
    element = _finding("brand.exclamations", 6, "!", Level.ERROR)
    [one] = one_report_per_problem([run, element])
    assert (one.rule, one.match, one.replacements, one.level) == ("brand.exclamations", "!!", ("!",), Level.ERROR)
    space = _finding("typography.fr.nbsp", 4, " !", Level.SUGGESTION)  # a different problem on the same marks
    assert len(one_report_per_problem([space, run])) == 2


def test_a_finding_whose_fix_is_one_of_a_wider_suggestion_is_the_same_problem():
    repeated = _finding("base-fr.doublons", 10, "les les", Level.ERROR, replacements=("les",))
    determiner = _finding("languagetool.DUPLICATE_DETERMINER", 10, "les les places", Level.ERROR, "languagetool",
                          ("les places", "la place"))
    [one] = one_report_per_problem([determiner, repeated])
    assert (one.rule, one.match, one.replacements) == ("base-fr.doublons", "les les", ("les",))
    plural = _finding("languagetool.AGREEMENT", 10, "les les places", Level.ERROR, "languagetool", ("les place",))
    assert len(one_report_per_problem([plural, repeated])) == 2  # another edit: another problem


def test_exclamation_runs_and_repeated_words_through_a_guide(languagetool_server, tmp_path):
    brand = guide(tmp_path, """\
        extends: base-fr
        rules:
          exclamations: {kind: occurrence, pattern: "!", max: 1, level: error}
        typography: {nbsp: off}
        """)
    found = [(f.rule, f.match) for f in check("Enfin l’été !! Réservez les les chambres.", brand, "fr-FR")]
    assert ("brand.exclamations", "!!") in found and ("voice.energy", "!!") not in found
    assert [rule for rule, match in found if match in ("!", "!!")] == ["brand.exclamations"]
    assert [rule for rule, match in found if "les les" in match] == ["base-fr.doublons"]


# -- the base guides choose LanguageTool's rules for social posts, each with its reason ----------
@pytest.mark.parametrize("name", ["base-fr", "base-en"])
def test_every_languagetool_rule_a_base_guide_turns_off_says_why(name):
    path = ROOT / "styleguides" / f"{name}.yaml"
    disabled = yaml.safe_load(path.read_text(encoding="utf-8"))["grammar"]["disabled_rules"]
    assert disabled
    lines = path.read_text(encoding="utf-8").splitlines()
    for rule in disabled:
        [line] = [l for l in lines if l.split("#")[0].strip() == f"- {rule}"]
        assert "#" in line and line.split("#", 1)[1].strip(), f"{name}: {rule} is turned off without a reason"


@pytest.mark.parametrize("text,brand,language,rule", [
    ("1 300 espèces menacées : les oiseaux disparaissent", "base-fr", "fr-FR", "languagetool.NOMBRES_EN_LETTRES"),
    ("Une pause de 2 minutes et on repart", "base-fr", "fr-FR", "languagetool.POINT"),
    ("I'm so excited for the weekend.", "base-en", "en-US", "languagetool.EXCITED_FOR"),
    ("We went home and we slept.", "base-en", "en-US", "languagetool.COMMA_COMPOUND_SENTENCE"),
])
def test_style_rules_unfit_for_posts_are_off_in_the_base_guides(languagetool_server, text, brand, language, rule):
    assert rule not in {f.rule for f in check(text, brand, language)}


# -- proper names are not misspellings (real tweets; benchmarks/bench_precision.py) ---------------
def _spelling(text: str, language: str) -> list[str]:
    return [f.match for f in check(text, f"base-{language[:2]}", language) if f.category == "spelling"]


@pytest.mark.parametrize("text,language", [
    # a capital inside a sentence, and spaCy's tagger reads a proper noun
    ("Same as what Whoopi said about rape of 13 yo by Roman Polanski.", "en-US"),
    ("Facebook has banned modeling pictures of Melania Knauss Trump", "en-US"),
    ("The BOLD BAKERY by Sarah-Brockett #bakery", "en-US"),  # each part of a hyphenated name
    ("Le Parlement européen s'alarme de la place de l'écologie dans la Commission Juncker", "fr-FR"),
    # a sentence's own capital: spaCy's entity recogniser reads the name of a person
    ("Dylann Roof wants his attorneys back until the sentencing phase of his death penalty case", "en-US"),
])
def test_proper_names_are_not_misspellings(languagetool_server, text, language):
    assert _spelling(text, language) == []


@pytest.mark.parametrize("text,language,word", [
    ("Thechicago firehouse restaurant goes up in flames", "en-US", "Thechicago"),  # opens, no entity
    ("Wikileaks email: Obama Administration", "en-US", "Wikileaks"),  # suggestion respells: WikiLeaks
    ("I hate these shitty fake logic arguements against self-driving cars.", "en-US", "arguements"),
    ("Ségolène Royal face à sa première crise au ministère de l'Ecologie", "fr-FR", "Ecologie"),  # Écologie
    ("@user a name written in lower case: tell obama admin", "en-US", "obama"),
])
def test_misspellings_that_look_like_names_are_still_reported(languagetool_server, text, language, word):
    assert word in _spelling(text, language)


def test_a_respelling_is_not_the_acronym_reading():
    from brandvoice.nlp.proper_names import respells

    assert respells("Ecologie", ["Écologie"]) and respells("Wikileaks", ["WikiLeaks"])
    assert respells("OBrien", ["O'Brien"])
    assert not respells("Tipp", ["TIPP", "Tip"]) and not respells("Westworld", ["West world"])


def test_no_name_reading_without_a_model_or_where_every_noun_has_a_capital(monkeypatch):
    from brandvoice.nlp import proper_names
    from brandvoice.parsing.prose import ProseText
    from brandvoice.rules.base import CheckContext

    text = "Same as what Whoopi said."
    ctx = CheckContext(ProseText.plain(text), language="en-US")
    assert proper_names.reads_as_name(ctx, 13, 19, ["Whoop"])
    monkeypatch.setattr(proper_names, "_entity_labels", lambda *_: set())
    german = CheckContext(ProseText.plain("Wir haben den Hund gesehen."), language="de-DE")
    assert not proper_names.reads_as_name(german, 14, 18, ["Hand"])  # a noun's capital says nothing
    monkeypatch.setattr("brandvoice.nlp.models.resolve_model", lambda *_: None)
    assert not proper_names.reads_as_name(ctx, 13, 19, ["Whoop"])


# -- unpaired quotes: apostrophes and links glued to a quote ------------------------------------
def _quotes(text: str) -> list[tuple[int, str]]:
    return [(f.offset, f.match) for f in check(text, "base-en", "en-US") if f.rule == "languagetool.EN_UNPAIRED_QUOTES"]


@pytest.mark.parametrize("text", [
    # an apostrophe that ends a word, with no quotation open before it: an elision
    "@user There's a bunch but:Pain in My HeartMBDTF & College DropoutFreewheelin' Bob DylanRidin' Dirty "
    "(H-Town)Pet Sounds",
    # a link glued to a closing quote is read after a space: the quote closes
    '@user "Trump holds stock in the company building the disputed Dakota Access oil pipeline…"'
    "https://t.co/EGU1BAhf28",
])
def test_paired_quotes_and_apostrophes_are_not_unpaired(languagetool_server, text):
    assert _quotes(text) == []


@pytest.mark.parametrize("text,expected", [
    ("“Worry is a down payment on a problem you may never have'. Joyce Meyer. #motivation", [(0, "“"), (56, "'")]),
    ('"Donald Trump isn’t just vowing to undo US climate policies as president. https://t.co/XXXXXXXXXX', [(0, '"')]),
])
def test_unpaired_quotes_are_still_reported(languagetool_server, text, expected):
    assert _quotes(text) == expected


def test_a_guide_can_turn_the_name_reading_off(languagetool_server, tmp_path):
    brand = guide(tmp_path, """
        extends: base-en
        grammar: {proper_names: false}
        """)
    text = "Same as what Whoopi said about rape of 13 yo by Roman Polanski."
    assert [f.match for f in check(text, brand, "en-US") if f.category == "spelling"] == ["Whoopi"]


def test_a_slip_of_the_brands_own_name_is_no_other_name(languagetool_server, tmp_path):
    brand = guide(tmp_path, """
        extends: base-fr
        names: [Brisalune]
        """)
    assert _spelling("Nos vélos Brisalunne arrivent demain en boutique.", "fr-FR") == []  # no guide: a name
    found = [f.match for f in check("Nos vélos Brisalunne arrivent demain en boutique.", brand, "fr-FR")
             if f.category == "spelling"]
    assert found == ["Brisalunne"]
    assert [f for f in check("Nos vélos Brisalune arrivent demain en boutique.", brand, "fr-FR")] == []
