"""brandvoice in French and English (issue 13): complete catalogues, findings in their draft's
language, the interface in the user's language, and the JSON contract's `message_lang`.

The interface language never depends on the machine: conftest.py sets LANG=C.UTF-8 and clears
LC_ALL, LC_MESSAGES and LANGUAGE; the tests that want another locale say so.
"""

from __future__ import annotations

import json
import re
import string
import subprocess
import sys
from pathlib import Path

import pytest

from brandvoice.i18n import locale_from_environment, set_ui_locale
from brandvoice.i18n.catalogs import catalog_file, catalog_languages, compile_catalog, translations
from brandvoice.i18n.template import placeholders, problems, read_catalog, template
from brandvoice.messages import Listed, MessageCatalog, Messages, Plural
from brandvoice.registry import KINDS, MESSAGES
from brandvoice.rules import hashtags
from helpers import ROOT, run_cli

NBSP, NNBSP = "\u00a0", "\u202f"
FR = {"LANG": "fr_FR.UTF-8"}
EN = {"LANG": "en_US.UTF-8"}
PACKAGE = ROOT / "brandvoice"


@pytest.fixture(scope="module")
def reference():
    return template()


# --- the catalogues --------------------------------------------------------------------------------


def test_french_is_complete_without_unused_entries_with_the_same_placeholders(reference):
    assert problems("fr", reference) == []


def test_every_message_has_english_and_french(reference):
    french = read_catalog("fr")
    for message_id, entry in MESSAGES.templates.items():
        english = (entry.one, entry.other) if isinstance(entry, Plural) else entry
        assert all(english if isinstance(english, tuple) else (english,)), message_id
        translated = french.get(english, message_id)
        assert translated is not None and not translated.fuzzy, message_id


def test_the_report_counts_with_the_library_s_plurals():
    from brandvoice.client_report.labels import strings

    assert [strings("fr").count("error", n) for n in (0, 1, 3)] == ["0 erreur", "1 erreur", "3 erreurs"]
    assert [strings("en").count("error", n) for n in (0, 1, 3)] == ["0 errors", "1 error", "3 errors"]
    assert strings("fr").labels["title"] == "Rapport de voix de marque" and strings("de").language == "en"


def test_the_completeness_check_finds_what_is_missing_unused_or_mismatched(tmp_path, monkeypatch, reference):
    from babel.messages.pofile import write_po

    catalog = read_catalog("fr")
    catalog.get("Avoid “{match}”.", "existence.default").string = "Évitez « {texte} »."
    catalog.delete("Write “{replacement}”, not “{match}”.", "terms.default")
    catalog.add("An old message.", "Un vieux message.", context="gone.default")
    (tmp_path / "fr").mkdir()
    with (tmp_path / "fr" / "messages.po").open("wb") as handle:
        write_po(handle, catalog)
    monkeypatch.setattr("brandvoice.i18n.catalogs.LANGUAGES_DIR", tmp_path)
    found = "\n".join(problems("fr", reference))
    assert "placeholders ['texte'] instead of ['match']: 'existence.default|" in found
    assert "not translated: 'terms.default|" in found
    assert "unused entry: gone.default|'An old message.'" in found


def test_placeholders_of_a_template():
    assert placeholders("{count} errors (at most {max:,}); {{literal}}") == {"count", "max"}


def test_every_declared_message_id_is_said_somewhere():
    """No unused ids: each id is its kind's default, or appears in the code that says it (by
    name, or as the prefix of an f-string: f"tone.dimension.{...}")."""
    sources = "\n".join(p.read_text(encoding="utf-8") for p in PACKAGE.rglob("*.py") if "__pycache__" not in p.parts)
    defaults = {kind.default_message for kind in KINDS}
    for message_id in MESSAGES.templates:
        prefix = message_id.rpartition(".")[0]
        said = f'"{message_id}"' in sources or f'f"{prefix}.{{' in sources
        assert message_id in defaults or said, f"{message_id} is never said"


def test_the_languages_brandvoice_speaks():
    assert catalog_languages() == ("en", "fr")


def test_plural_forms_come_from_the_catalogue():
    catalog = MessageCatalog([Messages({"t.default": "", "energy.questions": Plural("{count} question mark (at most {max}).",
                                                                                 "{count} question marks (at most {max}).")})])
    said = [catalog.text("energy.questions", {"count": n, "max": 1}, "fr-FR") for n in (0, 1, 3)]
    assert said == [
        "0 point d’interrogation (au plus 1).",
        "1 point d’interrogation (au plus 1).",
        "3 points d’interrogation (au plus 1).",
    ]
    assert catalog.text("energy.questions", {"count": 1, "max": 1}) == "1 question mark (at most 1)."
    assert catalog.text("energy.questions", {"count": 0, "max": 1}) == "0 question marks (at most 1)."


