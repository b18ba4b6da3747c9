"""Grammar and spelling through a real LanguageTool server (no mocks): English and French cases,
masking, vocabulary, configuration, parity with the raw HTTP API, and the failure paths."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import threading
import time
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path

import httpx
import psutil
import pytest
from helpers import run_cli

from brandvoice.languagetool import LanguageToolUnavailable
from brandvoice.languagetool.client import (
    MAX_CHUNK,
    CheckOptions,
    LanguageToolClient,
    _warm_up,
    split_prose,
    stand_ins,
    utf16_to_code_points,
)
from brandvoice.languagetool.server import STATE_PROPERTY, ServerManager, free_port
from brandvoice.parsing.prose import ProseText
from brandvoice.parsing.social import find_social_spans
from brandvoice.registry import kind as get_kind
from brandvoice.rules.base import CheckContext
from brandvoice.rules.grammar import accepted, category_for

pytestmark = pytest.mark.languagetool

DATA = Path(__file__).parent / "data" / "languagetool"
MASKED = ("url", "email", "mention", "hashtag", "emoji", "entity", "emoticon", "convention", "identifier")


# -- helpers ----------------------------------------------------------------------------------
# typography.fr.nbsp (the French typography kind) turns LanguageTool's FRENCH_WHITESPACE off when
# it runs; these guides turn it off so LanguageTool's own French typography rules are seen.
NO_NBSP_KIND = "levels:\n  typography.fr.nbsp: off\n"


def write_guide(tmp_path: Path, name: str, body: str) -> Path:
    path = tmp_path / f"{name}.yaml"
    body = textwrap.dedent(body)
    if "levels:" not in body:
        body += NO_NBSP_KIND
    path.write_text(body, encoding="utf-8")
    return path


def check_json(tmp_path: Path, text: str, guide: Path, *args: str, suffix: str = ".txt", env=None) -> dict:
    draft = tmp_path / f"draft{suffix}"
    draft.write_text(text, encoding="utf-8")
    proc = run_cli("check", str(draft), "--brand", str(guide), "--no-cache", "--format", "json", *args, env=env)
    assert proc.returncode in (0, 1), proc.stderr
    return json.loads(proc.stdout)


def lt_findings(report: dict) -> list[dict]:
    return [f for file in report["files"] for f in file["findings"] if f["source"] == "languagetool"]


@pytest.fixture
def fr_guide(tmp_path):
    return write_guide(tmp_path, "test-fr", "name: Test FR\nlanguage: fr-FR\n")


@pytest.fixture
def en_guide(tmp_path):
    return write_guide(tmp_path, "test-en", "name: Test EN\nlanguage: en-US\n")


@pytest.fixture
def client(languagetool_server):
    with LanguageToolClient(languagetool_server.url) as c:
        yield c


# -- the kind's documented examples -------------------------------------------------------------
@pytest.mark.parametrize("example", get_kind("grammar").examples, ids=lambda e: e.text[:30])
def test_documented_examples(languagetool_server, example):
    kind = get_kind("grammar")
    ctx = CheckContext(prose=ProseText.plain(example.text), language=example.language)
    found = tuple(example.text[m.start : m.end] for m in kind.check(ctx, kind.options(**example.options)))
    assert found == example.expect


# -- English and French cases through the CLI ---------------------------------------------------
def test_french_agreement_errors_with_exact_positions(languagetool_server, tmp_path, fr_guide):
    text = "Bonjour à tous.\nLes enfant sont allé à la plage.\n"
    findings = lt_findings(check_json(tmp_path, text, fr_guide))
    by_rule = {f["rule"]: f for f in findings}
    assert set(by_rule) >= {"languagetool.D_N", "languagetool.ETRE_VPPA_OU_ADJ"}
    agreement = by_rule["languagetool.D_N"]
    assert (agreement["line"], agreement["column"], agreement["match"]) == (2, 1, "Les enfant")
    assert agreement["category"] == "grammar" and agreement["level"] == "error"
    assert "Les enfants" in agreement["replacements"]
    participle = by_rule["languagetool.ETRE_VPPA_OU_ADJ"]
    assert (participle["line"], participle["column"], participle["end_column"]) == (2, 17, 21)
    assert text[participle["offset"] : participle["offset"] + participle["length"]] == "allé"


def test_misspellings_in_both_languages(languagetool_server, tmp_path, fr_guide, en_guide):
    fr = lt_findings(check_json(tmp_path, "Nous avons recu votre mesage hier.\n", fr_guide))
    assert {f["match"] for f in fr if f["category"] == "spelling"} == {"recu", "mesage"}
    assert all(f["level"] == "error" and 0 < len(f["replacements"]) <= 5 for f in fr)
    en = lt_findings(check_json(tmp_path, "Thank you for your mesage, it was teh best.\n", en_guide))
    spelling = {f["match"]: f for f in en if f["category"] == "spelling"}
    assert set(spelling) == {"mesage", "teh"}
    assert spelling["teh"]["rule"] == "languagetool.MORFOLOGIK_RULE_EN_US"
    assert spelling["teh"]["replacements"][0] == "the" and len(spelling["teh"]["replacements"]) <= 5


def test_confusions(languagetool_server, tmp_path, fr_guide, en_guide):
    fr = lt_findings(check_json(tmp_path, "Ces la vie. Il a manger une pomme.\n", fr_guide))
    assert {f["match"] for f in fr} >= {"Ces", "manger"}
    en = lt_findings(check_json(tmp_path, "I could of done it yesterday.\n", en_guide))
    assert [f["rule"] for f in en] == ["languagetool.MODAL_OF"]


def test_french_typography_is_a_warning(languagetool_server, tmp_path, fr_guide):
    findings = lt_findings(check_json(tmp_path, "Vraiment? Oui: on arrive!\n", fr_guide))
    spaces = [f for f in findings if f["rule"] == "languagetool.FRENCH_WHITESPACE"]
    assert [f["match"] for f in spaces] == ["Vraiment?", "Oui:", "arrive!"]
    assert all(f["category"] == "typography" and f["level"] == "warning" for f in spaces)
    clean = lt_findings(check_json(tmp_path, "Vraiment\u202f? Oui\u00a0: on arrive\u202f!\n", fr_guide))
    assert not [f for f in clean if f["rule"] == "languagetool.FRENCH_WHITESPACE"]


def test_markdown_offsets_and_code_spans(languagetool_server, tmp_path, fr_guide):
    text = "---\ntitle: Test\n---\n# Lancement\n\nLancez `npm instal` puis ouvrez le fichié **vite**.\n"
    findings = lt_findings(check_json(tmp_path, text, fr_guide, suffix=".md"))
    assert [(f["match"], f["line"], f["column"]) for f in findings] == [("fichié", 6, 36)]
    assert text.splitlines()[5][35:41] == "fichié"


def test_emoji_before_a_match_keeps_columns_in_code_points(languagetool_server, tmp_path, fr_guide):
    text = "Super 😍😍 on adore le produitt !\n"
    findings = lt_findings(check_json(tmp_path, text, fr_guide))
    typo = next(f for f in findings if f["category"] == "spelling")
    assert (typo["match"], typo["offset"], typo["column"]) == ("produitt", 21, 22)
    assert text[21:29] == "produitt"  # code points: each emoji counts 1 (LanguageTool says 2)


def test_language_variants(languagetool_server, tmp_path):
    text = "The colour of the centre is grey.\n"
    us = write_guide(tmp_path, "us", "language: en-US\n")
    gb = write_guide(tmp_path, "gb", "language: en-GB\n")
    assert {f["match"] for f in lt_findings(check_json(tmp_path, text, us))} == {"colour", "centre", "grey"}
    assert lt_findings(check_json(tmp_path, text, gb)) == []
    american = lt_findings(check_json(tmp_path, "The color of the center.\n", gb))
    assert {f["rule"] for f in american} == {"languagetool.MORFOLOGIK_RULE_EN_GB"}


def test_variants_reach_the_server_as_written(client):
    assert [client.server_language(v) for v in ("fr-FR", "fr-CA", "fr-CH", "en-GB")] == ["fr-FR", "fr-CA", "fr-CH", "en-GB"]


def test_public_api_only_on_explicit_opt_in(monkeypatch):
    from brandvoice.languagetool import URL_ENV
    from brandvoice.languagetool.client import configured_url

    monkeypatch.delenv(URL_ENV, raising=False)
    assert configured_url() is None  # nothing configured: the local server, never the public API
    monkeypatch.setenv(URL_ENV, "public")
    assert configured_url() == "https://api.languagetool.org"
    assert configured_url("http://lt.internal:8081/") == "http://lt.internal:8081"


# -- masking ------------------------------------------------------------------------------------
@pytest.mark.parametrize("name,language", [("tweets-fr.txt", "fr-FR"), ("tweets-en.txt", "en-US")])
def test_social_spans_never_produce_findings(languagetool_server, client, name, language):
    posts = (DATA / name).read_text(encoding="utf-8").splitlines()
    kind = get_kind("grammar")
    masked_raw = kept = 0
    for post in posts:
        prose = ProseText.plain(post)
        raw = client.check_prose(prose, CheckOptions(language)).matches
        masked_raw += sum(prose.overlaps(m.start, m.end, MASKED) for m in raw)
        ctx = CheckContext(prose=prose, language=language)
        for match in kind.check(ctx, kind.options()):
            kept += 1
            assert not prose.overlaps(match.start, match.end, MASKED), (post, post[match.start : match.end])
    assert masked_raw > 0, "the sample should contain raw LanguageTool matches on hashtags/mentions"
    assert kept > 0, "real problems outside the masked spans are still reported"


def test_stand_ins_are_addresses_and_mentions_inside_a_sentence():
    def read(text, language="fr-FR"):
        return [(text[a:b], word) for a, b, word in stand_ins(ProseText.plain(text), language)]

    assert read("Écrivez-nous a recrutement@mirabelle.fr") == [("recrutement@mirabelle.fr", "Marie")]
    assert read("Merci @marie_dpt pour la photo, et à @paul !") == [("@marie_dpt", "Marie"), ("@paul", "Marie")]
    assert read("Thanks @maria for the photos", "en-US") == [("@maria", "Sam")]
    # a reply's address, a run of mentions and a URL are sent as written
    assert read("@user @user tu as raison") == []
    assert read(".@user C’est vrai") == []
    assert read("Bravo à toute l’équipe @a @b @c") == []
    assert read("Tout est sur https://mirabelle.fr/recrutement") == []


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        # issue 17: the a/à error is found with a name in place of the address, so with the address too
        ("Écrivez-nous a recrutement@mirabelle.fr\n", "fr-FR", [("languagetool.A_ACCENT", "a")]),
        ("Envoyez votre CV a recrutement@mirabelle.fr avant vendredi.\n", "fr-FR", [("languagetool.A_ACCENT", "a")]),
        # a consonant-initial name: no "a"/"an" alarm before a masked mention
        ("I liked a @user video from the trail.\n", "en-US", []),
        ("Ask @maria, she know everything.\n", "en-US", [("languagetool.HE_VERB_AGR", "know")]),
    ],
)
def test_masked_addresses_keep_the_sentence_grammatical(languagetool_server, tmp_path, text, language, expected):
    guide = write_guide(tmp_path, "masking", f"language: {language}\n")
    assert [(f["rule"], f["match"]) for f in lt_findings(check_json(tmp_path, text, guide))] == expected


# -- vocabulary, configuration, levels -----------------------------------------------------------
def test_accepted_words_and_their_inflections_are_not_misspellings(languagetool_server, tmp_path):
    # "hotelix" in lower case: a capitalised unknown word inside a sentence may read as a proper name
    text = "Les Zorblax de hotelix arrivent. Un zorblaxs, deux Zorblaxes et le Zorblax's bar. Un mesage.\n"
    plain = write_guide(tmp_path, "plain", "language: fr-FR\n")
    before = {f["match"] for f in lt_findings(check_json(tmp_path, text, plain)) if f["category"] == "spelling"}
    assert {"Zorblax", "hotelix", "mesage"} <= before
    guide = write_guide(tmp_path, "brand", "language: fr-FR\nvocabulary:\n  accept: [Zorblax, Hotelix]\n")
    after = {f["match"] for f in lt_findings(check_json(tmp_path, text, guide)) if f["category"] == "spelling"}
    assert after == {"mesage"}


def test_accepted_inflections_unit():
    words = frozenset({"Zorblax", "Hotel Nova"})
    assert accepted("zorblaxs", words) and accepted("Zorblax’s", words) and accepted("Nova", words)
    assert not accepted("Zorblaz", words) and not accepted("Zorb", words)


def test_disabled_rules_categories_and_enabled_rules(languagetool_server, tmp_path):
    text = "Vraiment? Les enfant sont là.\n"
    guide = write_guide(tmp_path, "g1", "language: fr-FR\ngrammar:\n  disabled_rules: [FRENCH_WHITESPACE]\n")
    assert {f["rule"] for f in lt_findings(check_json(tmp_path, text, guide))} == {"languagetool.D_N"}
    guide = write_guide(tmp_path, "g2", "language: fr-FR\ngrammar:\n  disabled_categories: [AGREEMENT]\n")
    assert {f["rule"] for f in lt_findings(check_json(tmp_path, text, guide))} == {"languagetool.FRENCH_WHITESPACE"}
    guide = write_guide(tmp_path, "g3", "language: fr-FR\ngrammar:\n  enabled: false\n")
    assert lt_findings(check_json(tmp_path, text, guide)) == []


def test_picky_mode(languagetool_server, tmp_path):
    for language, text, rule in [("en-US", "Many ppl use our app.\n", "PPL"), ("fr-FR", "Il fait 25°C aujourd'hui.\n", "ESPACE_UNITES")]:
        normal = write_guide(tmp_path, "normal", f"language: {language}\n")
        picky = write_guide(tmp_path, "picky", f"language: {language}\ngrammar:\n  picky: true\n")
        assert lt_findings(check_json(tmp_path, text, normal)) == []
        assert [f["rule"] for f in lt_findings(check_json(tmp_path, text, picky))] == [f"languagetool.{rule}"]


def test_levels_per_rule_and_per_category(languagetool_server, tmp_path):
    text = "Vraiment? Les enfant sont là. Un mesage.\n"
    guide = write_guide(
        tmp_path,
        "levels",
        """\
        language: fr-FR
        levels:
          typography.fr.nbsp: off
          languagetool.FRENCH_WHITESPACE: suggestion
          languagetool.category.spelling: off
          languagetool.category.AGREEMENT: warning
        """,
    )
    levels = {f["rule"]: f["level"] for f in lt_findings(check_json(tmp_path, text, guide))}
    assert levels == {"languagetool.FRENCH_WHITESPACE": "suggestion", "languagetool.D_N": "warning"}


def test_select_and_ignore_apply_to_languagetool_ids(languagetool_server, tmp_path, fr_guide):
    text = "Vraiment? Les enfant sont là.\n"
    ignored = lt_findings(check_json(tmp_path, text, fr_guide, "--ignore", "languagetool.FRENCH_WHITESPACE"))
    assert {f["rule"] for f in ignored} == {"languagetool.D_N"}


def test_category_mapping():
    assert category_for("misspelling", "TYPOS") == "spelling"
    assert category_for("typographical", "CAT_TYPOGRAPHIE") == "typography"
    assert category_for("uncategorized", "AGREEMENT") == "grammar"
    assert category_for("uncategorized", "MISC") == "typography"
    assert category_for("style", "REDUNDANCY") == "style"
    assert category_for("uncategorized", "SOMETHING_NEW") == "grammar"


# -- parity with the raw HTTP API ----------------------------------------------------------------
def _raw_matches(url: str, text: str, language: str) -> list[tuple[str, int, int]]:
    """LanguageTool's own answer, offsets converted from UTF-16 here, independently of brandvoice."""
    answer = httpx.post(f"{url}/v2/check", data={"language": language, "text": text}, timeout=120).json()
    utf16 = text.encode("utf-16-le")
    found = []
    for m in answer["matches"]:
        start = len(utf16[: 2 * m["offset"]].decode("utf-16-le"))
        end = len(utf16[: 2 * (m["offset"] + m["length"])].decode("utf-16-le"))
        found.append((f"languagetool.{m['rule']['id']}", start, end, m["rule"].get("issueType", "")))
    return found


