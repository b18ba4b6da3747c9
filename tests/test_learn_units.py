"""`brandvoice learn`, the parts that need neither LanguageTool nor spaCy: reading a corpus, the
typo filter, percentiles, the analysis of checked posts, and the comment-preserving YAML writes.

The end-to-end runs through the real engine (LanguageTool and spaCy) are in test_learn.py.
"""

from pathlib import Path

import pytest
import yaml

from brandvoice.errors import BrandvoiceError, GuideErrors
from brandvoice.findings import FileResult, Finding, Level
from brandvoice.registry import GUIDES
from brandvoice.learn.analysis import Change, LearnSettings, guide_has, learn_from_results, percentile
from brandvoice.learn.corpus import read_corpus
from brandvoice.learn.guidefile import apply_changes, load_round_trip, validate_text
from brandvoice.learn.typos import is_edit1, likely_typo

ROOT = Path(__file__).resolve().parent.parent
GUIDE = ROOT / "tests" / "data" / "learn" / "velorizon.yaml"  # ours: the shipped guides evolve


# --- corpus -------------------------------------------------------------------------------------


def test_a_text_export_is_read_one_post_per_line(tmp_path):
    export = tmp_path / "posts.txt"
    export.write_text("".join(f"Post numéro {i} #Hotelia\n" for i in range(1, 8)) + "\n", encoding="utf-8")
    corpus = read_corpus([str(export)])
    assert [p.path for p in corpus.posts][:2] == [f"{export}:1", f"{export}:2"]
    assert len(corpus.posts) == 7 and corpus.posts[0].text == "Post numéro 1 #Hotelia\n"
    assert len(read_corpus([str(export)], limit=3).posts) == 3


def test_a_post_written_as_a_file_stays_one_post(tmp_path):
    drafts = tmp_path / "drafts"
    drafts.mkdir()
    (drafts / "a.md").write_text("# Titre\n\nUn paragraphe.\nUne ligne.\nEncore.\nEt encore.\nFin.\n", encoding="utf-8")
    (drafts / "b.txt").write_text("Premier paragraphe.\n\nSecond paragraphe.\n", encoding="utf-8")
    (drafts / "c.txt").write_text("", encoding="utf-8")  # an empty file is no post
    corpus = read_corpus([str(drafts)])
    assert sorted(Path(p.path).name for p in corpus.posts) == ["a.md", "b.txt"]
    assert len(read_corpus([str(drafts / "b.txt")], split="lines").posts) == 2


def test_a_missing_path_is_a_user_error(tmp_path):
    with pytest.raises(BrandvoiceError, match="no such file"):
        read_corpus([str(tmp_path / "nope.txt")])


# --- typos --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "word,lang,neighbour",
    [("teh", "en", "the"), ("recieve", "en", "receive"), ("parcour", "fr", "parcours"), ("randonée", "fr", "randonnée"),
     ("Ecologie", "fr", "écologie")],
)
def test_one_edit_from_a_frequent_word_is_a_likely_typo(word, lang, neighbour):
    verdict = likely_typo(word, lang)
    assert verdict is not None and verdict.neighbour == neighbour


@pytest.mark.parametrize("word,lang", [("Brisalune", "fr"), ("Hotelia", "fr"), ("Trailcraft", "en"), ("gonna", "en"), ("Côte Bleue", "fr")])
def test_names_and_common_informal_words_are_not_typos(word, lang):
    assert likely_typo(word, lang) is None


def test_a_word_too_rare_to_be_listed_is_rarer_than_any_frequent_neighbour_by_the_margin():
    from brandvoice.learn.typos import FREQUENT_ZIPF, MARGIN_ZIPF
    from brandvoice.nlp.vocabulary import WORD_ZIPF

    assert FREQUENT_ZIPF >= WORD_ZIPF + MARGIN_ZIPF  # what reading the common words alone rests on


