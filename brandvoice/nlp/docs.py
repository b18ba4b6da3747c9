"""One spaCy `Doc` per text, shared by every kind, made in batches with `nlp.pipe`.

The engine calls `prepare_docs(ctxs)` once per batch for the texts whose rules need spaCy; kinds
call `get_doc(ctx, need)` in `check` (which parses on the spot when a kind runs without the
engine, e.g. in rule examples). The level parsed is the highest one any enabled rule of the text's guide needs, so the
model is loaded once even when several kinds need different levels.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence
from typing import Any

from brandvoice.nlp.models import LEVELS, TOKENS, Pipeline, level_of, load_pipeline, resolve_model
from brandvoice.nlp.tokenizer import normalise
from brandvoice.rules.base import CheckContext, rule_needs

SERVICE = "spacy"
_PIPELINE = "spacy:pipeline"


def guide_dependants(ctx: CheckContext) -> dict[str, str]:
    """Rule id → spaCy level, for the rules of the text's guide that use spaCy."""
    found = {}
    for rule in ctx.guide.rules if ctx.guide else ():
        level = level_of(rule_needs(rule))
        if level:
            found[rule.id] = level
    return found


def model_candidates(ctx: CheckContext) -> list[str] | None:
    """Model names the guide asks for (`voice: {models: {fr: [...]}}`), or None for the defaults."""
    voice = ctx.guide.section("voice") if ctx.guide else None
    models = (voice or {}).get("models") if isinstance(voice, dict) else None
    names = (models or {}).get(ctx.lang)
    if isinstance(names, str):
        return [names]
    return list(names) if names else None


def _satisfies(pipeline: Pipeline | None, level: str) -> bool:
    return pipeline is not None and (pipeline.fallback or LEVELS.index(pipeline.level) >= LEVELS.index(level))


def prepare(ctxs: Sequence[CheckContext]) -> None:
    """The engine's batch hook: one doc per text, at the level its guide's rules need."""
    prepare_docs(ctxs)


def fingerprint(ctx: CheckContext) -> str:
    """The model a text is parsed with (name and version), for the result cache: installing or
    upgrading a model re-checks the texts it parses."""
    candidates = model_candidates(ctx)
    return _model_fingerprint(ctx.lang, tuple(candidates) if candidates else None)


@functools.cache
def _model_fingerprint(lang: str, candidates: tuple[str, ...] | None) -> str:
    from importlib import metadata

    model = resolve_model(lang, candidates)
    if model is None:
        return f"spacy-{metadata.version('spacy')}:blank"
    try:
        version = metadata.version(model)
    except metadata.PackageNotFoundError:
        version = "?"
    return f"spacy-{metadata.version('spacy')}:{model}@{version}"


def prepare_docs(ctxs: Sequence[CheckContext], need: str = TOKENS) -> None:
    """Parse, in one `nlp.pipe` per pipeline, the texts that lack a doc at level `need`."""
    groups: dict[tuple[str, str, tuple[str, ...] | None], list[CheckContext]] = {}
    for ctx in ctxs:
        dependants = guide_dependants(ctx)
        level = level_of([need, *dependants.values()]) or TOKENS
        if SERVICE in ctx.services and _satisfies(ctx.services.get(_PIPELINE), level):
            continue
        candidates = model_candidates(ctx)
        groups.setdefault((ctx.lang, level, tuple(candidates) if candidates else None), []).append(ctx)
    for (lang, level, candidates), group in groups.items():
        dependants = {}
        for ctx in group:
            for rule in ctx.guide.rules if ctx.guide else ():
                if level_of(rule_needs(rule)) not in (None, TOKENS):
                    # kinds that yield nothing without a model say so with SKIPPED_WITHOUT_MODEL
                    dependants[rule.id] = "skipped" if getattr(rule.kind, "SKIPPED_WITHOUT_MODEL", False) else "degraded"
        pipeline = load_pipeline(lang, level, candidates, dependants)
        texts = (normalise(ctx.text) for ctx in group)
        for ctx, doc in zip(group, pipeline.nlp.pipe(texts, batch_size=64)):
            ctx.services[SERVICE] = doc
            ctx.services[_PIPELINE] = pipeline


def get_doc(ctx: CheckContext, need: str = TOKENS) -> Any:
    """The text's doc, parsed now if no batch hook did it."""
    if SERVICE not in ctx.services or not _satisfies(ctx.services.get(_PIPELINE), need):
        prepare_docs([ctx], need)
    return ctx.services[SERVICE]


def pipeline_of(ctx: CheckContext) -> Pipeline:
    get_doc(ctx)
    return ctx.services[_PIPELINE]


def word_tokens(doc: Any) -> Iterable[Any]:
    """Tokens that count as words: no punctuation, spaces, symbols, numbers alone or social tokens."""
    for token in doc:
        if token._.social or token.is_punct or token.is_space or not any(c.isalpha() for c in token.text):
            continue
        yield token


_SENTENCE_END = set(".!?…")


def sentence_spans(doc: Any) -> list[Any]:
    """spaCy's sentences, with the boundaries it puts inside a word mended: the French model's
    sentence splitter cuts "Rendez-vous" before "-vous". A boundary with no space before it and
    no end punctuation is not one."""
    spans: list[Any] = []
    start = 0
    for sent in doc.sents:
        if sent.start == 0:
            continue
        previous = doc[sent.start - 1]
        if previous.whitespace_ or previous.text[-1:] in _SENTENCE_END or "\n" in previous.text:
            spans.append(doc[start : sent.start])
            start = sent.start
    if start < len(doc):
        spans.append(doc[start:])
    return spans