@pytest.mark.parametrize("name,language", [("tweets-fr.txt", "fr-FR"), ("tweets-en.txt", "en-US")])
def test_parity_with_raw_check(languagetool_server, tmp_path, name, language):
    """Nothing raw LanguageTool finds outside the masked tokens is lost; a raw match partly on a
    token is dropped or kept on its part outside the token, never on the token."""
    text = (DATA / name).read_text(encoding="utf-8")
    accept = ["Sookie", "Lorelai", "godddd"] if language == "en-US" else ["nkm", "Jrelisais"]
    guide = write_guide(tmp_path, "parity", f"language: {language}\nvocabulary:\n  accept: {json.dumps(accept)}\n")
    spans = [s for s in find_social_spans(text) if s.kind in MASKED]
    expected, partial = set(), []
    for rule, start, end, issue_type in _raw_matches(languagetool_server.url, text, language):
        if issue_type == "misspelling" and text[start:end] in accept:
            continue
        touched = [s for s in spans if s.start < end and start < s.end]
        if not touched:
            expected.add((rule, start, end - start))
        elif not any(s.start <= start and end <= s.end for s in touched):
            partial.append((rule, start, end))
    got = {(f["rule"], f["offset"], f["length"]) for f in lt_findings(check_json(tmp_path, text, guide))}
    assert expected <= got
    assert len(expected) >= 10
    kept = got - expected
    for rule, offset, length in kept:
        assert any(r == rule and start <= offset and offset + length <= end for r, start, end in partial), rule
        assert not any(s.start < offset + length and offset < s.end for s in spans), text[offset : offset + length]


