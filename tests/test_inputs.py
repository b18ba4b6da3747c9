"""Hostile and oversized inputs (issue 19): only regular files are read, within a size limit;
drafts of any size are checked in linear time; what cannot be checked is reported, never dropped.
Every test is bounded in time: a hang fails it instead of stalling the suite."""

from __future__ import annotations

import json
import os
import threading

import pytest

from brandvoice.files import SourceFile, read_source
from brandvoice.runner import Checker, RunOptions
from helpers import run_cli

# the brand's terms only: no spaCy to load, fast runs (and a selection, which hides nothing unchecked)
NO_GRAMMAR = ("-b", "hotelia", "--no-grammar", "--select", "hotelia.names", "--format", "json")


def test_named_pipes_are_skipped_whether_named_or_found_in_a_folder(tmp_path):
    os.mkfifo(tmp_path / "pipe.md")
    (tmp_path / "ok.md").write_text("Chez hotelia.\n", encoding="utf-8")
    for target in (str(tmp_path), str(tmp_path / "pipe.md")):
        proc = run_cli("check", target, *NO_GRAMMAR, timeout=60)
        assert proc.returncode in (0, 1), proc.stderr
        assert f"{tmp_path / 'pipe.md'}: not a regular file (a named pipe), skipped" in proc.stderr
        skipped = json.loads(proc.stdout)["skipped"]
        assert skipped == [{"path": str(tmp_path / "pipe.md"), "reason": "not a regular file (a named pipe), skipped"}]


def test_a_device_named_explicitly_is_not_read():
    proc = run_cli("check", "/dev/zero", *NO_GRAMMAR, timeout=60)
    assert proc.returncode == 0 and "/dev/zero: not a regular file (a character device), skipped" in proc.stderr


def test_files_and_standard_input_over_the_size_limit(tmp_path):
    env = {"BRANDVOICE_MAX_FILE_BYTES": "1000"}
    (tmp_path / "big.md").write_text("Chez hotelia. " * 100, encoding="utf-8")
    (tmp_path / "small.md").write_text("Chez hotelia.\n", encoding="utf-8")
    proc = run_cli("check", str(tmp_path), *NO_GRAMMAR, env=env, timeout=60)
    assert proc.returncode == 1, proc.stderr  # the small file's finding
    assert "big.md: 1400 bytes, larger than the 1000 bytes limit (BRANDVOICE_MAX_FILE_BYTES raises it), skipped" in proc.stderr
    piped = run_cli("check", "-", *NO_GRAMMAR, stdin="x" * 1001, env=env, timeout=60)
    assert piped.returncode == 2 and "standard input is larger than the 1000 bytes limit" in piped.stderr
    assert "Traceback" not in piped.stderr


def test_endless_standard_input_stops_at_the_limit(tmp_path):
    with open("/dev/zero", "rb") as zero:
        import subprocess
        import sys

        proc = subprocess.run(
            [sys.executable, "-m", "brandvoice", "check", "-", "--no-grammar"], stdin=zero, capture_output=True,
            text=True, timeout=60, env={**os.environ, "BRANDVOICE_NO_SERVER": "1"},
        )
    assert proc.returncode == 2 and "standard input is larger than the 5.0 MB limit" in proc.stderr


def test_reading_a_fifo_never_blocks(tmp_path):
    os.mkfifo(tmp_path / "p.txt")
    result = {}
    reader = threading.Thread(target=lambda: result.update(source=read_source(tmp_path / "p.txt")), daemon=True)
    reader.start()
    reader.join(10)
    assert not reader.is_alive() and result["source"].text is None


def test_content_nested_too_deep_is_reported_at_its_line(tmp_path):
    draft = tmp_path / "deep.md"
    draft.write_text("Intro.\n\n" + "\n".join(">" * i + " Chez hotelia." for i in range(1, 200)) + "\n", encoding="utf-8")
    proc = run_cli("check", str(draft), *NO_GRAMMAR, timeout=120)
    findings = json.loads(proc.stdout)["files"][0]["findings"]
    unchecked = [f for f in findings if f["rule"] == "brandvoice.unchecked"]
    # reported although --select names other rules: a selection does not hide what was not checked
    assert len(unchecked) == 1 and unchecked[0]["level"] == "warning" and unchecked[0]["line"] == 102
    assert unchecked[0]["message"].startswith("Non vérifié\u00a0: imbriqué plus profondément que ce que lit l’analyseur Markdown")
    assert unchecked[0]["message_lang"] == "fr"  # a French draft: brandvoice's own words in French
    terms = [f["line"] for f in findings if f["rule"] == "hotelia.names.hotelia"]
    assert terms == list(range(3, 102))  # everything above the limit is checked
    quiet = run_cli("check", str(draft), *NO_GRAMMAR, "--ignore", "brandvoice.unchecked", timeout=120)
    assert "brandvoice.unchecked" not in quiet.stdout