def test_numbers_and_lists_are_written_the_language_s_way():
    length = MESSAGES.text(
        "channel_length.over", {"measured": 3302, "limit": 3000, "excess": 302, "unit": "caractères"}, "fr-FR"
    )
    assert length == f"3{NNBSP}302/3{NNBSP}000 caractères{NBSP}: 302 de trop"
    assert MESSAGES.text("channel_length.near", {"measured": 270, "limit": 280, "share": 270 / 280, "unit": "c"}, "fr-FR") == (
        f"270/280 c{NBSP}: 96{NBSP}% de la limite, peu de marge pour retoucher"
    )
    missing = hashtags.MESSAGES.say("hashtags.missing", tags=Listed(["#Ete2026", "#Hotelia", "#HoteliaClub"]), count=3)
    assert missing == "Missing the campaign hashtags #Ete2026, #Hotelia, and #HoteliaClub."
    assert MESSAGES.render(missing, "fr-FR") == "Il manque les hashtags de campagne #Ete2026, #Hotelia et #HoteliaClub."


def test_french_messages_follow_french_typography():
    """Each French sentence brandvoice writes passes its own French typography rules (narrow
    no-break space before ; ! ?, no-break space before : and inside « », typographic apostrophe,
    « » rather than straight quotes, the euro sign after the amount). Aside: code, placeholders
    (`{value:.1f}`) and, in the kinds' documentation, the examples it quotes (« don't », « 20€ »)."""
    from brandvoice.docs import DOC_CONTEXT
    from brandvoice.parsing.prose import ProseText
    from brandvoice.registry import kind
    from brandvoice.rules.base import CheckContext

    typography = kind("typography_fr")
    options = typography.options.model_validate({})
    aside = re.compile(r"```.*?```|`[^`]*`|\{[^{}]*\}", re.S)
    quoted = re.compile(r"(?<=«\u00a0)[^»]*(?=\u00a0»)|(?<=“)[^”]*(?=”)|(?<=\()[^)]*(?=\))")
    found = []
    for message in read_catalog("fr"):
        for form in (message.string if isinstance(message.string, tuple) else (message.string,)) if message.id else ():
            text = aside.sub(lambda m: "x" * len(m.group()), form)
            if message.context == DOC_CONTEXT:
                text = quoted.sub(lambda m: "x" * len(m.group()), text)
            matches = typography.check(CheckContext(prose=ProseText.plain(text), language="fr-FR"), options)
            found += [(form, text[m.start : m.end]) for m in matches]
    assert found == []


def test_the_shipped_french_guides_write_their_messages_the_same_way():
    import yaml

    from brandvoice.parsing.prose import ProseText
    from brandvoice.registry import kind
    from brandvoice.rules.base import CheckContext

    typography = kind("typography_fr")
    options = typography.options.model_validate({})
    found = []
    for name in ("base-fr", "hotelia"):
        guide = yaml.safe_load((ROOT / "styleguides" / f"{name}.yaml").read_text(encoding="utf-8"))
        messages = [t["message"] for t in guide.get("terms", []) if t.get("message")]
        messages += [n["message"] for n in guide.get("names", []) if isinstance(n, dict) and n.get("message")]
        messages += [r["message"] for r in guide.get("rules", {}).values() if r.get("message")]
        assert messages, name
        for message in messages:
            text = re.sub(r"\{[^{}]*\}", lambda m: "x" * len(m.group()), message)
            found += [(name, message) for _ in typography.check(CheckContext(prose=ProseText.plain(text)), options)]
    assert found == []


def test_a_catalogue_compiles_once_into_the_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("BRANDVOICE_CACHE_DIR", str(tmp_path))
    translations.cache_clear()
    try:
        assert translations("fr").pgettext("hashtags.the_guide", "the guide") == "le guide"
        [compiled] = (tmp_path / "catalogs").glob("fr-*.mo")
        compiled.write_bytes(compile_catalog(catalog_file("fr").read_bytes(), "fr"))
        translations.cache_clear()
        assert translations("fr").pgettext("hashtags.the_guide", "the guide") == "le guide"
        assert list((tmp_path / "catalogs").glob("fr-*.mo")) == [compiled]  # read, not written again
    finally:
        translations.cache_clear()


