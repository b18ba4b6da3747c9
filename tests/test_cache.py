"""The result cache: what re-checks, what does not, and concurrent runs."""

import json
import subprocess
import sys

from brandvoice.cache import ResultCache
from brandvoice.engine import Engine
from brandvoice.files import read_source
from brandvoice.runner import Checker, RunOptions
from helpers import ROOT, run_cli

GUIDE = "rules:\n  hype:\n    kind: existence\n    tokens: [incroyable]\n"


def run(paths, guide_path, cache_dir, monkeypatch, select=()):
    monkeypatch.setenv("BRANDVOICE_CACHE_DIR", str(cache_dir))
    options = RunOptions(brand=str(guide_path) if guide_path else "hotelia", grammar=False, select=select)
    caches = []  # the run's cache (a run answered from it makes no engine)
    real_init = ResultCache.__init__

    def spy(self, *args, **kwargs):
        real_init(self, *args, **kwargs)
        caches.append(self)

    monkeypatch.setattr(ResultCache, "__init__", spy)
    result = Checker(options).check_sources([read_source(p) for p in paths])
    return result, caches[0]


def test_unchanged_files_come_from_the_cache_with_identical_results(tmp_path, monkeypatch):
    guide = tmp_path / "g.yaml"
    guide.write_text(GUIDE, encoding="utf-8")
    drafts = []
    for i in range(3):
        d = tmp_path / f"d{i}.txt"
        d.write_text(f"Un séjour incroyable numéro {i}.\n", encoding="utf-8")
        drafts.append(d)
    first, cache = run(drafts, guide, tmp_path / "cache", monkeypatch)
    assert (cache.hits, cache.misses) == (0, 3)
    second, cache = run(drafts, guide, tmp_path / "cache", monkeypatch)
    assert (cache.hits, cache.misses) == (3, 0)
    assert [f.findings for f in first.files] == [f.findings for f in second.files]
    assert [f.metrics for f in first.files] == [f.metrics for f in second.files]


def test_a_changed_file_or_guide_is_checked_again(tmp_path, monkeypatch):
    guide = tmp_path / "g.yaml"
    guide.write_text(GUIDE, encoding="utf-8")
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("incroyable\n", encoding="utf-8")
    b.write_text("splendide\n", encoding="utf-8")
    run([a, b], guide, tmp_path / "cache", monkeypatch)
    b.write_text("splendide et incroyable\n", encoding="utf-8")
    result, cache = run([a, b], guide, tmp_path / "cache", monkeypatch)
    assert (cache.hits, cache.misses) == (1, 1)
    assert len(result.files[1].findings) == 1
    guide.write_text(GUIDE.replace("incroyable", "splendide"), encoding="utf-8")
    result, cache = run([a, b], guide, tmp_path / "cache", monkeypatch)
    assert (cache.hits, cache.misses) == (0, 2)
    assert [len(f.findings) for f in result.files] == [0, 1]


def test_other_guides_files_stay_cached(tmp_path, monkeypatch):
    """A changed guide invalidates exactly the files it governs."""
    g1, g2 = tmp_path / "one.yaml", tmp_path / "two.yaml"
    g1.write_text(GUIDE, encoding="utf-8")
    g2.write_text(GUIDE, encoding="utf-8")
    d = tmp_path / "d.txt"
    d.write_text("incroyable\n", encoding="utf-8")
    run([d], g1, tmp_path / "cache", monkeypatch)
    run([d], g2, tmp_path / "cache", monkeypatch)
    g2.write_text(GUIDE.replace("[incroyable]", "[incroyable, splendide]"), encoding="utf-8")
    _, cache = run([d], g1, tmp_path / "cache", monkeypatch)
    assert cache.hits == 1
    _, cache = run([d], g2, tmp_path / "cache", monkeypatch)
    assert cache.misses == 1


def test_no_cache_flag_bypasses(tmp_path):
    cache_dir = tmp_path / "cache"
    draft = tmp_path / "d.txt"
    draft.write_text("Chez hotelia.\n", encoding="utf-8")
    env = {"BRANDVOICE_CACHE_DIR": str(cache_dir), "BRANDVOICE_NO_SERVER": "1", "PATH": "/usr/bin:/bin"}
    args = [sys.executable, "-m", "brandvoice", "check", str(draft), "-b", "hotelia", "--no-grammar", "--format", "json"]
    subprocess.run(args + ["--no-cache"], env=env, capture_output=True, cwd=ROOT)
    assert not list(cache_dir.glob("*/*.json")) and not list(cache_dir.glob("*/*.facts"))
    subprocess.run(args, env=env, capture_output=True, cwd=ROOT)
    # one entry for the file: its facts, its results beside them
    assert len(list(cache_dir.glob("*/*.facts"))) == 1 and not list(cache_dir.glob("*/*.json"))