def test_a_catastrophic_guide_regex_is_stopped_and_its_rule_reported(tmp_path):
    guide = tmp_path / "g.yaml"
    guide.write_text("language: fr-FR\nrules:\n  lent:\n    kind: existence\n    pattern: '(a|aa)+$'\n", encoding="utf-8")
    (tmp_path / "d.txt").write_text("a" * 40 + "b\n", encoding="utf-8")
    proc = run_cli("check", str(tmp_path / "d.txt"), "-b", str(guide), "--no-grammar", "--format", "json",
                   env={"BRANDVOICE_REGEX_TIMEOUT": "0.3"}, timeout=60)
    assert proc.returncode == 0, proc.stderr
    [finding] = json.loads(proc.stdout)["files"][0]["findings"]
    assert finding["rule"] == "brandvoice.unchecked" and finding["level"] == "warning"
    assert finding["message"].startswith("Règle g.lent non appliquée\u00a0: son motif '(a|aa)+$' a dépassé la limite de 0,3\u00a0s")


@pytest.mark.parametrize("ignore", [(), ("--ignore", "brandvoice.unchecked")], ids=["reported", "ignored"])
def test_a_rule_stopped_by_its_time_limit_leaves_nothing_in_the_cache(tmp_path, ignore):
    """A busy machine is no verdict: the next run checks the file again (neither its facts nor its
    results are kept), whether the stop is reported or ignored."""
    guide = tmp_path / "g.yaml"
    guide.write_text("language: fr-FR\nrules:\n  lent:\n    kind: existence\n    pattern: '(a|aa)+$'\n", encoding="utf-8")
    draft = tmp_path / "d.md"
    draft.write_text("a" * 40 + "b\n", encoding="utf-8")
    cache = tmp_path / "cache"
    env = {"BRANDVOICE_REGEX_TIMEOUT": "0.3", "BRANDVOICE_CACHE_DIR": str(cache)}
    proc = run_cli("check", str(draft), "-b", str(guide), "--no-grammar", "--format", "json", *ignore, env=env, timeout=60)
    reported = [f["rule"] for f in json.loads(proc.stdout)["files"][0]["findings"]]
    assert reported == ([] if ignore else ["brandvoice.unchecked"])
    kept = sorted(path.suffix for path in cache.glob("??/*"))
    assert ".facts" not in kept and ".json" not in kept, kept


def test_a_draft_over_spacys_limit_is_parsed_in_pieces(monkeypatch):
    """spaCy refuses texts over nlp.max_length (E088, a 1,000,000-character draft): long texts are
    parsed in pieces cut between paragraphs, joined into one doc with the same offsets."""
    from brandvoice.nlp import docs
    from brandvoice.nlp.models import PARSE, load_pipeline
    from brandvoice.parsing.prose import ProseText
    from brandvoice.rules.base import CheckContext

    nlp = load_pipeline("fr", PARSE).nlp
    monkeypatch.setattr(nlp, "max_length", 5_000)  # the limit, scaled down: same code path, fast
    monkeypatch.setattr(docs, "SPACY_CHUNK", 1_000)
    paragraph = "Nous vous attendons chez Hotelia pour un séjour au calme. Réservez vite !"
    text = "\n\n".join([paragraph] * 200)
    [result] = Checker(RunOptions(brand="hotelia", grammar=False, cache=False)).check_sources([SourceFile("long.md", text)]).files
    assert result.metrics["words"] == 200 * 12
    doc = docs.get_doc(CheckContext(prose=ProseText.plain(text), language="fr-FR"), PARSE)
    one = docs.get_doc(CheckContext(prose=ProseText.plain(paragraph), language="fr-FR"), PARSE)
    assert doc.text == text
    assert [(t.idx % (len(paragraph) + 2), t.text) for t in doc if not t.is_space] == [(t.idx, t.text) for t in one] * 200
    assert len(list(doc.sents)) == 200 * len(list(one.sents))


def test_text_pieces_for_spacy_cover_the_text_in_order():
    from brandvoice.nlp.docs import split_text

    text = "Un.\n\nDeux trois.\nQuatre cinq six sept" + " huit" * 50
    for size in (3, 7, 12, 40):
        pieces = split_text(text, size)
        assert "".join(pieces) == text and all(0 < len(p) <= size for p in pieces)
    assert split_text("Un.\n\nDeux.", 8) == ["Un.\n\n", "Deux."]