def test_fuzzy_entries_are_not_used():
    source = catalog_file("fr").read_bytes().replace(
        b'msgctxt "hashtags.the_guide"', b'#, fuzzy\nmsgctxt "hashtags.the_guide"', 1
    )
    import gettext
    import io

    compiled = gettext.GNUTranslations(io.BytesIO(compile_catalog(source, "fr")))
    assert compiled.pgettext("hashtags.the_guide", "the guide") == "the guide"


# --- which language -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "environ,expected",
    [
        ({"LANG": "fr_FR.UTF-8"}, "fr-FR"),
        ({"LANG": "fr_CA.UTF-8"}, "fr-CA"),
        ({"LANG": "en_US.UTF-8", "LC_MESSAGES": "fr_FR.UTF-8"}, "fr-FR"),
        ({"LANG": "fr_FR.UTF-8", "LC_ALL": "en_GB.UTF-8"}, "en-GB"),
        ({"LANG": "en_US.UTF-8", "LANGUAGE": "de:fr"}, "fr"),
        ({"LANG": "C.UTF-8", "LANGUAGE": "fr"}, None),  # LANGUAGE is ignored under the C locale
        ({"LANG": "de_DE.UTF-8"}, None),  # a language without a catalogue: English
        ({}, None),
    ],
)
def test_the_interface_follows_the_locale(environ, expected):
    assert locale_from_environment(environ) == expected


def test_ui_lang_goes_first_wherever_it_is_written():
    from brandvoice.cli.ui import with_ui_lang_first

    assert with_ui_lang_first(["check", "a.md", "--ui-lang", "fr"]) == (["--ui-lang", "fr", "check", "a.md"], "fr")
    assert with_ui_lang_first(["check", "--ui-lang=en", "a.md"]) == (["--ui-lang=en", "check", "a.md"], "en")
    assert with_ui_lang_first(["check", "--", "--ui-lang", "fr"]) == (["check", "--", "--ui-lang", "fr"], None)
    assert with_ui_lang_first(["check", "a.md", "--ui-lang"]) == (["--ui-lang", "check", "a.md"], None)


def test_ui_lang_wins_over_the_project_which_wins_over_the_locale(tmp_path):
    from brandvoice.cli.ui import resolve_ui_locale

    assert resolve_ui_locale(None, {"LANG": "fr_FR.UTF-8"}, tmp_path) == "fr-FR"
    assert resolve_ui_locale("en", {"LANG": "fr_FR.UTF-8"}, tmp_path) == "en"
    (tmp_path / ".brandvoice.yaml").write_text("ui_lang: fr\n", encoding="utf-8")
    assert resolve_ui_locale(None, {"LANG": "en_US.UTF-8"}, tmp_path) == "fr"
    assert resolve_ui_locale("en", {"LANG": "en_US.UTF-8"}, tmp_path) == "en"
    (tmp_path / ".brandvoice.yaml").write_text("ui_lang: it\n", encoding="utf-8")
    assert resolve_ui_locale(None, {"LANG": "en_US.UTF-8"}, tmp_path) == "en-US"  # the check reports the error


def test_a_bad_ui_lang_is_a_usage_error():
    proc = run_cli("--ui-lang", "it", "rules")
    assert proc.returncode == 2 and "Invalid value for '--ui-lang': choose one of en, fr" in proc.stderr


def test_a_bad_project_ui_lang_is_a_configuration_error(tmp_path):
    (tmp_path / ".brandvoice.yaml").write_text("ui_lang: it\n", encoding="utf-8")
    (tmp_path / "post.txt").write_text("Hello there.\n", encoding="utf-8")
    proc = run_cli("check", "post.txt", "--no-grammar", cwd=tmp_path)
    assert proc.returncode == 2 and "ui_lang: brandvoice speaks en, fr, not “it”" in proc.stderr


# --- the command line in French --------------------------------------------------------------------


def test_help_in_french():
    proc = run_cli("check", "--help", env=FR)
    assert proc.returncode == 0
    assert "Vérifier des brouillons et signaler les constats." in proc.stdout
    assert "Afficher cette aide et quitter." in proc.stdout
    assert "Nom ou chemin du guide." in proc.stdout
    assert "Show this message" not in proc.stdout and "Guide name or path" not in proc.stdout
    root = run_cli("--help", env=FR).stdout
    assert "Commandes" in root and "--ui-lang" in root