def test_concurrent_runs_do_not_corrupt_the_cache(tmp_path):
    cache_dir = tmp_path / "cache"
    for i in range(40):
        (tmp_path / f"d{i}.txt").write_text(f"Chez hotelia, post {i}, incroyable.\n", encoding="utf-8")
    env = {"BRANDVOICE_CACHE_DIR": str(cache_dir), "BRANDVOICE_NO_SERVER": "1", "PATH": "/usr/bin:/bin"}
    args = [sys.executable, "-m", "brandvoice", "check", str(tmp_path), "-b", "hotelia", "--no-grammar", "--format", "json"]
    procs = [subprocess.Popen(args, env=env, stdout=subprocess.PIPE, cwd=ROOT) for _ in range(3)]
    outputs = [json.loads(p.communicate()[0]) for p in procs]
    assert outputs[0]["files"] == outputs[1]["files"] == outputs[2]["files"]
    for entry in cache_dir.glob("*/*.json"):
        json.loads(entry.read_text(encoding="utf-8"))
    assert not list(cache_dir.glob("*/.tmp-*"))
    again = json.loads(subprocess.run(args, env=env, capture_output=True, cwd=ROOT).stdout)
    assert again["files"] == outputs[0]["files"]


def test_pruning_keeps_the_folder_bounded(tmp_path):
    from brandvoice.findings import FileResult

    cache = ResultCache(tmp_path, max_bytes=2000)
    for i in range(50):
        cache.put(ResultCache.key({"i": i}), FileResult(path="x", brand=None, channel=None, language="fr-FR"))
    cache.prune()
    assert sum(p.stat().st_size for p in tmp_path.glob("*/*.json")) <= 2000


def test_a_run_of_markdown_files_keeps_the_folder_bounded(tmp_path, monkeypatch):
    """Their entries are written by the runner, after the engine: pruned after them."""
    real_init = ResultCache.__init__
    monkeypatch.setattr(ResultCache, "__init__", lambda self, directory=None, max_bytes=0: real_init(self, directory, 6000))
    monkeypatch.setenv("BRANDVOICE_CACHE_DIR", str(tmp_path / "cache"))
    drafts = []
    for i in range(20):
        drafts.append(tmp_path / f"d{i}.md")
        drafts[-1].write_text(f"Un séjour incroyable chez HOTELIA, numéro {i}.\n", encoding="utf-8")
    Checker(RunOptions(brand="hotelia", grammar=False)).check_sources([read_source(d) for d in drafts])
    entries = [p for p in (tmp_path / "cache").glob("??/*") if p.suffix in (".facts", ".json", ".guide", ".engines")]
    assert 0 < sum(p.suffix == ".facts" for p in entries) < 20 and sum(p.stat().st_size for p in entries) <= 6000


def test_another_spacy_model_checks_again(tmp_path, monkeypatch):
    from brandvoice.nlp import docs

    guide = tmp_path / "g.yaml"
    guide.write_text("language: fr-FR\nvoice: {register: vous}\n", encoding="utf-8")
    draft = tmp_path / "d.txt"
    draft.write_text("Réserve ta chambre.\n", encoding="utf-8")
    run([draft], guide, tmp_path / "cache", monkeypatch)
    _, cache = run([draft], guide, tmp_path / "cache", monkeypatch)
    assert cache.hits == 1
    # another model installed: the environment changes (here a folder put on sys.path)
    (tmp_path / "site").mkdir()
    monkeypatch.syspath_prepend(str(tmp_path / "site"))
    monkeypatch.setattr(docs, "_model_fingerprint", lambda lang, candidates: "spacy:fr_core_news_md@3.8.0")
    _, cache = run([draft], guide, tmp_path / "cache", monkeypatch)
    assert cache.misses == 1


