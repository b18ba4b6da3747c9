"""Language packs: a language is one pack plus data. The German pack is the minimal one — no spaCy
model (a blank pipeline), no lexicons, no report strings — and checks a German draft end to end."""

from __future__ import annotations

import json

import pytest

from brandvoice.language import detect_language, normalise_language
from brandvoice.languages.packs import PACKS, pack_for
from brandvoice.nlp.measures import readability
from brandvoice.nlp.models import TOKENS, load_pipeline
from brandvoice.registry import GUIDES
from helpers import run_cli

GERMAN_DRAFT = (
    "Wir freuen uns sehr auf auf Ihren Besuhc in unserem Hotel.\n"
    "Das Frühstück ist inklusive und der Blick ist TOLL.\n"
)


@pytest.mark.parametrize("code", sorted(PACKS))
def test_every_pack_is_complete(code):
    pack = PACKS[code]
    assert pack.code == code and pack.default_locale in pack.locales
    assert all(locale.split("-")[0] == code for locale in pack.locales)
    guide = GUIDES.load(pack.base_guide)  # its base guide ships and loads
    assert guide.language == pack.default_locale and guide.rules
    if pack.report is not None:
        english = PACKS["en"].report
        assert set(pack.report.labels) == set(english.labels)
        assert set(pack.report.sentences) == set(english.sentences) and set(pack.report.nouns) == set(english.nouns)


def test_pack_lookup_and_locales():
    assert pack_for("fr-CA") is PACKS["fr"] and pack_for("de_AT") is PACKS["de"] and pack_for("it") is None
    assert [normalise_language(code) for code in ("fr", "en", "de", "it")] == ["fr-FR", "en-US", "de-DE", "it"]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Wir freuen uns auf Ihren Besuch und sind für Sie da.", "de"),
        ("Nous sommes ravis de vous accueillir.", "fr"),
        ("We are happy to see you.", "en"),
        ("Été", "fr"),  # no function word: French letters settle it
        ("Grüße", "de"),
        ("Hello", "en"),
    ],
)
def test_detection_knows_every_pack(text, language):
    assert detect_language(text) == language


def test_german_readability_uses_the_packs_formula_on_a_blank_pipeline():
    doc = load_pipeline("de", TOKENS).nlp("Wir freuen uns auf Ihren Besuch. Das Frühstück ist inklusive.")
    scores = readability(doc, "de")
    assert scores.reading_ease_formula == "Amstad" and scores.grade is None
    assert (scores.words, scores.sentences) == (10, 2)
    assert scores.reading_ease == pytest.approx(180 - 5 - 58.5 * scores.syllables / 10)


@pytest.mark.languagetool
def test_a_german_draft_end_to_end(tmp_path, languagetool_server):
    draft = tmp_path / "post.md"
    draft.write_text(GERMAN_DRAFT, encoding="utf-8")
    proc = run_cli("check", str(draft), "--format", "json", "--no-cache")
    assert proc.returncode == 1, proc.stderr
    assert proc.stderr == ""  # no spaCy model needed: the base guide's checks run on a blank pipeline
    [file] = json.loads(proc.stdout)["files"]
    assert (file["language"], file["brand"]) == ("de-DE", None)
    assert [(f["rule"], f["match"], f["line"], f["column"], f["level"]) for f in file["findings"]] == [
        ("base-de.doppelte-woerter", "auf auf", 1, 21, "error"),  # LanguageTool's own repetition rule is not said twice
        ("languagetool.GERMAN_SPELLER_RULE", "Besuhc", 1, 35, "error"),
        ("base-de.grossbuchstaben", "TOLL", 2, 47, "warning"),
    ]
    assert file["findings"][1]["replacements"][0] == "Besuch"
    text = run_cli("check", str(draft), "--no-cache").stdout
    assert "„auf“ steht doppelt." in text and "Nicht schreien: „toll“ statt „TOLL“." in text