def test_the_common_words_decide_as_the_whole_list_does():
    """The verdict read from the words at Zipf 2 or above is the one the whole of wordfreq's list
    gives (the same neighbour; on a tie, the first in alphabetical order), on words of every kind:
    typos, rare words, names, words below Zipf 2."""
    from brandvoice.learn.typos import FREQUENT_ZIPF, MARGIN_ZIPF, edits1
    from brandvoice.nlp.vocabulary import frequencies, strip_accents, zipf

    def from_the_whole_list(word, lang):
        key, known = word.casefold(), frequencies(lang)
        own = zipf(key, lang)
        scored = []
        for candidate in {c for c in edits1(key, lang) if c in known}:
            score = zipf(candidate, lang)
            margin = 0.0 if strip_accents(candidate) == strip_accents(key) else MARGIN_ZIPF
            if score >= FREQUENT_ZIPF and score > own + margin:
                scored.append((-score, candidate))
        return min(scored)[1] if scored else None

    words = {"en": ["teh", "recieve", "hotle", "gonna", "Trailcraft", "wanna", "greenwashing", "parkour", "cozzy",
                    "thier", "freind", "ahve", "bootz", "hikng", "yolo", "smol", "adn", "nto"],
             "fr": ["parcour", "randonée", "Ecologie", "chiche", "Brisalune", "hotelia", "chambree", "vraimant",
                    "merçi", "bientot", "evenement", "sejour", "ptit", "ouf", "gueule", "tkt"]}
    for lang, listed in words.items():
        for word in listed:
            verdict = likely_typo(word, lang)
            assert (verdict.neighbour if verdict else None) == from_the_whole_list(word, lang), (word, lang)


def test_edit_distance_one():
    assert is_edit1("hotle", "hotel")  # transposition
    assert is_edit1("chambree", "chambre") and is_edit1("hôtel", "hotel")
    assert not is_edit1("hotel", "hotel") and not is_edit1("brisalune", "briseline")


# --- percentiles and the analysis of checked posts ------------------------------------------------


def test_percentile_interpolates_like_numpy():
    values = [1.0, 2.0, 3.0, 4.0, 10.0]
    assert percentile(values, 0.0) == 1.0 and percentile(values, 1.0) == 10.0
    assert percentile(values, 0.5) == 3.0
    assert percentile(values, 0.9) == pytest.approx(7.6)


def _finding(rule: str, text: str, word: str, category: str = "spelling", level: Level = Level.ERROR, replacements=()):
    offset = text.index(word)
    return Finding(rule, "languagetool", category, level, "msg", 1, offset + 1, 1, offset + len(word) + 1,
                   offset, len(word), word, tuple(replacements))


def _result(path: str, text: str, findings=(), tone=None) -> FileResult:
    return FileResult(path, "brand", None, "fr-FR", list(findings), {"tone": tone} if tone else {}, source=text)


def _corpus(n: int = 30):
    """n checked posts: a product name in every post, a typo in three, a one-off typo in one."""
    results = []
    for i in range(n):
        text = f"Essaie la Brisalune {i} ! #velorizon #VeloRizon @Velorizon"
        findings = [_finding("languagetool.FR_SPELLING_RULE", text, "Brisalune", replacements=["Brise lune"])]
        findings.append(_finding("brand.sans-exclamation", text, "!", category="style", level=Level.WARNING))
        if i < 3:
            text += " Le parcour"
            findings.append(_finding("languagetool.FR_SPELLING_RULE", text, "parcour", replacements=["parcours"]))
        if i == 4:
            text += " la randonée"
            findings.append(_finding("languagetool.FR_SPELLING_RULE", text, "randonée", replacements=["randonnée"]))
        if i == 5:
            text += " i"
            findings.append(_finding("languagetool.I_LOWERCASE", text, " i", replacements=["I"]))
        if i < 4:
            text += " &amp"  # an HTML entity left in an export, flagged as a misspelling
            findings.append(_finding("languagetool.FR_SPELLING_RULE", text, "&amp", replacements=["camp"]))
        tone = {"energy": 0.1 + i / 100, "formality": 0.5, "register": "tu" if i else "vous", "readability": None}
        results.append(_result(f"posts.txt:{i + 1}", text, findings, tone))
    return results


