"""`brandvoice learn` end to end, through the real engine: LanguageTool for the misspellings, spaCy
for the tone profile and the register.

- a synthetic "tu" brand (tests/data/learn/velorizon-posts.txt, 32 posts written for this test):
  its product name "Brisalune" is in 30 posts, "parcour" (a typo of "parcours") in 3, "randonée"
  in 1; every post carries #VéloRizon; the guide (velorizon.yaml) says `register: vous` and
  forbids hashtags, which the posts contradict;
- real tweets (tests/data/x_posts_fr.txt and x_posts_en.txt, see x_posts.SOURCE.txt).
"""

import json
import shutil
from pathlib import Path

import pytest
import yaml

from helpers import run_cli, run_json

pytestmark = [pytest.mark.languagetool, pytest.mark.spacy]

DATA = Path(__file__).parent / "data"
POSTS = DATA / "learn" / "velorizon-posts.txt"


@pytest.fixture
def velorizon(tmp_path):
    guide = tmp_path / "velorizon.yaml"
    shutil.copy(DATA / "learn" / "velorizon.yaml", guide)
    return guide


def learn_json(*args: str) -> dict:
    proc = run_cli("learn", *args, "--format", "json")
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


def test_a_tu_brand_corpus(languagetool_server, velorizon, tmp_path):
    data = learn_json(str(POSTS), "--brand", str(velorizon))
    assert data["posts"] == 32 and data["recurring"] == 3
    names = {w["word"]: w for w in data["names"]}  # the product's name, written with its capital
    assert list(names) == ["Brisalune"] and data["accept"] == []
    assert names["Brisalune"]["posts"] == 30 and len(names["Brisalune"]["examples"]) == 3
    assert [(w["word"], w["typo_of"]) for w in data["typos"]] == [("parcour", "parcours")]
    # "randonée" is a misspelling (the check says so) in one post only: no candidate
    assert "randonée" not in json.dumps(data["names"] + data["accept"] + data["typos"], ensure_ascii=False)
    one_off = tmp_path / "one-off.txt"
    one_off.write_text(next(l for l in POSTS.read_text(encoding="utf-8").splitlines() if "randonée" in l), encoding="utf-8")
    code, checked = run_json("check", str(one_off), "--brand", str(velorizon))
    assert any(f["match"] == "randonée" and f["category"] == "spelling" for f in checked["files"][0]["findings"])
    assert data["register"]["dominant"] == "tu" and data["register"]["share"] >= 0.9
    rules = {r["rule"]: r for r in data["rules"]}
    assert rules["velorizon.sans-hashtag"]["share"] == 1.0
    assert "velorizon.sans-exclamation" not in rules  # 6 posts of 32: not most
    assert "voice.register" not in rules  # answered by the new register
    changes = {tuple(c["path"]): c["value"] for c in data["changes"]}
    assert changes[("voice", "register")] == "tu"
    assert changes[("names",)] == ["Brisalune"] and ("vocabulary", "accept") not in changes
    assert changes[("hashtags", "required")] == ["#VéloRizon"]
    assert changes[("levels", "velorizon.sans-hashtag")] == "suggestion"
    for dimension, band in data["tone"].items():
        low, high = band["band"]
        assert low <= band["median"] <= high, dimension
    assert data["written"] is None and any(line.startswith("+  register: tu") for line in data["diff"])


def test_write_keeps_comments_and_a_second_run_has_nothing_left_to_say(languagetool_server, velorizon):
    before = velorizon.read_text(encoding="utf-8")
    proc = run_cli("learn", str(POSTS), "--brand", str(velorizon), "--write")
    assert proc.returncode == 0, proc.stderr
    assert "Wrote" in proc.stdout
    after = velorizon.read_text(encoding="utf-8")
    comments = [line.strip() for line in before.splitlines() if "#" in line and line.lstrip().startswith("#")]
    assert all(comment in after for comment in comments)
    assert "# the shop's own name" in after
    data = yaml.safe_load(after)
    assert list(data)[:7] == list(yaml.safe_load(before))  # old keys first, in their order
    assert data["voice"]["register"] == "tu" and "Brisalune" in data["names"]
    assert run_cli("guides", "validate", str(velorizon)).returncode == 0
    again = learn_json(str(POSTS), "--brand", str(velorizon))
    assert again["names"] == again["accept"] == [] and again["register"]["dominant"] == "tu"
    assert not [c for c in again["changes"] if c["path"][0] in ("names", "vocabulary", "voice", "hashtags", "levels")]
    assert "voice.register" not in {r["rule"] for r in again["rules"]}