def test_help_language_by_option_over_locale():
    assert "Check drafts and report findings." in run_cli("check", "--help", "--ui-lang", "en", env=FR).stdout
    assert "Vérifier des brouillons" in run_cli("--ui-lang", "fr", "check", "--help").stdout


def test_usage_errors_in_french():
    proc = run_cli("check", "--nope", env=FR)
    assert proc.returncode == 2
    assert f"Essayez «{NBSP}brandvoice check -h{NBSP}» pour obtenir de l’aide." in proc.stderr
    assert f"Erreur{NBSP}: Option inconnue{NBSP}: --nope" in proc.stderr
    missing = run_cli("check", "nowhere.md", env=FR)
    assert missing.returncode == 2
    assert missing.stderr.strip() == f"brandvoice{NBSP}: erreur{NBSP}: nowhere.md{NBSP}: fichier ou dossier introuvable"


def test_guide_errors_in_french(tmp_path):
    guide = tmp_path / "g.yaml"
    guide.write_text("name: G\nvocabulary:\n  acept: [x]\n", encoding="utf-8")
    rules = tmp_path / "r.yaml"
    rules.write_text("rules:\n  r: {kind: occurrence, pattern: '!', max: deux}\n", encoding="utf-8")
    proc = run_cli("guides", "validate", str(guide), str(rules), env=FR)
    assert proc.returncode == 2
    assert f"{guide}:3: vocabulary.acept: clé inconnue{NNBSP}; vouliez-vous dire «{NBSP}accept{NBSP}»{NNBSP}?" in proc.stderr
    assert f"{rules}:2: rules.r.max: doit être un nombre entier" in proc.stderr
    ok = run_cli("guides", "validate", "styleguides/hotelia.yaml", env=FR)
    assert ok.returncode == 0 and re.fullmatch(rf"styleguides/hotelia.yaml{NBSP}: valide \(\d+ règles\)\n", ok.stdout)


def test_explain_in_french():
    proc = run_cli("explain", "typography_fr", env=FR)
    assert proc.returncode == 0
    assert proc.stdout.startswith(f"typography_fr{NBSP}: la typographie française")
    assert f"Exemples{NBSP}:" in proc.stdout and "signale" in proc.stdout
    rule = run_cli("explain", "hotelia.names.hotelia", env=FR).stdout
    assert f"Le nom de la marque s’écrit «{NBSP}Hotelia{NBSP}», dans toutes ses variantes." in rule
    assert f"À propos du type de règle «{NBSP}brand_name{NBSP}»{NBSP}:" in rule


def test_every_kind_is_explained_in_french():
    import inspect

    from brandvoice.docs import explain_kind, kind_doc

    set_ui_locale("fr")
    for kind in KINDS:
        assert kind_doc(kind) != inspect.cleandoc(kind.doc), kind.name
        assert "Examples:" not in explain_kind(kind)


def test_the_summary_line_in_french_with_the_library_s_plurals():
    from brandvoice.findings import FileResult, Finding, Level, RunResult
    from brandvoice.formats.text import summary

    def finding(level):
        return Finding("r", "brandvoice", "tone", level, "m", 1, 1, 1, 2, 0, 1, "x")

    run = RunResult(files=[FileResult("a.md", None, None, "fr-FR", findings=[finding(Level.ERROR)], metrics={"score": 83.0}),
                           FileResult("b.md", None, None, "fr-FR", findings=[finding(Level.WARNING)] * 3)],
                    skipped=[("c.bin", "binaire")])
    set_ui_locale("fr-FR")
    assert summary(run) == (
        f"2 fichiers vérifiés, 1 ignoré{NBSP}: 1 erreur, 3 avertissements, 0 suggestion{NNBSP}; score de voix 91,5/100"
    )
    set_ui_locale("en")
    assert summary(run) == "2 files checked, 1 skipped: 1 error, 3 warnings, 0 suggestions; voice score 91.5/100"


# --- findings in their draft's language -----------------------------------------------------------


def _check_json(tmp_path: Path, files: dict[str, str], *args: str, env: dict | None = None) -> dict[str, dict]:
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    proc = run_cli("check", *files, "--format", "json", *args, cwd=tmp_path, env=env)
    assert proc.returncode in (0, 1), proc.stderr
    return {f["path"]: f for f in json.loads(proc.stdout)["files"]}


