"""The voice score: formula, guide weights, JSON/text output, the `--min-score` gate, `score`."""

from __future__ import annotations

import math

import pytest
from helpers import run_cli, run_json
from hypothesis import given
from hypothesis import strategies as st

from brandvoice.findings import CATEGORIES, FileResult, Finding, Level
from brandvoice.score import DEFAULT_SETTINGS, ScoreSettings, count_words, file_score
from brandvoice.score_totals import below, by_channel, mean_score, scores_by


def finding(level: Level = Level.ERROR, category: str = "spelling", rule: str = "t.rule") -> Finding:
    return Finding(rule, "brandvoice", category, level, "msg", 1, 1, 1, 2, 0, 1, "x")


# --- the formula -------------------------------------------------------------------------------


def test_no_findings_is_100_whatever_the_length():
    assert file_score([], 0) == 100.0
    assert file_score([], 3) == 100.0
    assert file_score([], 5000) == 100.0


def test_one_typo_in_a_tweet_is_not_a_catastrophe():
    # 20 words with one error count as min_words (50): density 2, score 100 × 0.5^(2/8)
    tweet = file_score([finding()], 20)
    assert tweet == pytest.approx(100 * 0.5 ** 0.25)
    assert 80 < tweet < 90
    # a three-word post is floored the same way, not scored as 33 errors per 100 words
    assert file_score([finding()], 3) == pytest.approx(tweet)
    assert file_score([finding()], 0) == pytest.approx(tweet)


def test_half_life_halves_the_score():
    # 8 errors in 100 words: density 8 = half_life
    assert file_score([finding()] * 8, 100) == pytest.approx(50.0)
    assert file_score([finding()] * 16, 100) == pytest.approx(25.0)


def test_longer_texts_dilute_the_same_findings():
    two = [finding(), finding(Level.WARNING, "tone")]
    assert file_score(two, 50) < file_score(two, 200) < file_score(two, 1000) < 100


def test_levels_and_categories_weigh_differently():
    assert file_score([finding(Level.ERROR)], 40) < file_score([finding(Level.WARNING)], 40)
    assert file_score([finding(Level.WARNING)], 40) < file_score([finding(Level.SUGGESTION)], 40)
    # a missing #ad disclosure costs more than a missing non-breaking space
    assert file_score([finding(category="disclosure")], 40) < file_score([finding(category="typography")], 40)
    # categories another feature invents weigh 1, like spelling
    assert file_score([finding(category="brand-new")], 40) == file_score([finding(category="spelling")], 40)


def test_custom_weights():
    settings = ScoreSettings(categories={"typography": 0}, levels={"warning": 1.0}, min_words=10, half_life=4)
    assert file_score([finding(category="typography")] * 5, 10, settings) == 100.0
    assert file_score([finding(Level.WARNING)], 10, settings) == pytest.approx(file_score([finding()], 10, settings))
    assert file_score([finding()], 10, settings) == pytest.approx(100 * 0.5 ** (10 / 4))


def test_negative_weights_are_refused():
    with pytest.raises(ValueError):
        ScoreSettings(categories={"tone": -1})
    with pytest.raises(ValueError):
        ScoreSettings(levels={"error": -0.5})
    with pytest.raises(ValueError):
        ScoreSettings(half_life=0)


findings_strategy = st.lists(
    st.builds(finding, st.sampled_from(list(Level)), st.sampled_from(CATEGORIES + ("other",))), max_size=30
)
settings_strategy = st.builds(
    ScoreSettings,
    half_life=st.floats(0.5, 50),
    min_words=st.integers(1, 200),
    # 0 or a weight a person would write (1e-278 would round the change away)
    categories=st.dictionaries(st.sampled_from(CATEGORIES), st.just(0.0) | st.floats(0.01, 5), max_size=4),
)


@given(findings_strategy, st.integers(0, 2000), st.sampled_from(list(Level)), st.sampled_from(CATEGORIES), settings_strategy)
def test_adding_a_finding_never_raises_the_score(findings, words, level, category, settings):
    before = file_score(findings, words, settings)
    after = file_score([*findings, finding(level, category)], words, settings)
    assert 0 <= after <= before <= 100
    if settings.penalty(finding(level, category)) > 0:
        assert after < before or after == 0.0


def test_word_count_counts_words_as_readers_do():
    assert count_words("") == 0
    assert count_words("   \n ") == 0
    assert count_words("Aujourd'hui, l’e-mail part à 9h !") == 5  # aujourd'hui, l’e-mail, part, à, 9h
    assert count_words("Big news 🎉 #SummerSale @trailcraft") == 4
    assert count_words("Ce n'est pas -- vraiment -- fini.") == 5


def test_run_scores_are_means_of_posts():
    files = [
        FileResult("a.md", "hotelia", "x", "fr-FR", metrics={"score": 40.0}, channels=("x",)),
        FileResult("b.md", "hotelia", "linkedin", "fr-FR", metrics={"score": 90.0}, channels=("linkedin", "x")),
        FileResult("c.md", None, None, "en-US", metrics={"score": 100.0}),
    ]
    assert mean_score(files) == 76.7
    assert mean_score([]) is None
    # a post published on two channels counts in both
    assert scores_by(files, by_channel) == {"(none)": 100.0, "linkedin": 90.0, "x": 65.0}
    assert [r.path for r in below(files, 95)] == ["a.md", "b.md"]


# --- through the CLI ---------------------------------------------------------------------------