# -- client internals on real texts --------------------------------------------------------------
def test_utf16_offsets():
    text = "a😍b👍🏽c"
    to_cp = utf16_to_code_points(text)
    assert [to_cp(i) for i in (0, 1, 3, 4, 6, 8, 9)] == [0, 1, 2, 3, 4, 5, 6]


def test_long_text_is_split_at_paragraphs_and_offsets_stay_exact(languagetool_server, client):
    paragraph = "Les enfant sont partis tôt ce matin pour rejoindre la plage avec leurs parents et leurs amis. " * 8
    text = "\n\n".join([paragraph.strip()] * 40)
    assert len(text) > 2 * MAX_CHUNK
    prose = ProseText.plain(text)
    chunks = split_prose(prose)
    assert len(chunks) >= 3 and all(len(c.text) <= MAX_CHUNK for c in chunks)
    assert all(text[c.start - 2 : c.start] == "\n\n" for c in chunks[1:]), "cuts fall between paragraphs"
    matches = [m for m in client.check_prose(prose, CheckOptions("fr-FR")).matches if m.rule_id == "D_N"]
    assert len(matches) == 8 * 40
    assert all(text[m.start : m.end] == "Les enfant" for m in matches)


def test_concurrent_batch_equals_one_by_one(languagetool_server, client):
    posts = (DATA / "tweets-fr.txt").read_text(encoding="utf-8").splitlines()
    items = [(ProseText.plain(p), CheckOptions("fr-FR")) for p in posts]
    batch = client.check_many(items)
    single = [client.check_prose(prose, options) for prose, options in items]
    assert [r.matches for r in batch] == [r.matches for r in single]