def test_each_draft_gets_its_own_language_in_one_run(tmp_path):
    files = _check_json(tmp_path, {
        "fr.md": "---\nlang: fr\n---\nRéserve ta chambre dès maintenant !!\n",
        "en.md": "---\nlang: en\n---\nBook your room now!!\n",
    }, "--no-grammar", "--select", "voice.energy")
    [fr] = files["fr.md"]["findings"]
    [en] = files["en.md"]["findings"]
    assert (fr["message"], fr["message_lang"]) == (f"«{NBSP}!!{NBSP}»{NBSP}: un seul signe de ponctuation suffit.", "fr")
    assert (en["message"], en["message_lang"]) == ("“!!”: one punctuation mark is enough.", "en")


def test_messages_language_forces_one_and_a_guide_s_own_message_always_wins(tmp_path):
    guide = tmp_path / "g.yaml"
    guide.write_text(
        "extends: base-fr\nlanguage: fr-FR\nmessages_language: en\n"
        "rules:\n  mots: {kind: existence, tokens: [chambre], message: \"Pas de « {match} » ici.\"}\n",
        encoding="utf-8",
    )
    files = _check_json(tmp_path, {"post.md": "Réserve ta chambre dès maintenant !!\n"}, "--brand", str(guide),
                        "--no-grammar", "--select", "voice.energy", "--select", "g.mots")
    by_rule = {f["rule"]: f for f in files["post.md"]["findings"]}
    assert (by_rule["voice.energy"]["message"], by_rule["voice.energy"]["message_lang"]) == (
        "“!!”: one punctuation mark is enough.", "en")
    assert (by_rule["g.mots"]["message"], by_rule["g.mots"]["message_lang"]) == ("Pas de « chambre » ici.", "fr")


def test_messages_language_must_be_spoken(tmp_path):
    guide = tmp_path / "g.yaml"
    guide.write_text("messages_language: it\n", encoding="utf-8")
    proc = run_cli("guides", "validate", str(guide))
    assert proc.returncode == 2
    assert "messages_language: brandvoice has no messages in “it” (it speaks en, fr)" in proc.stderr


def test_a_draft_in_a_language_without_a_catalogue_gets_english_messages(tmp_path):
    files = _check_json(tmp_path, {"post.md": "---\nlang: de\n---\nWir sind da!! Kommt vorbei!!\n"},
                        "--no-grammar", "--select", "voice.energy", "--brand", "base-en")
    assert {(f["message_lang"], f["message"]) for f in files["post.md"]["findings"]} == {
        ("en", "“!!”: one punctuation mark is enough.")}


# --- the shipped examples, end to end (LanguageTool included) ------------------------------------


def _fragments(text: str) -> list[str]:
    """The literal parts of a template worth looking for: two words or more."""
    try:
        parts = [literal for literal, *_ in string.Formatter().parse(text)]
    except ValueError:
        parts = [text]
    words = re.compile(r"[A-Za-zÀ-ÿ’']+(?:[ \u00a0][A-Za-zÀ-ÿ’']+)+")
    return [m.group() for part in parts for m in words.finditer(part) if len(m.group()) >= 8]


def _sentences(catalog_side: str, reference) -> set[str]:
    """Fragments of every built-in sentence and interface string in English (`msgid`) or in
    French (`msgstr`) that the other language does not share."""
    from brandvoice.docs import DOC_CONTEXT, NOTE_CONTEXT

    french = read_catalog("fr")
    found: set[str] = set()
    for message in reference:
        if not message.id or message.context in (DOC_CONTEXT, NOTE_CONTEXT):
            continue
        translated = french.get(message.id, message.context)
        english = message.id if isinstance(message.id, tuple) else (message.id,)
        fr = translated.string if isinstance(translated.string, tuple) else (translated.string,)
        mine, theirs = (english, fr) if catalog_side == "en" else (fr, english)
        shared = " ".join(theirs)
        found |= {f for text in mine for f in _fragments(text) if f not in shared}
    return found


def _checked_in(folder: str, env: dict, reference) -> str:
    """The text output of checking a shipped examples folder, which must hold no sentence of the
    other language (built-in messages or interface strings)."""
    proc = run_cli("check", folder, env=env)
    assert proc.returncode == 1, proc.stderr
    output = proc.stdout + proc.stderr
    other = "en" if env["LANG"].startswith("fr") else "fr"
    assert sorted(f for f in _sentences(other, reference) if f in output) == []
    return output