HOTELIA_X = "---\nbrand: hotelia\nchannel: x\n---\nUne vue incroyable depuis la chambre, chez hotelia.\n"
TRAILCRAFT_SOFT = "---\nbrand: trailcraft\n---\nWe utilize recycled nylon in every tent we make, from the stakes to the fly.\n"


def test_json_has_score_on_each_file_and_in_the_summary(tmp_path):
    (tmp_path / "a.md").write_text(HOTELIA_X, encoding="utf-8")
    (tmp_path / "b.md").write_text(TRAILCRAFT_SOFT, encoding="utf-8")
    (tmp_path / "empty.md").write_text("", encoding="utf-8")
    code, data = run_json("check", str(tmp_path), "--no-grammar")
    files = {f["path"].rsplit("/", 1)[-1]: f for f in data["files"]}
    assert files["empty.md"]["score"] == 100.0 and files["empty.md"]["words"] == 0
    hotelia = files["a.md"]
    assert hotelia["findings"] and hotelia["score"] < 100
    # the score is the documented formula over the file's own findings
    weights = {"error": 1.0, "warning": 0.4, "suggestion": 0.1}
    penalty = sum(weights[f["level"]] * DEFAULT_SETTINGS.category_weight(f["category"]) for f in hotelia["findings"])
    expected = 100 * 0.5 ** (100 * penalty / max(hotelia["words"], 50) / 8)
    assert hotelia["score"] == pytest.approx(expected, abs=0.05)
    summary = data["summary"]
    assert summary["score"] == pytest.approx(sum(f["score"] for f in data["files"]) / 3, abs=0.05)
    assert set(summary["scores"]["brand"]) == {"hotelia", "trailcraft", "(none)"}
    assert summary["scores"]["channel"]["x"] == hotelia["score"]


def test_text_summary_shows_the_score(tmp_path):
    (tmp_path / "b.md").write_text(TRAILCRAFT_SOFT, encoding="utf-8")
    proc = run_cli("check", str(tmp_path / "b.md"), "--no-grammar")
    assert proc.returncode == 0, proc.stderr
    last = proc.stdout.strip().splitlines()[-1]
    assert "voice score" in last and last.endswith("/100")


def test_guide_weights_change_the_score(tmp_path):
    guide = tmp_path / "quiet.yaml"
    guide.write_text(
        "extends: trailcraft\nscore:\n  levels: {suggestion: 0}\n", encoding="utf-8"
    )
    post = tmp_path / "b.md"
    post.write_text(TRAILCRAFT_SOFT, encoding="utf-8")
    _, default = run_json("check", str(post), "--no-grammar")
    _, quiet = run_json("check", str(post), "--no-grammar", "--brand", str(guide))
    assert default["files"][0]["findings"], "the post should have a suggestion"
    assert all(f["level"] == "suggestion" for f in quiet["files"][0]["findings"])
    assert default["files"][0]["score"] < 100
    assert quiet["files"][0]["score"] == 100.0


@pytest.mark.parametrize(
    "section, expected",
    [("score:\n  categories: {tone: -2}\n", "score.categories.tone"), ("score:\n  half_lfe: 3\n", "half_life")],
)
def test_bad_score_section_is_a_clear_error(tmp_path, section, expected):
    guide = tmp_path / "bad.yaml"
    guide.write_text("extends: base-en\n" + section, encoding="utf-8")
    post = tmp_path / "p.md"
    post.write_text("Hello there.\n", encoding="utf-8")
    proc = run_cli("check", str(post), "--no-grammar", "--brand", str(guide))
    assert proc.returncode == 2
    assert expected in proc.stderr and "Traceback" not in proc.stderr


def test_min_score_gate(tmp_path):
    post = tmp_path / "b.md"
    post.write_text(TRAILCRAFT_SOFT, encoding="utf-8")
    _, data = run_json("check", str(post), "--no-grammar")
    score = data["files"][0]["score"]
    assert 0 < score < 100 and not any(f["level"] == "error" for f in data["files"][0]["findings"])
    assert run_cli("check", str(post), "--no-grammar").returncode == 0
    assert run_cli("check", str(post), "--no-grammar", "--min-score", str(math.floor(score))).returncode == 0
    gated = run_cli("check", str(post), "--no-grammar", "--min-score", str(math.ceil(score + 0.01)))
    assert gated.returncode == 1
    assert "below the minimum voice score" in gated.stderr and "b.md" in gated.stderr
    assert run_cli("check", str(post), "--no-grammar", "--min-score", "150").returncode == 2


def test_score_command_lists_worst_first(tmp_path):
    (tmp_path / "a.md").write_text(HOTELIA_X, encoding="utf-8")
    (tmp_path / "b.md").write_text(TRAILCRAFT_SOFT, encoding="utf-8")
    (tmp_path / "c.md").write_text("---\nbrand: trailcraft\n---\nSee you on the trail.\n", encoding="utf-8")
    proc = run_cli("score", str(tmp_path), "--no-grammar")
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    assert lines[0].split() == ["File", "Brand", "Network", "Voice", "score", "Errors", "Warnings"]  # English: 2 of 3 posts
    order = [line.split()[0].rsplit("/", 1)[-1] for line in lines[1:4]]
    assert order == ["a.md", "b.md", "c.md"]
    scores = [float(line.split()[3]) for line in lines[1:4]]
    assert scores == sorted(scores) and scores[-1] == 100
    assert "Brand: Hotelia " in proc.stdout and lines[-1].startswith("Mean voice score: ") and lines[-1].endswith("(3 posts)")
    gated = run_cli("score", str(tmp_path), "--no-grammar", "--min-score", "99")
    assert gated.returncode == 1 and "a.md" in gated.stderr and "c.md" not in gated.stderr
