"""Sentences never cross a blank line, a heading, a list item or a hashtag block, in French and
English, whether they come from punctuation (`ProseText.sentences`) or from spaCy (the voice kinds)."""

from __future__ import annotations

import pytest

from brandvoice.nlp.docs import get_doc, sentence_spans
from brandvoice.nlp.models import PARSE, TAGS, TOKENS
from brandvoice.parsing.document import parse_document
from brandvoice.parsing.prose import ProseText
from brandvoice.parsing.sentences import sentence_breaks
from brandvoice.rules.base import CheckContext
from helpers import matches

LAYOUTS = [
    # (text, sentences)
    ("Pâtisseries Mirabelle recrute\n\nRejoignez-nous vite", ["Pâtisseries Mirabelle recrute", "Rejoignez-nous vite"]),
    ("Nos atouts\n- livraison offerte\n- retours gratuits", ["Nos atouts", "- livraison offerte", "- retours gratuits"]),
    ("Our perks\n1. free shipping\n2. free returns", ["Our perks", "1. free shipping", "2. free returns"]),
    ("Ce que vous aimerez\n✅ la vue sur le lac\n✅ le spa", ["Ce que vous aimerez", "✅ la vue sur le lac", "✅ le spa"]),
    ("Super soirée\n#fun #party\nmerci à tous", ["Super soirée", "#fun #party", "merci à tous"]),
    ("Nous recrutons #job #lyon nos boutiques ouvrent", ["Nous recrutons #job #lyon", "nos boutiques ouvrent"]),
    ("Great trip with the team #hiking", ["Great trip with the team #hiking"]),
    ("Une. Deux !\n\nTrois", ["Une.", "Deux !", "Trois"]),
    ("Big sale on boots 🥾🥾 #hiking #outdoors #trail @rei https://x.co/a",
     ["Big sale on boots 🥾🥾 #hiking #outdoors #trail @rei https://x.co/a"]),
]


@pytest.mark.parametrize(("text", "expected"), LAYOUTS)
def test_punctuation_sentences_stop_at_the_layout(text, expected):
    prose = ProseText.plain(text)
    assert [text[a:b] for a, b in prose.sentences] == expected


def test_breaks_are_where_segments_start():
    text = "Titre\n\n#a #b\nSuite"
    assert sentence_breaks(text) == (7, 13)


def test_markdown_headings_and_list_items_are_their_own_sentences():
    doc = parse_document("post.md", "# Nouvelle boutique à Lyon\nNous ouvrons samedi\n\n- des galettes\n- des chouquettes\n")
    prose = doc.prose
    assert [prose.text[a:b] for a, b in prose.sentences] == [
        "Nouvelle boutique à Lyon", "Nous ouvrons samedi", "des galettes", "des chouquettes",
    ]



def _spacy_sentences(text: str, language: str, need: str) -> list[str]:
    ctx = CheckContext(prose=ProseText.plain(text), language=language)
    return [span.text for span in sentence_spans(get_doc(ctx, need))]


@pytest.mark.spacy
@pytest.mark.parametrize("need", [TOKENS, TAGS, PARSE])
@pytest.mark.parametrize(("text", "expected"), LAYOUTS)
def test_spacy_sentences_stop_at_the_layout(text, expected, need):
    language = "en-US" if any(w in text for w in ("Our", "Great", "Big")) else "fr-FR"
    assert _spacy_sentences(text, language, need) == expected


@pytest.mark.spacy
@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        # the parser cuts after the brand's name: a lower-case verb with no end punctuation before it continues
        ("Pâtisseries mirabelle recrute ! Rejoignez notre équipe.", "fr-FR",
         ["Pâtisseries mirabelle recrute !", "Rejoignez notre équipe."]),
        ("Rendez-vous le 12 mai à Lyon.", "fr-FR", ["Rendez-vous le 12 mai à Lyon."]),
        ("« Bravo ! » Ensuite on rentre.", "fr-FR", ["« Bravo ! »", "Ensuite on rentre."]),
        ("Trailcraft\nopens a new store in Denver.", "en-US", ["Trailcraft\nopens a new store in Denver."]),
        # a writer who writes all in lower case may start a sentence without a capital
        ("also referring to vegetarianism as a diet is so dumb, it's a lifestyle n if u 'cheat' you're not a "
         "vegetarian, don't treat it like a diet! !", "en-US",  # a real tweet (tweeteval)
         ["also referring to vegetarianism as a diet is so dumb, it's a lifestyle n",
          "if u 'cheat' you're not a vegetarian, don't treat it like a diet! !"]),
    ],
)
def test_spacy_boundaries_are_mended(text, language, expected):
    assert _spacy_sentences(text, language, PARSE) == expected


@pytest.mark.spacy
def test_a_paragraph_without_a_final_period_is_not_one_long_sentence():
    # issue 17: "31 words in this sentence" ran from line 4 to line 6, across a blank line
    text = (
        "Les galettes des rois sont arrivées dans nos boutiques de Lyon et de Villeurbanne\n\n"
        "Frangipane, pommes ou chocolat : venez les goûter avec toute la famille\n"
    )
    assert matches("sentence_length", text, "fr-FR", max_words=14) == []  # 14 and 13 words, not 27
    assert matches("sentence_length", text, "fr-FR", max_words=13) == [
        "Les galettes des rois sont arrivées dans nos boutiques de Lyon et de Villeurbanne"
    ]
    english = "New boots for the trail season are in our Denver store now\n\nCome try them on this weekend with friends\n"
    assert matches("sentence_length", english, "en-US", max_words=12) == []


@pytest.mark.spacy
def test_spacy_sentences_read_the_prose_scan_of_social_spans(monkeypatch):
    """The doc's text is the prose's: its social spans were found once, by the prose."""
    from brandvoice.parsing import sentences

    scans = []
    real = sentences.find_social_spans
    monkeypatch.setattr(sentences, "find_social_spans", lambda text: scans.append(text) or real(text))
    text = "Nous recrutons #job #lyon nos boutiques ouvrent"
    assert _spacy_sentences(text, "fr-FR", TOKENS) == ["Nous recrutons #job #lyon", "nos boutiques ouvrent"]
    assert scans == []