def test_unknown_language_says_what_to_install(languagetool_server, client):
    with pytest.raises(LanguageToolUnavailable, match="install --languages en,fr,it"):
        client.check_prose(ProseText.plain("Ciao a tutti."), CheckOptions("it-IT"))


# -- CLI and failure paths ------------------------------------------------------------------------
def test_status_json(languagetool_server):
    proc = run_cli("languagetool", "status", "--json")
    assert proc.returncode == 0, proc.stderr
    status = json.loads(proc.stdout)
    assert set(status) == {"url", "pid", "version", "languages", "uptime_s", "rss_mb"}
    assert status["url"].startswith("http://127.0.0.1:") and status["version"] == "6.8"
    assert status["rss_mb"] > 50 and status["uptime_s"] >= 0


def test_server_listens_on_loopback_only(languagetool_server):
    connections = psutil.Process(languagetool_server.pid).net_connections(kind="inet")
    listening = [c.laddr for c in connections if c.status == psutil.CONN_LISTEN]
    assert listening and all(addr.ip in ("127.0.0.1", "::ffff:127.0.0.1", "::1") for addr in listening)


def test_the_server_sends_its_answers_without_waiting_for_acknowledgements(languagetool_server):
    # Nagle's algorithm held each answer's body 40 ms for the client's delayed acknowledgement
    assert "-Dsun.net.httpserver.nodelay=true" in psutil.Process(languagetool_server.pid).cmdline()