def test_the_environment_stamp_sees_a_package_installed_or_removed(tmp_path, monkeypatch):
    """The services' fingerprints are kept while the environment is the same: a package (a model)
    added to or removed from a folder of sys.path changes the stamp, as does another LanguageTool
    server named by the environment."""
    import os

    from brandvoice.runner import environment_stamp

    site = tmp_path / "site"
    site.mkdir()
    monkeypatch.syspath_prepend(str(site))
    assert environment_stamp() == environment_stamp()
    os.utime(site, ns=(1, 1))
    older = environment_stamp()
    (site / "fr_core_news_lg-3.8.0.dist-info").mkdir()
    installed = environment_stamp()
    assert installed != older
    os.utime(site, ns=(1, 1))  # file systems keep coarse times: make each change tell
    older = environment_stamp()
    (site / "fr_core_news_lg-3.8.0.dist-info").rmdir()
    assert environment_stamp() != older
    monkeypatch.setenv("BRANDVOICE_LANGUAGETOOL_URL", "http://lt.internal:8081")
    assert environment_stamp()[2] == "http://lt.internal:8081"


# --- issue 19: an entry is trusted only for the text it was made for --------------------------

DRAFT = "Bonjour, réservez chez HOTELIA dès maintenant.\n"


def _entries(cache_dir):
    return sorted(cache_dir.glob("*/*.json"))


def _record(cache_dir):
    """The entry a Markdown or text file is answered from before parsing: its facts and its results."""
    [record] = cache_dir.glob("*/*.facts")
    return record


def _with_results(record_data, results_text):
    """A file's record holding `results_text` as its results (the text whole when it is no JSON)."""
    try:
        return json.dumps({**record_data, "results": json.loads(results_text)})
    except ValueError:
        return results_text


def _check(path, cache_dir, monkeypatch, select=()):
    result, cache = run([path], None, cache_dir, monkeypatch, select)
    return result.files[0], cache


def test_tampered_truncated_or_swapped_entries_are_misses(tmp_path, monkeypatch):
    dirty, clean = tmp_path / "dirty.md", tmp_path / "clean.md"
    dirty.write_text(DRAFT, encoding="utf-8")
    clean.write_text("Bonjour, réservez chez Hotelia dès maintenant.\n", encoding="utf-8")
    cache_dir = tmp_path / "cache"
    fresh, _ = _check(dirty, cache_dir, monkeypatch)
    assert fresh.findings
    assert not _entries(cache_dir)  # a file's results are kept with its facts: one entry per file
    record = _record(cache_dir)
    good_record = json.loads(record.read_text(encoding="utf-8"))
    good = good_record["results"]
    _check(clean, cache_dir, monkeypatch)
    [clean_record] = [r for r in cache_dir.glob("*/*.facts") if r != record]
    finding = good["findings"][0]
    shifted = {**good, "findings": [{**finding, "offset": finding["offset"] + 3}]}
    relined = {**good, "findings": [{**finding, "line": 7}]}
    wrong_type = {**good, "findings": [{**finding, "length": str(finding["length"])}]}
    forged_text = {**good, "text_sha256": "0" * 64}
    tampered = [
        "", "{", "[]", "{}", json.dumps({**good, "findings": "none"}), json.dumps(shifted), json.dumps(relined),
        json.dumps(wrong_type), json.dumps(forged_text), json.dumps({**good, "key": "x"}),
        json.dumps(json.loads(clean_record.read_text(encoding="utf-8"))["results"]),  # a clean file's: findings must not vanish
    ]
    for bad in tampered:  # the results beside the file's facts: they do not answer
        record.write_text(_with_results(good_record, bad), encoding="utf-8")
        again, cache = _check(dirty, cache_dir, monkeypatch)
        assert (cache.hits, cache.misses) == (0, 1) and again.findings == fresh.findings, bad[:80]
        assert json.loads(record.read_text(encoding="utf-8")) == good_record  # checked again and rewritten
    _, cache = _check(dirty, cache_dir, monkeypatch)
    assert cache.hits == 1