@pytest.mark.languagetool
def test_the_french_examples_in_french_have_no_english_sentence(languagetool_server, reference):
    output = _checked_in("examples/hotelia", FR, reference)
    assert re.search(rf"\n5 fichiers \(\d+ publications de calendrier\) vérifiés{NBSP}: \d+ erreurs, ", output)
    assert "score de voix" in output
    # (« les les places » is one report, base-fr's; LanguageTool's French: test_language_variants…)
    assert "Mot répété" in output
    for line in output.splitlines():
        assert not re.search(r"\b(error|warning|suggestion:|files? checked)\b", line), line


@pytest.mark.languagetool
def test_the_english_examples_in_english_have_no_french_sentence(languagetool_server, reference):
    output = _checked_in("examples/trailcraft", EN, reference)
    assert "\n3 files checked: " in output and "voice score" in output


@pytest.mark.languagetool
def test_json_keys_stay_english_and_each_finding_says_its_language(languagetool_server):
    proc = run_cli("check", "examples/hotelia/2026-12-ete-x.md", "examples/trailcraft", "--format", "json", env=FR)
    data = json.loads(proc.stdout)
    assert set(data) == {"version", "files", "skipped", "summary"}
    assert sum(len(file["findings"]) for file in data["files"]) > 20
    for file in data["files"]:
        expected = {"fr"} if file["language"].startswith("fr") else {"en"}
        assert {f["message_lang"] for f in file["findings"]} <= expected, file["path"]
        assert all(list(f)[:6] == ["rule", "source", "category", "level", "message", "message_lang"] for f in file["findings"])


@pytest.mark.languagetool
def test_language_variants_pass_through_to_languagetool(languagetool_server, tmp_path):
    files = _check_json(tmp_path, {
        "ca.md": "---\nlang: fr-CA\n---\nLes enfant sont parti au chalet.\n",
        "gb.md": "---\nlang: en-GB\n---\nThe color of the center is gray.\n",
    }, "--select", "languagetool.")
    ca, gb = files["ca.md"], files["gb.md"]
    assert ca["language"] == "fr-CA" and gb["language"] == "en-GB"
    assert {f["message_lang"] for f in ca["findings"]} == {"fr"} and {f["message_lang"] for f in gb["findings"]} == {"en"}
    assert any("accord" in f["message"] or "nom" in f["message"] for f in ca["findings"])  # LanguageTool's French
    assert {f["rule"] for f in gb["findings"]} == {"languagetool.MORFOLOGIK_RULE_EN_GB"}


def test_help_never_imports_babel_once_the_catalogue_is_compiled():
    code = "import sys; from brandvoice.cli.entry import run; run(['check', '--help']); print('babel' in sys.modules)"
    for _ in range(2):  # the first run may compile the catalogue
        proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT,
                              env={**__import__("os").environ, **FR})
    assert proc.stdout.strip().endswith("False"), proc.stdout[-200:]
    english = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT,
                             env={**__import__("os").environ, **EN})
    assert english.stdout.strip().endswith("False")


# --- what main added since: fixes held for a channel, the terminal's legend, the language server ---


def test_a_held_fix_says_why_in_its_finding_s_language(tmp_path):
    from brandvoice.runner import Checker, RunOptions

    tail = " Venez! Réservez! Vite!"  # three narrow no-break spaces to insert, 2 each on X: the third is held
    text = ("Nos chambres rénovées vous attendent près de la gare. " * 8)[: 276 - len(tail)] + tail
    guide = tmp_path / "g.yaml"
    guide.write_text("extends: base-fr\nlanguage: fr-FR\nmessages_language: en\n", encoding="utf-8")

    def held(**options):
        [result] = Checker(RunOptions(language="fr", channels=("x",), grammar=False, cache=False, **options)).check_texts(
            [("post.txt", text)])
        [finding] = [f for f in result.findings if f.rule == "typography.fr.nbsp" and not f.fix_safe]
        return finding.message_lang, finding.message

    assert held() == ("fr", f"Mettez une espace fine insécable avant «{NBSP}!{NBSP}». Correction non appliquée "
                            f"automatiquement{NBSP}: la publication atteindrait 282/280 caractères selon le décompte de X.")
    assert held(brand=str(guide)) == ("en", "Put a narrow no-break space before “!”. Not fixed automatically: the post "
                                            "would be 282/280 characters as X counts them.")