def test_unreachable_configured_server_exits_2(tmp_path, fr_guide):
    draft = tmp_path / "post.txt"
    draft.write_text("Les enfant sont allé.\n", encoding="utf-8")
    env = {"BRANDVOICE_LANGUAGETOOL_URL": f"http://127.0.0.1:{free_port()}"}
    proc = run_cli("check", str(draft), "--brand", str(fr_guide), "--no-cache", env=env)
    assert proc.returncode == 2 and "unreachable" in proc.stderr and "Traceback" not in proc.stderr
    proc = run_cli("check", str(draft), "--brand", str(fr_guide), "--no-cache", "--no-grammar", env=env)
    assert proc.returncode in (0, 1) and "languagetool." not in proc.stdout


def test_languagetool_url_option(languagetool_server, tmp_path, fr_guide):
    draft = tmp_path / "post.txt"
    draft.write_text("Les enfant sont allé.\n", encoding="utf-8")
    dead = run_cli("check", str(draft), "--brand", str(fr_guide), "--no-cache", "--languagetool-url", f"http://127.0.0.1:{free_port()}")
    assert dead.returncode == 2 and "unreachable" in dead.stderr
    live = run_cli(
        "check", str(draft), "--brand", str(fr_guide), "--no-cache", "--format", "json",
        "--languagetool-url", languagetool_server.url,
    )  # fmt: skip
    assert live.returncode == 1 and "languagetool.D_N" in live.stdout


def test_not_installed_exits_2_with_the_install_command(tmp_path, fr_guide):
    draft = tmp_path / "post.txt"
    draft.write_text("Les enfant sont allé.\n", encoding="utf-8")
    env = {"BRANDVOICE_LANGUAGETOOL_HOME": str(tmp_path / "empty-cache")}
    proc = run_cli("check", str(draft), "--brand", str(fr_guide), "--no-cache", env=env)
    assert proc.returncode == 2, proc.stdout + proc.stderr
    assert "brandvoice languagetool install" in proc.stderr and "Traceback" not in proc.stderr


def test_no_java_exits_2_with_what_to_install(tmp_path):
    env = {"PATH": str(tmp_path / "no-bin"), "JAVA_HOME": "", "BRANDVOICE_LANGUAGETOOL_HOME": str(tmp_path / "c")}
    proc = run_cli("languagetool", "install", env=env)
    assert proc.returncode == 2
    assert "Java 17" in proc.stderr and "openjdk-17-jre-headless" in proc.stderr
    assert not (tmp_path / "c" / "6.8" / "installed.json").exists()


def test_install_is_a_no_op_when_done(languagetool_server):
    proc = run_cli("languagetool", "install", "--languages", "fr,en")
    assert proc.returncode == 0 and "already installed" in proc.stdout


class _NotLanguageTool(BaseHTTPRequestHandler):
    def do_GET(self):
        self.send_response(404)
        self.end_headers()

    def log_message(self, *args):
        pass


def test_port_taken_and_stale_state_are_recovered(private_manager):
    squatter = HTTPServer(("127.0.0.1", 0), _NotLanguageTool)
    threading.Thread(target=squatter.serve_forever, daemon=True).start()
    try:
        port = squatter.server_address[1]
        private_manager.state_dir.mkdir(parents=True)
        stale = {
            "url": f"http://127.0.0.1:{port}", "port": port, "pid": 999999, "supervisor_pid": 999998,
            "version": "6.8", "languages": ["en", "fr"], "started": time.time() - 60, "start_seconds": 1.0,
            "heap": "1g", "idle_timeout_s": 1800, "state_dir": str(private_manager.state_dir),
        }  # fmt: skip
        private_manager.state_file.write_text(json.dumps(stale), encoding="utf-8")
        state = private_manager.ensure_running(("fr",))
        assert state.port != port and state.pid != 999999
        assert httpx.get(f"http://127.0.0.1:{port}/v2/languages").status_code == 404, "the squatter is untouched"
        with LanguageToolClient(state.url) as c:
            assert c.check_prose(ProseText.plain("Les enfant."), CheckOptions("fr-FR")).matches
    finally:
        squatter.shutdown()
        squatter.server_close()


def test_killed_server_is_restarted_once_mid_run(private_manager):
    # warmed up as every real start is (a cold French pipeline given 6 first checks at once can pass
    # the server's 60 s limit on a loaded machine): this test is about kill -9, not cold starts
    private_manager.prewarm = True
    state = private_manager.ensure_running(("fr",))
    client = LanguageToolClient(state.url, manager=private_manager, languages=("fr",))
    posts = [(ProseText.plain("Les enfant sont allé. Il faut que tu viens."), CheckOptions("fr-FR"))] * 6
    before = client.check_many(posts)
    os.kill(state.pid, signal.SIGKILL)
    psutil.Process(state.pid).wait(10) if psutil.pid_exists(state.pid) else None
    results = client.check_many(posts)
    assert all({m.rule_id for m in r.matches} >= {"D_N"} for r in results)
    assert results == before  # kill -9 recovery: the very same answer
    new_state = private_manager.running()
    assert new_state is not None and new_state.pid != state.pid and client.url == new_state.url
    client.close()