def test_a_calendars_posts_have_entries_of_their_own(tmp_path, monkeypatch):
    """Posts answered without facts (a calendar's cells) keep the engine's entries: the next run
    finds them, and a tampered one is a miss."""
    calendar = tmp_path / "calendrier.csv"
    calendar.write_text("Date de publication;Réseau;Marque;Texte\n05/10/2026;X;Hotelia;" + DRAFT.strip() + "\n"
                        "06/10/2026;X;Hotelia;Un séjour au calme.\n", encoding="utf-8")
    cache_dir = tmp_path / "cache"
    fresh, cache = run([calendar], None, cache_dir, monkeypatch)
    assert (cache.hits, cache.misses) == (0, 2) and fresh.files[0].findings
    assert len(_entries(cache_dir)) == 2 and not list(cache_dir.glob("*/*.facts"))
    again, cache = run([calendar], None, cache_dir, monkeypatch)
    assert (cache.hits, cache.misses) == (2, 0) and [f.findings for f in again.files] == [f.findings for f in fresh.files]
    [entry] = [e for e in _entries(cache_dir) if "HOTELIA" in e.read_text(encoding="utf-8")]  # the first post's
    data = json.loads(entry.read_text(encoding="utf-8"))
    relined = [{**f, "line": 7} for f in data["findings"]]  # not where the text has them
    entry.write_text(json.dumps({**data, "findings": relined}), encoding="utf-8")
    again, cache = run([calendar], None, cache_dir, monkeypatch)
    assert (cache.hits, cache.misses) == (1, 1) and [f.findings for f in again.files] == [f.findings for f in fresh.files]


def test_a_poisoned_entry_another_user_could_write_is_a_miss(tmp_path, monkeypatch):
    """The attack run turned exit 1 into 0 with an entry sound for the text but emptied of its
    findings. An entry is read only if it is a private regular file of the user checking: one that
    others may write, a symlink, or one another user owns (planted in a shared folder) is a miss."""
    import os

    draft = tmp_path / "post.md"
    draft.write_text(DRAFT, encoding="utf-8")
    cache_dir = tmp_path / "cache"
    fresh, _ = _check(draft, cache_dir, monkeypatch)
    assert fresh.findings
    record = _record(cache_dir)
    assert record.stat().st_mode & 0o777 == 0o600
    good_record = json.loads(record.read_text(encoding="utf-8"))
    poisoned = json.dumps({**good_record["results"], "findings": []})  # schema, key, text hash: all sound
    targets = [(record, _with_results(good_record, poisoned))]  # the file's entry: its facts and results

    def writable_by_others(path, text):
        path.write_text(text, encoding="utf-8")
        path.chmod(0o666)

    def symlink(path, text):
        elsewhere = tmp_path / f"planted{path.suffix}"
        elsewhere.write_text(text, encoding="utf-8")
        path.unlink()
        path.symlink_to(elsewhere)

    def other_owner(path, text):
        path.unlink()
        path.write_text(text, encoding="utf-8")
        path.chmod(0o600)
        os.chown(path, 65534, 65534)

    plants = [writable_by_others, symlink] + ([other_owner] if os.getuid() == 0 else [])
    for plant in plants:
        for path, text in targets:
            plant(path, text)
        again, cache = _check(draft, cache_dir, monkeypatch)
        assert (cache.hits, cache.misses) == (0, 1) and again.findings == fresh.findings, plant.__name__
        for path, _ in targets:
            assert not path.is_symlink() and path.stat().st_uid == os.getuid()
        assert json.loads(record.read_text(encoding="utf-8")) == good_record  # checked again, rewritten privately
    for path, text in targets:  # the user's own account: trusted as its own code is
        path.write_text(text, encoding="utf-8")
    _, cache = _check(draft, cache_dir, monkeypatch)
    assert cache.hits == 1


def test_fix_never_applies_a_cached_replacement(tmp_path, monkeypatch):
    """A tampered entry must not drive --fix (the attack run turned "Bonjour" into "BonXXXXez"):
    fixes always come from a fresh check."""
    draft = tmp_path / "post.md"
    draft.write_text(DRAFT, encoding="utf-8")
    cache_dir = tmp_path / "cache"
    _check(draft, cache_dir, monkeypatch, select=("hotelia.names",))  # the entry the CLI run would find
    record = _record(cache_dir)
    data = json.loads(record.read_text(encoding="utf-8"))
    results = data["results"]
    results["findings"] = [{**f, "replacements": ["XXXX"], "fix_safe": True} for f in results["findings"]]
    record.write_text(json.dumps(data), encoding="utf-8")  # still sound for the text: only a fresh check tells
    env = {"BRANDVOICE_CACHE_DIR": str(cache_dir), "BRANDVOICE_NO_SERVER": "1", "PATH": "/usr/bin:/bin"}
    proc = subprocess.run(
        [sys.executable, "-m", "brandvoice", "check", str(draft), "-b", "hotelia", "--no-grammar",
         "--select", "hotelia.names", "--fix"],
        env=env, capture_output=True, text=True, cwd=ROOT, timeout=300,
    )
    assert draft.read_text(encoding="utf-8") == "Bonjour, réservez chez Hotelia dès maintenant.\n", proc.stderr