def test_analysis_of_checked_posts():
    guide = GUIDES.load_file(GUIDE)
    results = _corpus()
    proposal = learn_from_results(results, guide, LearnSettings())
    assert [(w.word, w.posts, w.occurrences) for w in proposal.names] == [("Brisalune", 30, 30)]
    assert proposal.accept == [] and proposal.names[0].examples[0].path == "posts.txt:1"
    assert [(w.word, w.typo.neighbour) for w in proposal.typos] == [("parcour", "parcours")]
    # the one-off typo and the casing slip are no candidates at all
    assert not {"randonée", "i", "&amp"} & {w.word for w in proposal.names + proposal.accept + proposal.typos}
    energy = next(b for b in proposal.tone if b.dimension == "energy")
    assert (energy.low, energy.high, energy.measured) == (0.12, 0.37, 30)
    assert not any(b.dimension == "formality" for b in proposal.tone)  # 0.5 everywhere: no band
    assert "tone: formality is 0.5 in at least 80% of the posts, no band proposed" in proposal.notes
    assert not any(b.dimension == "readability" for b in proposal.tone)  # never measured (short posts)
    assert proposal.register.dominant == "tu" and proposal.register.share == pytest.approx(29 / 30)
    # the CamelCase spelling wins over #velorizon, as often used: screen readers read it as words
    assert [(t.tag, t.posts) for t in proposal.hashtags] == [("#VeloRizon", 30)]
    assert [(m.tag, m.posts) for m in proposal.mentions] == [("@Velorizon", 30)]
    assert [(r.rule, r.share) for r in proposal.rules] == [("brand.sans-exclamation", 1.0)]
    changes = {c.path: c for c in proposal.changes}
    assert changes[("names",)].value == ["Brisalune"] and ("vocabulary", "accept") not in changes
    assert changes[("voice", "register")].value == "tu"
    assert changes[("tone", "energy")].value == [0.12, 0.37]
    assert changes[("hashtags", "required")].value == ["#VeloRizon"]
    assert changes[("levels", "brand.sans-exclamation")].value == "suggestion"
    # the spelling rule fired on every post: misspellings are answered word by word, not by a level
    assert ("levels", "languagetool.FR_SPELLING_RULE") not in changes


def test_preferred_hashtag_spelling():
    from collections import Counter

    from brandvoice.learn.analysis import _preferred_spelling

    assert _preferred_spelling(Counter({"#ecologie": 28, "#Ecologie": 13})) == "#ecologie"  # one capital: not CamelCase
    # never learn a stripped accent: the posts' accents go on the spelling chosen (issue 17)
    assert _preferred_spelling(Counter({"#ecologie": 161, "#écologie": 34, "#Ecologie": 20})) == "#écologie"
    assert _preferred_spelling(Counter({"#transitionenergetique": 5, "#TransitionÉnergétique": 1})) == "#TransitionÉnergétique"
    assert _preferred_spelling(Counter({"#climat": 6, "#CLIMAT": 1})) == "#climat"  # shouting: not CamelCase
    assert _preferred_spelling(Counter({"#summersale": 9, "#SummerSale": 2})) == "#SummerSale"
    assert _preferred_spelling(Counter({"#ENR": 2, "#EnR": 1})) == "#EnR"


def test_lowercase_words_are_accepted_and_accent_stripped_words_never(tmp_path):
    guide = GUIDES.load_file(GUIDE)
    results = []
    for i in range(6):
        text = f"Le vélotaf et l’écologie {i}, vive l’ecologie"
        findings = [_finding("languagetool.FR_SPELLING_RULE", text, "vélotaf", replacements=["vélo taf"]),
                    _finding("languagetool.FR_SPELLING_RULE", text, "ecologie", replacements=["écologie"])]
        results.append(_result(f"p:{i}", text, findings))
    proposal = learn_from_results(results, guide, LearnSettings())
    assert [w.word for w in proposal.accept] == ["vélotaf"] and proposal.names == []
    assert [(w.word, w.typo.neighbour) for w in proposal.typos] == [("ecologie", "écologie")]
    assert {c.path: c.value for c in proposal.changes}[("vocabulary", "accept")] == ["vélotaf"]


def test_recurring_threshold_grows_with_the_corpus():
    settings = LearnSettings()
    assert settings.recurring_threshold(30) == 3 and settings.recurring_threshold(2000) == 20
    assert LearnSettings(min_posts=5).recurring_threshold(2000) == 5


def test_proposals_only_name_sections_the_guide_format_knows():
    assert guide_has(("vocabulary", "accept")) and guide_has(("levels", "anything.at.all"))
    assert not guide_has(("no_such_section",))
    assert not guide_has(("vocabulary", "maybe"))


# --- writing the guide ------------------------------------------------------------------------------


def test_round_trip_keeps_the_file_byte_for_byte():
    for path in (ROOT / "styleguides").glob("*.yaml"):
        text = path.read_text(encoding="utf-8")
        assert apply_changes(text, []) == text
        yaml_rt, data = load_round_trip(text)
        import io

        out = io.StringIO()
        yaml_rt.dump(data, out)
        assert out.getvalue() == text, path