def _processes_of(state_dir: Path) -> list[psutil.Process]:
    """JVMs and supervisors started for `state_dir`."""
    return [p for p in psutil.process_iter(["cmdline"]) if f"{STATE_PROPERTY}{state_dir}" in (p.info["cmdline"] or [])]


def test_stop_leaves_no_jvm_and_killing_the_supervisor_kills_the_jvm(private_manager):
    def ours():
        return _processes_of(private_manager.state_dir)

    state = private_manager.ensure_running(("fr",))
    assert sorted(p.pid for p in ours()) == sorted([state.pid, state.supervisor_pid])
    assert private_manager.stop() is True
    assert ours() == [] and not psutil.pid_exists(state.supervisor_pid)
    assert private_manager.read_state() is None and private_manager.stop() is False

    state = private_manager.ensure_running(("fr",))
    os.kill(state.supervisor_pid, signal.SIGKILL)
    psutil.wait_procs([psutil.Process(state.pid)], timeout=20)
    assert ours() == [], "the JVM dies with its supervisor (no orphan)"


def test_idle_server_stops_itself(tmp_path, languagetool_server):
    manager = ServerManager(tmp_path / "idle", idle_timeout=2, prewarm=False)
    try:
        state = manager.ensure_running(("fr",))
        psutil.wait_procs([psutil.Process(state.pid)], timeout=30)
        assert not psutil.pid_exists(state.pid) or psutil.Process(state.pid).status() == psutil.STATUS_ZOMBIE
        assert manager.read_state() is None and manager.running() is None
    finally:
        manager.stop()


def test_concurrent_runs_share_one_server(tmp_path, languagetool_server):
    state_dir = tmp_path / "shared"
    code = (
        "import sys; from brandvoice.languagetool.server import ServerManager; "
        f"print(ServerManager({str(state_dir)!r}, prewarm=False).ensure_running(('fr',)).pid)"
    )
    procs = [subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True) for _ in range(3)]
    try:
        pids = {p.communicate(timeout=180)[0].strip() for p in procs}
        assert len(pids) == 1 and pids != {""}
        jvms = [p for p in _processes_of(state_dir) if "brandvoice.languagetool.supervisor" not in p.info["cmdline"]]
        assert [str(p.pid) for p in jvms] == list(pids)
    finally:
        ServerManager(state_dir).stop()


def test_cli_start_status_stop(tmp_path, languagetool_server):
    from brandvoice.languagetool.install import find_installation

    # a private cache folder sharing the installed jars: this test's server is its own
    installed = find_installation(("fr",))
    home = tmp_path / "home"
    (home / installed.version).mkdir(parents=True)
    (home / installed.version / "installed.json").write_text(json.dumps(installed.to_json()), encoding="utf-8")
    env = {"BRANDVOICE_LANGUAGETOOL_HOME": str(home)}
    try:
        start = run_cli("languagetool", "start", "--languages", "fr", "--idle", "10m", env=env)
        assert start.returncode == 0, start.stderr
        url = start.stdout.strip()
        assert url.startswith("http://127.0.0.1:") and "started" in start.stderr
        again = run_cli("languagetool", "start", env=env)
        assert again.stdout.strip() == url and "already running" in again.stderr
        status = json.loads(run_cli("languagetool", "status", "--json", env=env).stdout)
        assert status["url"] == url and status["languages"] == list(installed.languages)
        assert json.loads((home / "server" / "state.json").read_text())["idle_timeout_s"] == 600
        stop = run_cli("languagetool", "stop", env=env)
        assert stop.returncode == 0 and "stopped" in stop.stdout
        assert not psutil.pid_exists(status["pid"]) or psutil.Process(status["pid"]).status() == psutil.STATUS_ZOMBIE
        after = run_cli("languagetool", "status", env=env)
        assert after.returncode == 1 and "not running" in after.stdout
    finally:
        ServerManager(home / "server").stop()


def test_java_versions():
    from brandvoice.languagetool.install import parse_java_version

    assert parse_java_version('openjdk version "17.0.15" 2025-04-15') == 17
    assert parse_java_version('java version "1.8.0_382"') == 8
    assert parse_java_version('openjdk version "21" 2023-09-19') == 21
    assert parse_java_version("no version here") is None


def test_old_java_exits_2(tmp_path):
    fake_bin = tmp_path / "bin"
    fake_bin.mkdir()
    java = fake_bin / "java"
    java.write_text('#!/bin/sh\necho \'java version "1.8.0_382"\' >&2\n', encoding="utf-8")
    java.chmod(0o755)
    env = {"PATH": str(fake_bin), "JAVA_HOME": "", "BRANDVOICE_LANGUAGETOOL_HOME": str(tmp_path / "c")}
    proc = run_cli("languagetool", "install", env=env)
    assert proc.returncode == 2 and "is Java 8" in proc.stderr and "Java 17 or newer" in proc.stderr