def test_a_full_disk_leaves_no_partial_entries(tmp_path):
    """Writes fail past the file-size limit (EFBIG, as on a full disk): results are right and no
    temporary entry is left behind."""
    for i in range(20):
        (tmp_path / f"d{i}.md").write_text(f"Chez HOTELIA, post {i}.\n", encoding="utf-8")
    cache_dir = tmp_path / "cache"
    code = (
        "import resource, signal, sys\n"
        "signal.signal(signal.SIGXFSZ, signal.SIG_IGN)\n"
        "resource.setrlimit(resource.RLIMIT_FSIZE, (100, 100))\n"
        "from brandvoice.cli.entry import main\n"
        f"sys.argv = ['brandvoice', 'check', {str(tmp_path)!r}, '-b', 'hotelia', '--no-grammar', "
        "'--select', 'hotelia.names', '--format', 'json']\n"
        "main()\n"
    )
    env = {**__import__("os").environ, "BRANDVOICE_CACHE_DIR": str(cache_dir), "BRANDVOICE_NO_SERVER": "1"}
    proc = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert proc.returncode == 1, proc.stderr
    assert len(json.loads(proc.stdout)["files"]) == 20
    assert not list(cache_dir.rglob(".tmp-*")) and not _entries(cache_dir)


# --- issue 14: an unchanged file is answered before it is parsed ------------------------------

PARENT = "language: fr-FR\nrules:\n  hype:\n    kind: existence\n    tokens: [incroyable]\n"


def _count_parses(monkeypatch):
    """How many files the runner parses (an answered file is not parsed)."""
    from brandvoice import runner

    parsed = []
    real_read = runner._read
    monkeypatch.setattr(runner, "_read", lambda source: parsed.append(source.path) or real_read(source))
    return parsed


def _check_folder(folder, cache_dir, monkeypatch, **options):
    monkeypatch.setenv("BRANDVOICE_CACHE_DIR", str(cache_dir))
    monkeypatch.chdir(folder)
    return Checker(RunOptions(grammar=False, **options)).check_paths([str(folder)])


def test_an_unchanged_file_is_answered_without_parsing_it(tmp_path, monkeypatch):
    guides = tmp_path / "guides"
    guides.mkdir()
    (guides / "maison.yaml").write_text(PARENT, encoding="utf-8")
    (tmp_path / "a.md").write_text("---\nbrand: maison\nchannel: x\n---\nUn séjour\nincroyable.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Incroyable, vraiment incroyable.\n", encoding="utf-8")
    cache_dir, options = tmp_path / "cache", {"guides_dirs": [guides], "brand": None}
    parsed = _count_parses(monkeypatch)
    first = _check_folder(tmp_path, cache_dir, monkeypatch, **options)
    assert sorted(parsed) == [str(tmp_path / "a.md"), str(tmp_path / "b.txt")]
    parsed.clear()
    second = _check_folder(tmp_path, cache_dir, monkeypatch, **options)
    assert parsed == []
    for a, b in zip(first.files, second.files, strict=True):
        assert (a.path, a.brand, a.channels, a.language, a.guide, a.source) == (b.path, b.brand, b.channels, b.language, b.guide, b.source)
        assert (a.findings, a.metrics) == (b.findings, b.metrics)
    assert [f.match for f in second.files[0].findings] == ["incroyable"]
    assert (second.files[0].findings[0].line, second.files[0].brand) == (6, "maison")
    assert set(second.rules) == set(first.rules) and set(second.guides) == set(first.guides)


def test_an_edited_parent_guide_or_project_configuration_is_checked_again(tmp_path, monkeypatch):
    guides = tmp_path / "guides"
    guides.mkdir()
    (guides / "parent.yaml").write_text(PARENT, encoding="utf-8")
    (guides / "child.yaml").write_text("extends: parent\n", encoding="utf-8")
    posts = tmp_path / "posts"
    posts.mkdir()
    (posts / "p.md").write_text("Un séjour splendide et incroyable.\n", encoding="utf-8")
    config = tmp_path / ".brandvoice.yaml"
    config.write_text("guides: [guides]\npaths:\n  'posts/**': {brand: child}\n", encoding="utf-8")
    parsed = _count_parses(monkeypatch)
    first = _check_folder(tmp_path, tmp_path / "cache", monkeypatch)
    assert [f.match for f in first.files[0].findings] == ["incroyable"]
    (guides / "parent.yaml").write_text(PARENT.replace("incroyable", "splendide"), encoding="utf-8")
    parsed.clear()
    edited = _check_folder(tmp_path, tmp_path / "cache", monkeypatch)
    assert parsed == [str(posts / "p.md")]
    assert [f.match for f in edited.files[0].findings] == ["splendide"]
    config.write_text("guides: [guides]\npaths:\n  'posts/**': {brand: child, channel: x}\n", encoding="utf-8")
    parsed.clear()
    channelled = _check_folder(tmp_path, tmp_path / "cache", monkeypatch)
    assert parsed == [str(posts / "p.md")] and channelled.files[0].channels == ("x",)
    config.write_text("guides: [guides]\n", encoding="utf-8")  # no brand: the base guide of the language
    parsed.clear()
    based = _check_folder(tmp_path, tmp_path / "cache", monkeypatch)
    assert parsed == [str(posts / "p.md")] and based.files[0].guide == "base-fr"


