"""Which spaCy pipeline to run for a language, loaded once per process with only what is needed.

A need is one of three levels, from cheapest to dearest:

- `spacy:tokens`: tokens and sentences only; a blank pipeline with a sentencizer does, so no
  model is loaded at all;
- `spacy`: tags, morphology and lemmas (the model without its parser and NER, sentences from
  its `senter`);
- `spacy:parser`: dependency parses as well (passive voice).

Models are found by a list of candidate names per language (the guide may give its own). When
none is installed the pipeline falls back to a blank one with a sentencizer, and a
`MissingModelWarning` says how to install a model and which rules are skipped or degraded.

A level always gives the same docs, whatever else the process loaded before: the tags and the
parse levels share one loaded model and each runs its own components (the parser and the senter
split a tweet in different sentences one time in two), and the tokens level is always blank.
"""

from __future__ import annotations

import importlib.util
import threading
import warnings
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from brandvoice.errors import BrandvoiceWarning
from brandvoice.i18n import _
from brandvoice.languages.packs import pack_for

TOKENS = "spacy:tokens"
TAGS = "spacy"
PARSE = "spacy:parser"
LEVELS = (TOKENS, TAGS, PARSE)

class MissingModelWarning(BrandvoiceWarning):
    """No spaCy model is installed for a language: rules needing tags or parses are skipped."""


@dataclass(frozen=True)
class Pipeline:
    nlp: Any  # spacy.Language (a model's is shared by its levels)
    lang: str
    level: str  # the highest need it satisfies
    model: str | None  # package name, None for a blank pipeline
    fallback: bool = False  # blank because no model is installed: nothing better to wait for
    skipped: tuple[str, ...] = ()  # the model's components this level does not run

    def pipe(self, texts: Iterable[str], batch_size: int | None = None) -> Iterable[Any]:
        return self.nlp.pipe(texts, batch_size=batch_size, disable=list(self.skipped))

    def __call__(self, text: str) -> Any:
        return next(iter(self.pipe([text])))


_pipelines: dict[tuple[str, str | None, str], Pipeline] = {}
_models: dict[tuple[str, str], Any] = {}
_warned: set[str] = set()
_lock = threading.Lock()


def level_of(needs: Iterable[str]) -> str | None:
    """The highest level among `needs` (unrelated needs such as `languagetool` are ignored)."""
    found = [LEVELS.index(n) for n in needs if n in LEVELS]
    return LEVELS[max(found)] if found else None


def default_models(lang: str) -> tuple[str, ...]:
    """The models the language's pack names, best first."""
    pack = pack_for(lang)
    return pack.spacy_models if pack else ()


def install_hint(lang: str) -> str:
    name = (default_models(lang) or (f"{lang}_core_news_sm",))[0]
    return f"python -m spacy download {name}"


def resolve_model(lang: str, candidates: Sequence[str] | None = None) -> str | None:
    """The first installed package among the candidates for `lang`, or None."""
    for name in candidates or default_models(lang):
        try:
            if importlib.util.find_spec(name) is not None:
                return name
        except (ImportError, ValueError):
            continue
    return None


def load_pipeline(
    lang: str,
    level: str,
    candidates: Sequence[str] | None = None,
    dependants: Mapping[str, str] | None = None,
) -> Pipeline:
    """The pipeline for `lang` at `level`; each model is loaded at most once per process.

    `dependants` maps rule ids to "skipped" or "degraded" (what becomes of them on a blank
    pipeline); it only serves the missing-model warning.
    """
    with _lock:
        if level == TOKENS:
            return _cached((lang, None, TOKENS), lambda: _blank(lang))
        model = resolve_model(lang, candidates)
        if model is None:
            _warn_missing(lang, candidates, dependants or {})
            return _cached((lang, None, "fallback"), lambda: _blank(lang, fallback=True))
        return _cached((lang, model, level), lambda: _at_level(_model(lang, model), lang, level, model))