def test_no_maven_and_no_internet_exits_2_with_what_to_install(tmp_path):
    from brandvoice.languagetool.install import _internet_reachable, find_java

    if _internet_reachable():
        pytest.skip("the internet is reachable here: the fallback would download the full LanguageTool")
    only_java = tmp_path / "bin"
    only_java.mkdir()
    (only_java / "java").symlink_to(os.path.realpath(find_java()))
    env = {
        "PATH": str(only_java),
        "JAVA_HOME": "",
        "BRANDVOICE_LANGUAGETOOL_HOME": str(tmp_path / "c"),
        "LTP_PATH": str(tmp_path / "ltp"),  # language-tool-python's download folder: empty
    }
    proc = run_cli("languagetool", "install", env=env)
    assert proc.returncode == 2, proc.stdout + proc.stderr
    assert "Maven is needed" in proc.stderr and "apt-get install maven" in proc.stderr


def test_a_problem_brandvoice_reports_is_not_reported_again_by_languagetool(languagetool_server, tmp_path):
    guide = write_guide(tmp_path, "doubles", "language: fr-FR\nrules:\n  doublons: {kind: repetition}\n")
    report = check_json(tmp_path, "Nous avons les les chambres.\n", guide)
    at_repeat = [f["rule"] for f in report["files"][0]["findings"] if f["match"] == "les les"]
    assert at_repeat == ["doubles.doublons"]
    # where brandvoice's rule stays silent, LanguageTool's still speaks
    report = check_json(tmp_path, "This is is a test.\n", write_guide(tmp_path, "d-en", "language: en-US\n"))
    assert [f["rule"] for f in lt_findings(report)] == ["languagetool.ENGLISH_WORD_REPEAT_RULE"]


# --- issue 19: one server per user, slow is not dead, a broken state file ----------------------

def _private_home(tmp_path: Path) -> Path:
    """A LanguageTool home of its own (state, server), sharing the installed jars."""
    from brandvoice.languagetool.install import find_installation

    installed = find_installation(("fr",))
    home = tmp_path / "home"
    (home / installed.version).mkdir(parents=True)
    (home / installed.version / "installed.json").write_text(json.dumps(installed.to_json()), encoding="utf-8")
    return home


def test_a_slow_server_is_not_taken_for_a_dead_one(private_manager, monkeypatch):
    """The attack run: a busy shared server took 32 s to answer; the next run's 3 s probe judged it
    dead and killed it under the runs using it. A live process whose port accepts is waited for."""
    from brandvoice.languagetool import server as server_module

    state = private_manager.ensure_running(("fr",))
    os.kill(state.pid, signal.SIGSTOP)  # as busy as can be: answers nothing
    try:
        threading.Timer(4.0, os.kill, (state.pid, signal.SIGCONT)).start()
        again = private_manager.ensure_running(("fr",))
        assert again.pid == state.pid and again.url == state.url
        os.kill(state.pid, signal.SIGSTOP)
        monkeypatch.setattr(server_module, "STARTUP_TIMEOUT", 3.0)
        with pytest.raises(LanguageToolUnavailable, match="is running but has not answered for 3 s; it is left alone"):
            private_manager.ensure_running(("fr",))
        assert psutil.pid_exists(state.pid) and private_manager.read_state() == state
    finally:
        os.kill(state.pid, signal.SIGCONT)


@pytest.mark.parametrize("pid", ["12a", -5, None, 3.5, True])
def test_a_broken_state_file_is_a_stale_one(tmp_path, pid):
    home = _private_home(tmp_path)
    state_dir = home / "server"
    state_dir.mkdir()
    broken = {"url": "http://127.0.0.1:1", "port": 1, "pid": pid, "supervisor_pid": pid, "version": "6.8",
              "languages": ["fr"], "started": 0, "start_seconds": 1, "heap": "1g", "idle_timeout_s": 60,
              "state_dir": str(state_dir)}
    (state_dir / "state.json").write_text(json.dumps(broken), encoding="utf-8")
    env = {"BRANDVOICE_LANGUAGETOOL_HOME": str(home)}
    status = run_cli("languagetool", "status", env=env, timeout=60)
    assert status.returncode == 1 and "not running" in status.stdout and "Traceback" not in status.stderr
    stop = run_cli("languagetool", "stop", env=env, timeout=60)
    assert stop.returncode == 0 and "Traceback" not in stop.stderr


def test_a_state_file_pointing_elsewhere_is_never_used(tmp_path):
    """A tampered state must not send drafts to another address than our loopback port."""
    manager = ServerManager(tmp_path / "state", prewarm=False)
    manager.state_dir.mkdir()
    state = {"url": "http://203.0.113.9:8081", "port": 8081, "pid": os.getpid(), "supervisor_pid": os.getpid(),
             "version": "6.8", "languages": ["fr"], "started": 0, "start_seconds": 1, "heap": "1g",
             "idle_timeout_s": 60, "state_dir": str(manager.state_dir)}
    manager.state_file.write_text(json.dumps(state), encoding="utf-8")
    assert manager.read_state() is None and manager.running() is None