def test_the_legend_of_invisible_spaces_in_the_interface_language():
    from brandvoice.display import legend

    set_ui_locale("fr-FR")
    assert legend("⍽ ·") == "⍽ U+00A0 espace insécable  · U+202F espace fine insécable"
    set_ui_locale("en")
    assert legend("⍽ ·") == "⍽ U+00A0 NO-BREAK SPACE  · U+202F NARROW NO-BREAK SPACE"


def test_suggestions_in_french_quotes_with_only_the_suggestion_s_own_spaces_made_visible(tmp_path):
    (tmp_path / "post.md").write_text("---\nlang: fr\n---\nVenez vite !\n", encoding="utf-8")
    proc = run_cli("check", "post.md", "--no-grammar", "--select", "typography.fr.nbsp", cwd=tmp_path, env=FR)
    assert f"suggestion{NBSP}: «{NBSP}·!{NBSP}»" in proc.stdout
    assert proc.stdout.count("⍽") == 0 and "· U+202F espace fine insécable" in proc.stdout


def test_the_language_server_speaks_the_editor_s_language(tmp_path):
    """The editor's display language (`initialize`'s `locale`) gives the server's own words —
    quick fix titles, the status lens, hover — while findings speak their draft's; `uiLang` wins."""
    from lsprotocol import types

    from lsp_client import Session, run

    draft = "Chez hotelia, une vue incroyable !\n"

    async def session_in(locale: str, options: dict) -> tuple[list[str], str, str]:
        session = Session(tmp_path, options={"brand": "hotelia", "grammar": False, "channels": ["linkedin"], **options},
                          locale=locale)
        await session.start()
        uri = session.open(tmp_path / "post.md", draft)
        found = {d.code: d for d in (await session.diagnostics(uri, 1)).diagnostics}
        nbsp = found["typography.fr.nbsp"]
        actions = await session.client.text_document_code_action_async(types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri=uri), range=nbsp.range,
            context=types.CodeActionContext(diagnostics=[])))
        hover = await session.client.text_document_hover_async(types.HoverParams(
            text_document=types.TextDocumentIdentifier(uri=uri), position=found["hotelia.superlatifs"].range.start))
        [lens] = await session.client.text_document_code_lens_async(
            types.CodeLensParams(text_document=types.TextDocumentIdentifier(uri=uri)))
        assert nbsp.message == f"Mettez une espace fine insécable avant «{NBSP}!{NBSP}», pas une espace."
        await session.stop()
        return [a.title for a in actions], hover.contents.value, lens.command.title

    titles, hover, lens = run(lambda: session_in("fr-FR", {}))
    assert titles == [f"Remplacer par «{NBSP}\u202f!{NBSP}»", "Appliquer toutes les corrections sûres de brandvoice à ce fichier"]
    assert "**hotelia.superlatifs** · avertissement · ton" in hover
    assert "(guide hotelia, type existence, niveau avertissement, catégorie ton)" in hover
    assert re.fullmatch(rf"LinkedIn \d+/3{NNBSP}000 · score \d+", lens)

    titles, hover, lens = run(lambda: session_in("fr-FR", {"uiLang": "en"}))
    assert titles == ["Replace with “\u202f!”", "Fix all safe brandvoice findings in this file"]
    assert "**hotelia.superlatifs** · warning · tone" in hover and re.fullmatch(r"LinkedIn \d+/3,000 · score \d+", lens)


def test_learn_speaks_french(tmp_path, reference):
    """`learn`'s evidence, notes and the comment it writes into the guide, in the interface
    language (the posts of tests/data/learn, without LanguageTool)."""
    import shutil

    guide = tmp_path / "velorizon.yaml"
    shutil.copy(ROOT / "tests" / "data" / "learn" / "velorizon.yaml", guide)
    proc = run_cli("learn", "tests/data/learn/velorizon-posts.txt", "--brand", str(guide), "--no-grammar", env=FR)
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout
    assert out.startswith("Appris de 32 publications validées avec le guide «\u00a0velorizon\u00a0»")
    assert f"Vocabulaire{NBSP}: non appris (--no-grammar{NBSP}: LanguageTool n’a pas tourné)." in out
    assert re.search(rf"Registre{NBSP}: tu \d+.* → tu \(\d+{NBSP}% des publications qui s’adressent au lecteur\)", out)
    assert re.search(rf"\[\d+(,\d+)?{NNBSP}; \d+(,\d+)?\]  médiane", out)  # a tone band, French decimals
    assert "# Appris par `brandvoice learn` de 32 publications validées le " in out  # the comment for the guide
    assert "Relancez avec --write pour l’appliquer au guide" in out
    assert sorted(f for f in _sentences("en", reference) if f in out) == []
    bad = run_cli("guides", "init", "--no-input", "--name", "X", "--language", "fr", "--register", "il",
                  "--channels", "x,myspace", "--output", str(tmp_path / "x.yaml"), env=FR)
    assert bad.returncode == 2
    assert f"--register{NBSP}: pour fr, choisissez parmi vous, tu" in bad.stderr
    assert f"--channels{NBSP}: inconnu{NBSP}: myspace (connus{NBSP}: " in bad.stderr