def test_a_guide_language_change_is_not_answered_with_the_old_language(tmp_path, monkeypatch):
    """A file's language follows its guide's: the facts cached for a file (its language) hold only
    for the guide they were worked out with, even when results for the old language with the new
    guide are cached (another run asked for that language)."""
    guide = tmp_path / "g.yaml"
    guide.write_text(PARENT, encoding="utf-8")
    draft = tmp_path / "d.txt"
    draft.write_text("Un séjour incroyable.\n", encoding="utf-8")
    monkeypatch.setenv("BRANDVOICE_CACHE_DIR", str(tmp_path / "cache"))

    def language(**options):
        options = RunOptions(brand=str(guide), grammar=False, **options)
        return Checker(options).check_sources([read_source(draft)]).files[0].language

    assert language() == "fr-FR"
    guide.write_text(PARENT.replace("fr-FR", "fr-CA"), encoding="utf-8")
    assert language(language="fr-FR") == "fr-FR"
    assert language() == "fr-CA"


def test_tampered_or_swapped_facts_are_misses(tmp_path, monkeypatch):
    guide = tmp_path / "g.yaml"
    guide.write_text(PARENT, encoding="utf-8")
    draft, other = tmp_path / "d.txt", tmp_path / "o.txt"
    draft.write_text("Un séjour incroyable.\n", encoding="utf-8")
    other.write_text("Un séjour.\n", encoding="utf-8")
    cache_dir = tmp_path / "cache"
    fresh, _ = run([draft], guide, cache_dir, monkeypatch)
    [facts] = cache_dir.glob("*/*.facts")
    good = json.loads(facts.read_text(encoding="utf-8"))
    run([other], guide, cache_dir, monkeypatch)
    [other_facts] = [f for f in cache_dir.glob("*/*.facts") if f != facts]
    parsed = _count_parses(monkeypatch)
    for bad in ["", "{", "[]", json.dumps({**good, "words": "3"}), json.dumps({**good, "channels": [1]}),
                json.dumps({**good, "key": "x"}), other_facts.read_text(encoding="utf-8")]:
        facts.write_text(bad, encoding="utf-8")
        parsed.clear()
        again, cache = run([draft], guide, cache_dir, monkeypatch)
        assert parsed == [str(draft)] and (cache.hits, cache.misses) == (0, 1), bad[:80]  # parsed, checked again
        assert again.files[0].findings == fresh.files[0].findings
        assert json.loads(facts.read_text(encoding="utf-8")) == good  # rewritten
    facts.chmod(0o666)  # another user could have written it: never read
    parsed.clear()
    run([draft], guide, cache_dir, monkeypatch)
    assert parsed == [str(draft)]


