"""The word lists kinds share: pyspellchecker's dictionary and its accented forms, and wordfreq's
words common enough to be words, kept in the user cache between processes, are the packages' own,
and a damaged copy is built again."""

from __future__ import annotations

import json
import marshal

import pytest
from spellchecker import SpellChecker

from brandvoice.nlp import vocabulary


@pytest.fixture
def empty_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("BRANDVOICE_CACHE_DIR", str(tmp_path))
    return tmp_path


def stored_files(cache) -> list[str]:
    return sorted(path.name.split("-")[0] + "-" + path.name.split("-")[1] for path in (cache / "words").iterdir())


def test_the_stored_dictionary_is_pyspellcheckers(empty_cache):
    own = SpellChecker(language="fr").word_frequency.dictionary
    built = vocabulary._dictionary.__wrapped__("fr")  # built, then written to the cache
    assert stored_files(empty_cache) == ["dictionary-fr"]
    read = vocabulary._dictionary.__wrapped__("fr")  # read from it
    assert list(built.items()) == list(own.items()) == list(read.items())


def test_the_stored_accented_forms_are_the_ones_built(empty_cache):
    built = vocabulary._accented_forms.__wrapped__("fr")
    assert built["ecologie"] == "écologie" and built["enquete"] == "enquête"
    assert vocabulary._accented_forms.__wrapped__("fr") == built
    assert "accented-fr" in stored_files(empty_cache)  # (the dictionary may be loaded already)


def test_a_language_pyspellchecker_does_not_ship_has_an_empty_dictionary(empty_cache):
    assert vocabulary._dictionary.__wrapped__("xx") == {}
    assert vocabulary._dictionary.__wrapped__("xx") == {}


@pytest.mark.parametrize("damage", [
    b"{not marshal", b"", marshal.dumps([1, 2]), marshal.dumps({"mot": "1"}), marshal.dumps({1: 1}),
    marshal.dumps({"mot": 1.0}), marshal.dumps({"mot": 1})[:-2],
])
def test_a_damaged_stored_dictionary_is_built_again(empty_cache, damage):
    expected = vocabulary._dictionary.__wrapped__("en")
    (stored,) = (empty_cache / "words").iterdir()
    stored.write_bytes(damage)
    assert vocabulary._dictionary.__wrapped__("en") == expected
    assert marshal.loads(stored.read_bytes()) == expected  # written again, whole


def test_the_stored_lists_are_keyed_on_the_package_version(empty_cache, monkeypatch):
    from importlib import metadata

    before = vocabulary._stored_path("dictionary", "fr", "pyspellchecker")
    monkeypatch.setattr(metadata, "version", lambda distribution: "0.0-other")
    assert vocabulary._stored_path("dictionary", "fr", "pyspellchecker") != before


def test_a_stored_dictionary_others_may_write_is_not_read(empty_cache):
    expected = vocabulary._dictionary.__wrapped__("en")
    (stored,) = (empty_cache / "words").iterdir()
    stored.write_bytes(marshal.dumps({"planted": 1}))
    stored.chmod(0o666)
    assert vocabulary._dictionary.__wrapped__("en") == expected


@pytest.fixture
def fresh_splits(empty_cache):
    """A process that has not read the stored splits yet."""
    from brandvoice.channels import segment

    segment._remembered_splits.cache_clear()
    yield segment
    segment._remembered_splits.cache_clear()


def test_a_remembered_split_is_best_splits_and_the_next_process_reads_it(fresh_splits, monkeypatch):
    segment = fresh_splits
    assert segment.remembered_split("trailcraft", ("en", "fr")) == segment.best_split("trailcraft", ("en", "fr")) == ["trail", "craft"]
    assert segment.remembered_split("ridgeline", ("en", "fr")) is None
    segment._remembered_splits.cache_clear()  # as a fresh process
    monkeypatch.setattr(segment, "best_split", lambda word, langs: pytest.fail(f"split again: {word}"))
    assert segment.remembered_split("trailcraft", ("en", "fr")) == ["trail", "craft"]
    assert segment.remembered_split("ridgeline", ("en", "fr")) is None


@pytest.mark.parametrize("damage", ["{not json", "[1, 2]", json.dumps({"en fr trailcraft": "trail craft"}),
                                    json.dumps({"en fr trailcraft": [1, 2]})])
def test_damaged_remembered_splits_are_split_again(fresh_splits, damage):
    segment = fresh_splits
    segment.remembered_split("trailcraft", ("en", "fr"))
    segment._splits_file().write_text(damage, encoding="utf-8")
    segment._remembered_splits.cache_clear()
    assert segment.remembered_split("trailcraft", ("en", "fr")) == ["trail", "craft"]
    assert json.loads(segment._splits_file().read_text(encoding="utf-8")) == {"en fr trailcraft": ["trail", "craft"]}


def test_remembered_splits_others_may_write_are_not_read(fresh_splits):
    segment = fresh_splits
    segment.remembered_split("trailcraft", ("en", "fr"))
    segment._splits_file().write_text(json.dumps({"en fr trailcraft": ["trailc", "raft"]}), encoding="utf-8")
    segment._splits_file().chmod(0o666)
    segment._remembered_splits.cache_clear()
    assert segment.remembered_split("trailcraft", ("en", "fr")) == ["trail", "craft"]


def test_remembered_splits_are_keyed_on_the_word_lists_versions(fresh_splits, monkeypatch):
    from importlib import metadata

    before = fresh_splits._splits_file()
    monkeypatch.setattr(metadata, "version", lambda distribution: "0.0-other")
    assert fresh_splits._splits_file() != before


def test_the_stored_word_frequencies_are_wordfreqs_at_word_zipf_or_above(empty_cache):
    full = vocabulary.frequencies("fr")
    common = vocabulary.common_frequencies.__wrapped__("fr")
    assert common == {word: freq for word, freq in full.items() if freq >= vocabulary.WORD_SHARE}
    assert 0 < len(common) < len(full) and "chiche" in common and "zzzzqx" not in common
    folded = vocabulary.folded_frequencies.__wrapped__("fr")
    assert folded["ecologie"] == full["écologie"] + full.get("ecologie", 0.0)  # the accented word and its bare form
    assert all(freq >= vocabulary.WORD_SHARE for freq in folded.values())
    assert vocabulary.common_frequencies.__wrapped__("fr") == common  # read from the user cache
    assert vocabulary.folded_frequencies.__wrapped__("fr") == folded
    assert sorted(stored_files(empty_cache)) == ["common-fr", "folded-fr"]


def test_is_common_is_zipf_at_a_threshold(empty_cache):
    for word in ("and", "AND", "I'll", "net", "nasa", "zzzzqx", "greenwashing"):
        for threshold in (vocabulary.WORD_ZIPF, 4.5, 5.0):
            assert vocabulary.is_common(word, "en", threshold) == (vocabulary.zipf(word, "en") >= threshold), (word, threshold)


def test_a_name_with_a_lone_surrogate_is_split_and_nothing_is_left_behind(fresh_splits):
    segment = fresh_splits
    assert segment.remembered_split("trailcraft\ud800", ("en", "fr")) is None
    assert segment.remembered_split("trailcraft", ("en", "fr")) == ["trail", "craft"]
    assert not list((segment._splits_file().parent).glob(".tmp-*"))
