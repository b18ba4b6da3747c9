"""French typography: every finding carries the exact fix; applying the fixes gives the right text."""

import pytest

from brandvoice.rules import typography_fr
from channel_helpers import apply_fixes, guide_from_yaml, run_guide, run_kind

NB, NN = "\u00a0", "\u202f"


def fixed(text, language="fr-FR", channels=(), **options):
    """Fix rounds until stable, like `--fix`; every match must be safe with one replacement."""
    for _ in range(5):
        matches, _ = run_kind(typography_fr, text, language=language, channels=channels, **options)
        assert all(m.fix_safe and len(m.replacements) == 1 for m in matches)
        if not matches:
            return text
        text = apply_fixes(text, matches)
    raise AssertionError("fixes do not converge")


@pytest.mark.parametrize("text,expected", [
    ("Vous venez ? C'est parti !", f"Vous venez{NN}? C’est parti{NN}!"),
    ("Attention: places limitées; réservez!", f"Attention{NB}: places limitées{NN}; réservez{NN}!"),
    ('Le chef dit "bienvenue à tous".', f"Le chef dit «{NB}bienvenue à tous{NB}»."),
    ("«Bienvenue» chez nous", f"«{NB}Bienvenue{NB}» chez nous"),
    ("Dès 20€ la nuit, ou €15 le brunch", f"Dès 20{NB}€ la nuit, ou 15{NB}€ le brunch"),
    ("Le menu à 29 € et €9.50 le café", f"Le menu à 29{NB}€ et 9,50{NB}€ le café"),
    ("Et puis... la mer.", "Et puis… la mer."),
    ("Vraiment ?!", f"Vraiment{NN}?!"),
])
def test_fr_fr_fixes(text, expected):
    assert fixed(text) == expected


@pytest.mark.parametrize("text", [
    f"Vous venez{NN}? Rendez-vous à 12:30{NB}: https://hotelia.fr/?a=1&b=2 ;-)",
    "Écrivez à contact@hotelia.fr : réponse rapide".replace(" :", f"{NB}:"),
    "Suivez #Hotelia et @HoteliaParis",
    f"Il a dit{NB}: «{NB}merci{NB}»{NN}!",
    "!important en début de ligne",
])
def test_fr_fr_correct_texts_pass(text):
    assert run_kind(typography_fr, text)[0] == []


def test_fr_ca_puts_no_space_before_high_punctuation():
    assert fixed("Vous venez ? Super !", language="fr-CA") == "Vous venez? Super!"
    assert fixed("Note: oui", language="fr-CA") == f"Note{NB}: oui"


def test_fr_ch_accepts_none_or_narrow():
    assert run_kind(typography_fr, f"Vous venez? Oui{NN}!", language="fr-CH")[0] == []
    assert fixed("Vous venez ?", language="fr-CH") == f"Vous venez{NN}?"


def test_plain_space_policy_replaces_no_break_spaces():
    assert fixed(f"Vous venez{NN}? Oui!", nbsp="plain-space") == "Vous venez ? Oui !"
    assert fixed('Il dit "oui"', nbsp="plain-space") == "Il dit « oui »"


def test_off_policy_leaves_spacing_alone_but_fixes_the_rest():
    assert fixed("Vous venez? C'est ça!", nbsp="off") == "Vous venez? C’est ça!"


def test_channel_policy_wins_and_disagreeing_channels_accept_both(tmp_path):
    guide = guide_from_yaml(tmp_path, """
        language: fr-FR
        channels:
          instagram: {nbsp: plain-space}
    """)
    text = "Vous venez ? Oui !"
    found, _ = run_guide(guide, text, channels=["instagram"], prefix="typography.fr.nbsp")
    assert found == []
    found, _ = run_guide(guide, text, channels=["linkedin"], prefix="typography.fr.nbsp")
    assert [t for _, t, _ in found] == [" ?", " !"]
    found, _ = run_guide(guide, text, channels=["instagram", "linkedin"], prefix="typography.fr.nbsp")
    assert found == []  # a plain space is right for Instagram, so accepted when posting to both
    found, _ = run_guide(guide, "Vous venez? Oui!", channels=["instagram", "linkedin"], prefix="typography.fr.nbsp")
    assert [m.replacements for _, _, m in found] == [(" ?",), (" !",)]  # the first channel's fix


def test_english_texts_are_not_checked():
    assert run_kind(typography_fr, 'Don\'t say "hi"!', language="en-US")[0] == []


def test_typography_turns_off_languagetool_whitespace_rules(tmp_path):
    guide = guide_from_yaml(tmp_path, "language: fr-FR\n")
    [grammar] = [r for r in guide.rules if r.kind.name == "grammar"]
    assert set(typography_fr.COVERS_LANGUAGETOOL_RULES) <= set(grammar.options.disabled_rules)
    guide = guide_from_yaml(tmp_path, "language: fr-FR\ntypography: {nbsp: 'off'}\n", name="other")
    [grammar] = [r for r in guide.rules if r.kind.name == "grammar"]
    assert not set(typography_fr.COVERS_LANGUAGETOOL_RULES) & set(grammar.options.disabled_rules)


def test_rule_ids_per_check(tmp_path):
    guide = guide_from_yaml(tmp_path, "language: fr-FR\ntypography: {quotes: false}\n")
    ids = {r.id for r in guide.rules if r.id.startswith("typography.")}
    assert ids == {"typography.fr.nbsp", "typography.fr.apostrophe", "typography.fr.currency", "typography.fr.ellipsis"}


def test_unquoted_yaml_off_means_off(tmp_path):
    guide = guide_from_yaml(tmp_path, "language: fr-FR\ntypography: {nbsp: off}\ninclusive: {french: off}\n")
    ids = {r.id for r in guide.rules}
    assert "typography.fr.nbsp" not in ids and "typography.fr.quotes" in ids and "inclusive.fr" not in ids