def test_cached_output_is_the_uncached_output_byte_for_byte(tmp_path):
    """The CLI's outputs (JSON, text, SARIF) and exit code: checked afresh, then answered from the
    cache without parsing."""
    posts = tmp_path / "posts"
    posts.mkdir()
    (posts / "a.md").write_text(
        "---\nbrand: hotelia\nchannel: x\n---\n# Offre\n\nRéservez chez HOTELIA, un séjour incroyable !!\n"
        "Voir [le site](https://hotelia.example).\n", encoding="utf-8")
    (posts / "b.md").write_text("This is is a GREAT deal, honestly.\n", encoding="utf-8")
    (posts / "c.txt").write_text("Bonjour , merci !\n# brandvoice-disable-next-line\nTROP BIEN\n", encoding="utf-8")
    (posts / "d.md").write_text("<!-- brandvoice-disable-file -->\nHOTELIA !!\n", encoding="utf-8")
    (tmp_path / ".brandvoice.yaml").write_text("paths:\n  'posts/b.md': {channel: linkedin}\n", encoding="utf-8")
    env = {"BRANDVOICE_CACHE_DIR": str(tmp_path / "cache")}

    def outputs(*flags, ui="en"):
        name = f"{len(list(tmp_path.glob('out-*')))}"
        text, sarif = tmp_path / f"out-{name}.txt", tmp_path / f"out-{name}.sarif"
        proc = run_cli("--ui-lang", ui, "check", "posts", "--no-grammar", "--format", "json", "-o", f"text:{text}",
                       "-o", str(sarif), *flags, cwd=tmp_path, env=env)
        assert proc.returncode in (0, 1), proc.stderr
        return proc.returncode, proc.stdout, text.read_text(encoding="utf-8"), sarif.read_text(encoding="utf-8")

    fresh = outputs("--no-cache")
    assert fresh[0] == 1 and '"rule": "hotelia.names.hotelia"' in fresh[1]
    assert outputs() == fresh  # checked, results cached
    assert outputs() == fresh  # answered without parsing
    assert len(list((tmp_path / "cache").glob("*/*.facts"))) == 4
    assert outputs(ui="fr") == outputs("--no-cache", ui="fr")  # the interface's words are never cached


# --- issue 14: a guide's summary in the user cache (a cached run loads no guide) ---------------


def _loads(monkeypatch):
    """The guides the runner loads (a run answered from the cache loads none)."""
    from brandvoice import registry

    loaded = []
    real_load, real_load_file = registry.GUIDES.load, registry.GUIDES.load_file
    monkeypatch.setattr(registry.GUIDES, "load", lambda ref, *a, **k: loaded.append(ref) or real_load(ref, *a, **k))
    monkeypatch.setattr(registry.GUIDES, "load_file", lambda p, *a, **k: loaded.append(str(p)) or real_load_file(p, *a, **k))
    return loaded


def _edit_keeping_size_and_time(path, old, new):
    """Rewrite a file with a change of the same length and its old modification time: only its
    bytes tell the versions apart."""
    import os

    info = path.stat()
    text = path.read_text(encoding="utf-8")
    assert len(old) == len(new) and old in text
    path.write_text(text.replace(old, new), encoding="utf-8")
    os.utime(path, ns=(info.st_atime_ns, info.st_mtime_ns))


def _child_and_parent(folder):
    """A guide folder (`child` extends `parent`) and a post of brand `child` in `folder`."""
    guides = folder / "guides"
    guides.mkdir()
    (guides / "parent.yaml").write_text(PARENT, encoding="utf-8")
    (guides / "child.yaml").write_text("extends: parent\n", encoding="utf-8")
    (folder / "p.md").write_text("---\nbrand: child\n---\nUn séjour incroyable.\n", encoding="utf-8")
    return guides


def test_a_run_answered_from_the_cache_loads_no_guide(tmp_path, monkeypatch):
    guides = _child_and_parent(tmp_path)
    options = {"guides_dirs": [guides]}
    first = _check_folder(tmp_path, tmp_path / "cache", monkeypatch, **options)
    loaded, parsed = _loads(monkeypatch), _count_parses(monkeypatch)
    second = _check_folder(tmp_path, tmp_path / "cache", monkeypatch, **options)
    assert (loaded, parsed) == ([], [])
    assert [f.findings for f in second.files] == [f.findings for f in first.files]
    assert set(second.rules) == set(first.rules)  # the run's rules: the guide loaded when asked for
    assert loaded[:1] == ["child"]


def test_a_stale_guide_summary_is_never_used(tmp_path, monkeypatch):
    """A parent guide edited without changing its size or time, a guide of the same name put
    earlier in the search path, a summary entry tampered with: each is a miss, and the file is
    checked with the guide as it is now."""
    guides, shadow = tmp_path / "guides", tmp_path / "shadow"
    guides.mkdir()
    shadow.mkdir()
    (guides / "parent.yaml").write_text(PARENT, encoding="utf-8")
    (guides / "child.yaml").write_text("extends: parent\n", encoding="utf-8")
    (tmp_path / "p.md").write_text("---\nbrand: child\n---\nUn séjour incroyable et splendide.\n", encoding="utf-8")
    options = {"guides_dirs": [shadow, guides]}

    def matches():
        result = _check_folder(tmp_path, tmp_path / "cache", monkeypatch, **options)
        return [f.match for f in result.files[0].findings]

    assert matches() == ["incroyable"]
    _edit_keeping_size_and_time(guides / "parent.yaml", "incroyable", "splendide ")
    assert matches() == ["splendide"]
    (shadow / "parent.yaml").write_text(PARENT.replace("incroyable", "séjour"), encoding="utf-8")
    assert matches() == ["séjour"]
    [summary] = (tmp_path / "cache").glob("*/*.guide")
    for bad in (b"", b"\x80\x04garbage", summary.read_bytes()[:-5]):
        summary.write_bytes(bad)
        assert matches() == ["séjour"]
        assert summary.read_bytes() not in (b"", b"\x80\x04garbage")  # written again
    loaded = _loads(monkeypatch)
    assert matches() == ["séjour"] and loaded == []