def test_changes_keep_comments_and_key_order(tmp_path):
    text = GUIDE.read_text(encoding="utf-8")
    changes = [
        Change(("vocabulary", "accept"), ["Brisalune", "vélorizon"], "extend"),  # "vélorizon" is already there
        Change(("levels", "velorizon.sans-hashtag"), "suggestion", comment="learn: fires on 100% of 32 approved posts"),
        Change(("voice", "register"), "tu"),
        Change(("tone", "energy"), [0.0, 0.36]),
        Change(("hashtags", "required"), ["#VéloRizon"], "extend"),
    ]
    new = apply_changes(text, changes, note="Learned from 32 posts.")
    before = [l for l in text.splitlines() if l.lstrip().startswith("#")]
    after = [l for l in new.splitlines() if l.lstrip().startswith("#")]
    assert after == before + ["# Learned from 32 posts."]  # one note, above the first new section
    assert "accept: [Vélorizon, Brisalune]" in new  # still a flow list, its comment kept (checked above)
    data, old = yaml.safe_load(new), yaml.safe_load(text)
    assert list(data) == list(old) + ["tone", "hashtags"]  # old keys in their order, new ones at the end
    assert data["vocabulary"]["accept"] == ["Vélorizon", "Brisalune"]
    assert data["voice"] == {"register": "tu", "energy": {"max_exclamations": 0}}
    assert data["tone"] == {"energy": [0.0, 0.36]} and data["hashtags"] == {"required": ["#VéloRizon"]}
    assert "velorizon.sans-hashtag: suggestion  # learn: fires on 100% of 32 approved posts" in new
    assert new.index("# Learned from 32 posts.") < new.index("tone:")
    validate_text(tmp_path / "velorizon.yaml", new)


def test_a_long_flow_list_becomes_a_block_list():
    new = apply_changes("vocabulary:\n  accept: [Alpha]\n", [Change(("vocabulary", "accept"), [f"Word{i}" for i in range(20)], "extend")])
    assert "accept:\n" in new and "  - Word19\n" in new
    assert yaml.safe_load(new)["vocabulary"]["accept"][0] == "Alpha"


def test_windows_line_endings_are_kept():
    new = apply_changes("name: X\r\n# kept\r\nlevels: {}\r\n", [Change(("levels", "a.b"), "off")])
    assert new == "name: X\r\n# kept\r\nlevels:\r\n  a.b: off\r\n"


def test_an_invalid_result_is_refused(tmp_path):
    new = apply_changes("name: X\n", [Change(("tone", "energy"), [0.9, 0.1])])  # min above max
    with pytest.raises(GuideErrors):
        validate_text(tmp_path / "x.yaml", new)


def test_too_few_measures_give_no_band_but_a_note():
    guide = GUIDES.load_file(GUIDE)
    results = [_result(f"p{i}", "Bonjour.", tone={"energy": i / 10} if i < 3 else None) for i in range(10)]
    proposal = learn_from_results(results, guide)
    assert proposal.tone == [] and proposal.register is None
    assert "tone: energy measured on fewer than 5 posts, no band proposed" in proposal.notes
    assert proposal.changes == []


def test_learning_into_a_starter_guide(tmp_path):
    from brandvoice.learn.init import InitAnswers, render_guide

    text = render_guide(InitAnswers(name="Vélorizon", register="tu", channels=["x"]), tmp_path / "v.yaml")
    changes = [
        Change(("names",), ["Brisalune"], "extend"),
        Change(("vocabulary", "accept"), ["vélotaf"], "extend"),
        Change(("hashtags", "known"), ["#VéloRizon"], "extend"),  # into `known: []  # e.g. ...`
        Change(("levels", "velorizon.sans-hashtag"), "suggestion", comment="learn: fires on 100% of 32 approved posts"),
        Change(("tone", "energy"), [0.0, 0.36]),
    ]
    new = apply_changes(text, changes, note="Learned.")
    assert "names: [Vélorizon, Brisalune]" in new and "accept: [vélotaf]" in new and "known: ['#VéloRizon']" in new
    assert "velorizon.sans-hashtag: suggestion  # learn: fires on 100%" in new
    old_comments = [l.strip() for l in text.splitlines() if l.lstrip().startswith("#")]
    assert all(c in new for c in old_comments)
    validate_text(tmp_path / "v.yaml", new)


def test_open_tone_bounds_stay_open(tmp_path):
    guide_path = tmp_path / "g.yaml"
    guide_path.write_text("extends: base-fr\ntone:\n  energy: [null, 0.2]   # never loud\n", encoding="utf-8")
    proposal = learn_from_results(_corpus(), GUIDES.load_file(guide_path))
    changes = {c.path: c.value for c in proposal.changes}
    assert changes[("tone", "energy")] == [None, 0.37]
    new = apply_changes(guide_path.read_text(encoding="utf-8"), proposal.changes)
    assert "energy: [null, 0.37]  # never loud" in new
    validate_text(guide_path, new)