def test_write_never_splits_a_hard_linked_guide(languagetool_server, velorizon):
    """As `--fix` (issue 19): a guide with another hard link is not rewritten (a rename would split
    the two names), and the run says so without a traceback."""
    import os

    before = velorizon.read_text(encoding="utf-8")
    os.link(velorizon, velorizon.with_name("shared.yaml"))
    proc = run_cli("learn", str(POSTS), "--brand", str(velorizon), "--write")
    assert proc.returncode == 2 and "Traceback" not in proc.stderr, proc.stderr
    assert f"{velorizon} not written: has 2 hard links" in proc.stderr
    assert velorizon.read_text(encoding="utf-8") == before and velorizon.stat().st_nlink == 2


@pytest.mark.parametrize(
    "name,base,voice",
    [
        ("x_posts_fr.txt", "base-fr", "voice:\n  hedging: true\n"),
        # no voice/tone section: learn still measures the tone profile (through a wrapper guide)
        ("x_posts_en.txt", "base-en", ""),
    ],
)
def test_real_posts_give_sensible_bands(languagetool_server, tmp_path, name, base, voice):
    guide = tmp_path / "brand.yaml"
    guide.write_text(f"# A brand learning from real tweets.\nextends: {base}\n{voice}", encoding="utf-8")
    data = learn_json(str(DATA / name), "--brand", str(guide))
    assert data["posts"] == 100
    assert {"energy", "avg_sentence_length"} <= set(data["tone"])
    for dimension, band in data["tone"].items():
        low, high = band["band"]
        assert low < high and low <= band["median"] <= high and band["measured"] >= 5, dimension
        if dimension in ("energy", "formality", "confidence", "passive_share"):
            assert 0 <= low and high <= 1, dimension
    assert 2 <= data["tone"]["avg_sentence_length"]["band"][0] and data["tone"]["avg_sentence_length"]["band"][1] <= 60
    assert "@user" in {m["tag"] for m in data["mentions"]}  # the corpora anonymise every mention as @user
    if base == "base-fr":
        assert data["register"] is None or data["register"]["dominant"] in ("tu", "vous", None)
    proc = run_cli("learn", str(DATA / name), "--brand", str(guide), "--write")
    assert proc.returncode == 0, proc.stderr
    assert guide.read_text(encoding="utf-8").startswith("# A brand learning from real tweets.\n")
    assert run_cli("guides", "validate", str(guide)).returncode == 0
    learned = yaml.safe_load(guide.read_text(encoding="utf-8"))
    assert set(learned["tone"]) == set(data["tone"])  # bands only: nothing of the wrapper leaks in


def test_text_output_is_evidence_then_diff(languagetool_server, velorizon):
    proc = run_cli("learn", str(POSTS), "--brand", str(velorizon))
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout
    assert out.index("Names") < out.index("Brisalune  30 posts") < out.index(f"--- {velorizon} (current)")
    assert "parcour  →  parcours?" in out and "Register: tu" in out
    assert "-  register: vous" in out and "+  register: tu" in out
    assert "--write" in out and velorizon.read_text(encoding="utf-8") == (DATA / "learn" / "velorizon.yaml").read_text(encoding="utf-8")


def test_user_errors_exit_2(tmp_path, velorizon):
    proc = run_cli("learn", str(tmp_path / "missing.txt"), "--brand", str(velorizon), "--no-grammar")
    assert proc.returncode == 2 and "no such file" in proc.stderr and "Traceback" not in proc.stderr
    proc = run_cli("learn", str(POSTS), "--brand", "no-such-brand", "--no-grammar")
    assert proc.returncode == 2 and "no-such-brand" in proc.stderr
    proc = run_cli("learn", str(POSTS), "--brand", str(velorizon), "--split", "pages", "--no-grammar")
    assert proc.returncode == 2 and "--split" in proc.stderr


def test_without_languagetool_the_voice_is_still_learned(velorizon):
    proc = run_cli("learn", str(POSTS), "--brand", str(velorizon), "--no-grammar")
    assert proc.returncode == 0, proc.stderr
    assert "Vocabulary: not learned (--no-grammar" in proc.stdout and "+  register: tu" in proc.stdout
    data = learn_json(str(POSTS), "--brand", str(velorizon), "--no-grammar")
    assert data["spelling_checked"] is False and data["accept"] == []
    assert "vocabulary" not in {c["path"][0] for c in data["changes"]}
