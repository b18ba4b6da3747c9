"""Precision on real posts (issue 12): each false-alarm pattern measured by
benchmarks/bench_precision.py has a regression test here, in French and English, and each real
problem next to it is still reported."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from helpers import ROOT, matches

from brandvoice.files import SourceFile
from brandvoice.findings import Finding
from brandvoice.parsing.social import find_social_spans
from brandvoice.runner import RunOptions, check_sources

SHOUTING = {"shouting": True}


def shouted(text: str, language: str) -> list[str]:
    return matches("capitalization", text, language, **SHOUTING)


def check(text: str, brand: str, language: str, channels=("x",)) -> list[Finding]:
    """The findings of the real engine (LanguageTool included) on one post."""
    result = check_sources([SourceFile("post.txt", text + "\n")],
                           RunOptions(brand=brand, language=language, channels=channels, cache=False))
    return result.files[0].findings


def guide(tmp_path: Path, body: str) -> str:
    path = tmp_path / "brand.yaml"
    path.write_text(textwrap.dedent(body), encoding="utf-8")
    return str(path)


# -- LanguageTool matches partly on a handle or a hashtag ---------------------------------------
def test_a_match_partly_on_a_handle_is_trimmed_to_the_error(languagetool_server):
    [finding] = [f for f in check("I love @Apple 's new phone.", "base-en", "en-US") if f.source == "languagetool"]
    assert finding.match == " 's" and finding.replacements == ("'s",)


def test_a_match_ending_on_an_address_keeps_its_error(languagetool_server):
    found = check("Écrivez-nous a recrutement@mirabelle.fr pour postuler.", "base-fr", "fr-FR")
    assert [(f.rule, f.match, f.replacements[:1]) for f in found] == [("languagetool.A_ACCENT", "a", ("à",))]


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


# -- no-break spaces: U+00A0 before ; ! ? is French too, unless the policy is strict ------------
def test_an_ordinary_no_break_space_is_accepted_unless_strict(tmp_path):
    text = "Vous venez\u00a0? Super\u00a0! Génial\u00a0; à bientôt\u202f!"
    assert [f for f in check(text, "base-fr", "fr-FR") if f.rule == "typography.fr.nbsp"] == []
    strict = guide(tmp_path, "extends: base-fr\ntypography: {nbsp: strict}\ngrammar: {enabled: false}\n")
    found = [f.match for f in check(text, strict, "fr-FR") if f.rule == "typography.fr.nbsp"]
    assert found == ["\u00a0?", "\u00a0!", "\u00a0;"]


def test_a_plain_space_before_an_exclamation_mark_is_still_reported():
    assert matches("typography_fr", "Super !", "fr-FR", checks=["nbsp"]) == [" !"]