def test_the_services_fingerprints_are_kept_while_the_environment_is_the_same(tmp_path, monkeypatch):
    """A cached answer's key holds the services' fingerprints (spaCy model versions...): kept in
    the user cache, they are read again from the services when the environment changes."""
    from brandvoice.nlp import docs

    draft = tmp_path / "d.md"
    draft.write_text("---\nbrand: hotelia\n---\nRéserve ta chambre.\n", encoding="utf-8")
    monkeypatch.setenv("BRANDVOICE_CACHE_DIR", str(tmp_path / "cache"))
    asked = []
    real = docs._model_fingerprint
    monkeypatch.setattr(docs, "_model_fingerprint", lambda *args: asked.append(args) or real(*args))
    Checker(RunOptions(grammar=False)).check_paths([str(draft)])
    [stored] = (tmp_path / "cache").glob("*/*.engines")
    asked.clear()
    Checker(RunOptions(grammar=False)).check_paths([str(draft)])
    assert asked == []  # answered: the fingerprints from the user cache
    (tmp_path / "site").mkdir()
    monkeypatch.syspath_prepend(str(tmp_path / "site"))
    Checker(RunOptions(grammar=False)).check_paths([str(draft)])
    assert asked  # another environment: asked again


def test_watch_sees_an_edited_guide_of_files_answered_from_the_cache(tmp_path, monkeypatch):
    """`watch` keeps its checker until a guide it used changes on disk: a guide known only by its
    summary counts too."""
    guides = _child_and_parent(tmp_path)
    _check_folder(tmp_path, tmp_path / "cache", monkeypatch, guides_dirs=[guides])
    loaded = _loads(monkeypatch)
    checker = Checker(RunOptions(grammar=False, guides_dirs=[guides]))
    checker.check_paths([str(tmp_path)])
    assert loaded == [] and not checker.guides.changed_on_disk()
    (guides / "parent.yaml").write_text(PARENT.replace("incroyable", "splendide"), encoding="utf-8")
    assert checker.guides.changed_on_disk()


def test_keyed_files_of_other_keys_go_once_no_run_has_read_them_for_a_month(tmp_path, monkeypatch):
    import os
    import time

    from brandvoice.cache import KEYED_UNUSED_DAYS, keyed_file, read_keyed_text, write_keyed

    monkeypatch.setenv("BRANDVOICE_CACHE_DIR", str(tmp_path))
    older_model = keyed_file("spacy", "fr_core_news_sm", ["3.8.0"], ".sre")
    other_python = keyed_file("spacy", "fr_core_news_sm", ["3.8.0", "/other/venv/bin/python"], ".sre")
    other_model = keyed_file("spacy", "fr_core_news_md", ["3.8.0"], ".sre")
    not_keyed = older_model.parent / "fr_core_news_sm-notes.sre"
    month_ago = time.time() - (KEYED_UNUSED_DAYS + 1) * 24 * 3600
    for path in (older_model, other_python, other_model, not_keyed):
        assert write_keyed(path, "{}")
    for path in (older_model, other_model, not_keyed):
        os.utime(path, (month_ago, month_ago))
    os.utime(other_python, (month_ago, month_ago))
    assert read_keyed_text(other_python) == "{}"  # read: in use by another install
    assert time.time() - other_python.stat().st_mtime < 60

    current = keyed_file("spacy", "fr_core_news_sm", ["3.8.1"], ".sre")
    assert write_keyed(current, '{"patterns": []}')
    assert sorted(p.name for p in current.parent.iterdir()) == sorted(
        p.name for p in (current, other_python, other_model, not_keyed)
    )
    assert read_keyed_text(current) == '{"patterns": []}'