# what is not a sentence for a person: programming errors, the LanguageTool supervisor's log line
NOT_FOR_PEOPLE = {
    ("brandvoice/messages.py", "message id "),
    ("brandvoice/parsing/prose.py", "pieces must advance"),
    ("brandvoice/rules/base.py", "kind "),
    ("brandvoice/languagetool/supervisor.py", "brandvoice: idle for"),
    ("brandvoice/cache.py", "{}: not a private entry"),  # a cache miss, never shown
}
_SAYS = re.compile(r"(?:Error|Warning|Unavailable)$|^_?(?:err|print|notice|progress|BadParameter|UsageError)$")
_NOT_PEOPLE = {"KeyError", "TypeError", "AttributeError", "NotImplementedError", "AssertionError", "RuntimeError"}


def _exception_classes(trees) -> set[str]:
    """brandvoice's own exceptions and warnings, by name (their messages reach people)."""
    import ast

    def name(base) -> str:
        return getattr(base, "id", None) or getattr(base, "attr", None) or ""

    classes = [node for tree in trees for node in ast.walk(tree) if isinstance(node, ast.ClassDef)]
    found: set[str] = set()
    while True:
        more = {node.name for node in classes if any(
            n in found or n in ("Exception", "UserWarning") or _SAYS.search(n) for n in map(name, node.bases))}
        if more <= found:
            return found
        found |= more


def _literal(node) -> str | None:
    """The literal text of a string, f-string or concatenation (placeholders as {})."""
    import ast

    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(v.value if isinstance(v, ast.Constant) else "{}" for v in node.values)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        parts = [_literal(node.left), _literal(node.right)]
        return "".join(p for p in parts if p) if any(parts) else None
    return None


def test_no_sentence_reaches_a_person_without_the_catalogue():
    """Every sentence written straight into an error, a warning or printed output goes through
    `_()` (or a message table), so the completeness test sees it: a new module with English-only
    words fails here, not in front of a French user."""
    import ast

    found = []
    modules = {path.relative_to(ROOT).as_posix(): ast.parse(path.read_text(encoding="utf-8"))
               for path in sorted(PACKAGE.rglob("*.py")) if "__pycache__" not in path.parts and path.name != "template.py"}
    exceptions = _exception_classes(modules.values())
    for where, tree in modules.items():
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            name = node.func.id if isinstance(node.func, ast.Name) else getattr(node.func, "attr", "")
            if not (_SAYS.search(name) or name in exceptions) or name in _NOT_PEOPLE:
                continue
            for argument in node.args[:4]:
                text = _literal(argument)
                words = re.sub(r"\{[^{}]*\}|\[/?[a-z ]+\]", " ", text or "")
                if text and re.search(r"[A-Za-z]{2,}[ ,:]+[A-Za-z]{2,}", words) and not any(
                    where == file and text.startswith(start) for file, start in NOT_FOR_PEOPLE
                ):
                    found.append(f"{where}:{node.lineno}: {text[:70]!r}")
    assert found == []


def test_a_french_brand_s_new_guide_is_commented_in_french(tmp_path, reference):
    """`guides init` writes the comments of a guide in its brand's language, whatever the interface's."""
    path = tmp_path / "cafe.yaml"
    proc = run_cli("guides", "init", "--no-input", "--name", "Café Lumière", "--language", "fr", "--market", "fr",
                   "--output", str(path), env=EN)
    assert proc.returncode == 0, proc.stderr
    text = path.read_text(encoding="utf-8")
    assert f"# Termes préférés{NBSP}: écrire `use`, jamais une variante de `not`." in text
    assert "extends: base-fr   # règles communes aux marques de l’agence écrites en français" in text
    assert sorted(f for f in _sentences("en", reference) if f in text) == []
    assert run_cli("guides", "validate", str(path)).returncode == 0