def _at_level(nlp: Any, lang: str, level: str, model: str) -> Pipeline:
    """The model's pipeline at a level: tags take their sentences from the senter, parses from
    the parser (a model without a senter keeps its parser at both levels)."""
    if nlp.has_pipe("parser") and nlp.has_pipe("senter"):
        return Pipeline(nlp, lang, level, model, skipped=("parser",) if level == TAGS else ("senter",))
    return Pipeline(nlp, lang, level, model)


def _model(lang: str, model: str) -> Any:
    if (lang, model) not in _models:
        from brandvoice.activity import step

        with step(_("loading the spaCy model {model}").format(model=model)):
            _models[(lang, model)] = _load(model)
    return _models[(lang, model)]


def _cached(key: tuple[str, str | None, str], build) -> Pipeline:
    if key not in _pipelines:
        _pipelines[key] = build()
    return _pipelines[key]


def _blank(lang: str, fallback: bool = False) -> Pipeline:
    import spacy

    from brandvoice.nlp.tokenizer import customise

    try:
        nlp = spacy.blank(lang)
    except Exception:  # a language spaCy does not know: multi-language tokenizer
        nlp = spacy.blank("xx")
    nlp.add_pipe("sentencizer")
    customise(nlp)
    return Pipeline(nlp, lang, TOKENS, None, fallback)


def _load(model: str) -> Any:
    """The model without its NER (never used), with its parser and its senter both on: each
    level skips one of them (`_at_level`)."""
    import spacy

    from brandvoice.cache import installed_version
    from brandvoice.nlp import patterns
    from brandvoice.nlp.lookup_tables import fast_reads
    from brandvoice.nlp.tokenizer import customise

    version = installed_version(model)
    restored = patterns.restore(model, version)  # the tokenizer's regexes, compiled by an earlier process
    with fast_reads():
        nlp = spacy.load(model, exclude=["ner"])
    if not restored:
        patterns.save(model, version, nlp.tokenizer)
    if "senter" in nlp.disabled:
        nlp.enable_pipe("senter")
    if not nlp.has_pipe("parser") and not nlp.has_pipe("senter"):
        nlp.add_pipe("sentencizer")
    customise(nlp)
    index_lemmas_as_sets(nlp)
    return nlp


def index_lemmas_as_sets(nlp: Any) -> None:
    """spaCy's rule lemmatizer keeps the known lemmas of each part of speech in a list (66,191
    French nouns) and tests a token's candidate forms against it: as sets, the same lemmas in
    half the French parse time."""
    if not nlp.has_pipe("lemmatizer"):
        return
    lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
    if lookups is None or not lookups.has_table("lemma_index"):
        return
    index = lookups.get_table("lemma_index")
    for pos in list(index.keys()):
        if isinstance(index[pos], list):
            index[pos] = frozenset(index[pos])


def _warn_missing(lang: str, candidates: Sequence[str] | None, dependants: Mapping[str, str]) -> None:
    if lang in _warned:
        return
    _warned.add(lang)
    tried = ", ".join(candidates or default_models(lang)) or _("none configured")
    message = _(
        "no spaCy model installed for “{lang}” (tried: {tried}); install one with `{hint}`. "
        "Using a blank pipeline with a sentencizer"
    ).format(lang=lang, tried=tried, hint=install_hint(lang))
    skipped = sorted(rule for rule, fate in dependants.items() if fate == "skipped")
    degraded = sorted(rule for rule, fate in dependants.items() if fate == "degraded")
    if skipped:
        message += _("; skipped (they need tags or parses): {rules}").format(rules=", ".join(skipped))
    if degraded:
        message += _("; run without tags, lemmas or parses, less accurate: {rules}").format(rules=", ".join(degraded))
    warnings.warn(message + ".", MissingModelWarning, stacklevel=3)


def reset() -> None:
    """Forget loaded pipelines and warnings (tests)."""
    with _lock:
        _pipelines.clear()
        _models.clear()
        _warned.clear()