def test_concurrent_cold_runs_start_one_server_and_agree_with_a_serial_run(tmp_path, languagetool_server):
    """The attack run: 8 concurrent cold runs started 5 JVMs one after another, 6 of 8 failed, 2 of 8
    outputs equalled a serial run: a busy server, slow to answer a probe, was killed and restarted.
    Here the new server is made as busy as can be (stopped for 6 s) just as it is up, while the
    other runs look at it: one JVM, 8 identical outputs, equal to a serial run. A broken state file
    left behind (a pid that is no pid) is a stale one, not a traceback."""
    home = _private_home(tmp_path)
    (home / "server").mkdir()
    (home / "server" / "state.json").write_text('{"pid": "not a pid", "url": 3}', encoding="utf-8")
    env = {**os.environ, "NO_COLOR": "1", "BRANDVOICE_NO_SERVER": "1", "BRANDVOICE_LANGUAGETOOL_HOME": str(home)}
    env.pop("BRANDVOICE_LANGUAGETOOL_URL", None)
    guide = write_guide(tmp_path, "g", "language: fr-FR\n")
    draft = tmp_path / "post.txt"
    draft.write_text("Les enfant sont allé à l'école. Il faut que tu viens demain.\n", encoding="utf-8")
    args = [sys.executable, "-m", "brandvoice", "check", str(draft), "-b", str(guide), "--no-cache", "--format", "json"]
    state_dir = (home / "server").absolute()
    jvms: set[int] = set()
    done = threading.Event()

    def watch_jvms():
        paused = False
        while not done.is_set():
            state_file = state_dir / "state.json"
            if not paused and state_file.exists():
                try:
                    pid = json.loads(state_file.read_text(encoding="utf-8"))["pid"]
                except (OSError, ValueError, KeyError):
                    pid = 0
                if isinstance(pid, int) and pid > 0:  # the broken state file is not the new one
                    os.kill(pid, signal.SIGSTOP)
                    threading.Timer(6.0, os.kill, (pid, signal.SIGCONT)).start()
                    paused = True
            jvms.update(p.pid for p in _processes_of(state_dir) if "brandvoice.languagetool.supervisor" not in p.info["cmdline"])
            time.sleep(0.2)

    watcher = threading.Thread(target=watch_jvms, daemon=True)
    watcher.start()
    try:
        procs = [subprocess.Popen(args, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(8)]
        results = [p.communicate(timeout=600) for p in procs]
        done.set()
        watcher.join()
        assert [p.returncode for p in procs] == [1] * 8, [err for _, err in results]
        serial = subprocess.run(args, env=env, capture_output=True, text=True, timeout=300)
        outputs = {out for out, _ in results}
        assert outputs == {serial.stdout}
        assert "languagetool.D_N" in serial.stdout
        assert len(jvms) == 1, jvms
        assert (state_dir / "server.log").read_text(encoding="utf-8").count("Server started") == 1
    finally:
        done.set()
        ServerManager(state_dir).stop()


def test_a_new_server_is_warmed_up_once_by_the_run_that_starts_it(private_manager):
    private_manager.prewarm = True
    warmed: list[str] = []
    state = private_manager.ensure_running(("fr",), warm_up=warmed.append)
    assert warmed == [state.url]
    assert private_manager.ensure_running(("fr",), warm_up=warmed.append).url == state.url
    assert warmed == [state.url], "a running server is not warmed up again"


def test_the_warm_up_sends_each_languages_first_request_with_its_own_options(languagetool_server, monkeypatch):
    # LanguageTool builds a pipeline per set of options: the warm-up must build the run's own
    sent: list[tuple[str, CheckOptions]] = []
    real_check_chunk = LanguageToolClient.check_chunk
    monkeypatch.setattr(LanguageToolClient, "check_chunk",
                        lambda self, chunk, options: sent.append((chunk.text, options)) or real_check_chunk(self, chunk, options))
    french = CheckOptions("fr-FR", disabled_rules=("POINT",))
    first = [(ProseText.plain("Premier texte."), french), (ProseText.plain("Second texte."), french),
             (ProseText.plain("An English text."), CheckOptions("en-US"))]
    _warm_up(languagetool_server.url, first)
    assert sent == [("Premier texte.", french), ("An English text.", CheckOptions("en-US"))]


def test_a_failing_warm_up_is_left_to_the_runs_own_request(tmp_path):
    _warm_up(f"http://127.0.0.1:{free_port()}", [(ProseText.plain("Rien n’écoute."), CheckOptions("fr-FR"))])


def test_the_serial_collector_gives_way_to_one_the_user_s_java_options_choose():
    from brandvoice.languagetool.install import require_java
    from brandvoice.languagetool.server import collector_options

    assert collector_options({}) == ["-XX:+UseSerialGC"]
    assert collector_options({"JDK_JAVA_OPTIONS": "-Xss2m -XX:+UseParallelGC"}) == []
    java = require_java()
    for chosen in ({}, {"JAVA_TOOL_OPTIONS": "-XX:+UseG1GC"}, {"JDK_JAVA_OPTIONS": "-Xss2m -XX:+UseParallelGC"}):
        env = {**os.environ, **chosen}
        proc = subprocess.run([java, *collector_options(env), "-version"], env=env, capture_output=True, text=True)
        assert proc.returncode == 0, proc.stderr  # two collectors: "Multiple garbage collectors selected"
