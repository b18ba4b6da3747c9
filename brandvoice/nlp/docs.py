"""One spaCy `Doc` per text, shared by every kind, made in batches with `nlp.pipe`.

The engine calls `prepare_docs(ctxs)` once per batch for the texts whose rules need spaCy; kinds
call `get_doc(ctx, need)` in `check` (which parses on the spot when a kind runs without the
engine, e.g. in rule examples). The level parsed is the highest one any enabled rule of the text's guide needs, so the
model is loaded once even when several kinds need different levels.

A text longer than `SPACY_CHUNK` characters is parsed in pieces cut between paragraphs (spaCy
refuses texts over `nlp.max_length`, and its memory grows with the text), joined back into one
`Doc` with the same characters and offsets.
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
SPACY_CHUNK = 100_000  # characters per spaCy call: far under nlp.max_length, memory bounded
_BATCH_TEXTS = 64


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
        for ctx, doc in zip(group, _parsed(pipeline.nlp, [normalise(ctx.text) for ctx in group])):
            ctx.services[SERVICE] = doc
            ctx.services[_PIPELINE] = pipeline


def _parsed(nlp: Any, texts: list[str]) -> Iterable[Any]:
    """One doc per text, long texts parsed in pieces and joined (same text, same offsets)."""
    from spacy.tokens import Doc

    pieces = [(i, piece) for i, text in enumerate(texts) for piece in split_text(text, SPACY_CHUNK)]
    docs: list[list[Any]] = [[] for _ in texts]
    for batch in _batches(pieces):
        for (i, _), doc in zip(batch, nlp.pipe([piece for _, piece in batch], batch_size=len(batch))):
            docs[i].append(doc)
    for parts in docs:
        yield parts[0] if len(parts) == 1 else Doc.from_docs(parts, ensure_whitespace=False)


def _batches(pieces: list[tuple[int, str]]) -> Iterable[list[tuple[int, str]]]:
    """Consecutive pieces, up to 64 of them and `SPACY_CHUNK` characters a batch (spaCy's memory
    follows the characters of a batch, not the number of texts)."""
    batch: list[tuple[int, str]] = []
    size = 0
    for piece in pieces:
        if batch and (len(batch) == _BATCH_TEXTS or size + len(piece[1]) > SPACY_CHUNK):
            yield batch
            batch, size = [], 0
        batch.append(piece)
        size += len(piece[1])
    if batch:
        yield batch


def split_text(text: str, size: int) -> list[str]:
    """`text` in consecutive pieces of at most `size` characters, cut after a paragraph break if
    there is one, else after a line break, else after a space."""
    pieces, start = [], 0
    while len(text) - start > size:
        limit = start + size
        cut = next((c + len(sep) for sep in ("\n\n", "\n", " ") if (c := text.rfind(sep, start, limit - len(sep) + 1)) > start), limit)
        pieces.append(text[start:cut])
        start = cut
    pieces.append(text[start:])
    return pieces


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
