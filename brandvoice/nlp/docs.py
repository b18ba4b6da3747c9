"""One spaCy `Doc` per text, shared by every kind, made in batches with `nlp.pipe`: the engine's
`spacy` service.

The engine prepares each batch of texts whose rules need spaCy (`SERVICE`); kinds call
`get_doc(ctx, need)` in `check` (which parses on the spot when a kind runs without the engine,
e.g. in rule examples). The level parsed is the highest one any rule of the text's guide needs, so
the model is loaded once even when several kinds need different levels.

A text longer than `SPACY_CHUNK` characters is parsed in pieces cut between paragraphs (spaCy
refuses texts over `nlp.max_length`, and its memory grows with the text), joined back into one
`Doc` with the same characters and offsets.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from brandvoice.nlp.models import LEVELS, TOKENS, Pipeline, level_of, load_pipeline, model_version, resolve_model
from brandvoice.nlp.tokenizer import normalise, social_kind
from brandvoice.rules.base import CheckContext, Service, ServiceRequest

NAME = "spacy"
_PIPELINE = "spacy:pipeline"
_CANDIDATES = "spacy:candidates"  # the models a text was parsed with: a later, deeper parse keeps them
SPACY_CHUNK = 100_000  # characters per spaCy call: far under nlp.max_length, memory bounded
_BATCH_TEXTS = 64


@dataclass(frozen=True)
class SpacySettings:
    """What a guide tells the spaCy service: model names to try per language (`voice: models:`)."""

    models: Mapping[str, tuple[str, ...]] = field(default_factory=dict)


@dataclass(frozen=True)
class _Job:
    ctx: CheckContext
    level: str
    candidates: tuple[str, ...] | None = None
    dependants: Mapping[str, str] = field(default_factory=dict)  # rule id -> "skipped" or "degraded"


def _candidates(request: ServiceRequest) -> tuple[str, ...] | None:
    settings = request.options
    names = settings.models.get(request.ctx.lang) if isinstance(settings, SpacySettings) else None
    return tuple(names) if names else None


def _job(request: ServiceRequest) -> _Job:
    """What to parse a text with: the highest level its guide's rules need, and the rules that a
    blank pipeline (no model installed) would skip or degrade, for the warning."""
    dependants = {}
    for rule in request.rules:
        if level_of(rule.needs) not in (None, TOKENS):
            dependants[rule.id] = "skipped" if rule.kind.skipped_without_model else "degraded"
    level = level_of([TOKENS, *(need for rule in request.rules for need in rule.needs)])
    return _Job(request.ctx, level, _candidates(request), dependants)


def _satisfies(pipeline: Pipeline | None, level: str) -> bool:
    return pipeline is not None and (pipeline.fallback or LEVELS.index(pipeline.level) >= LEVELS.index(level))


def prepare(requests: Sequence[ServiceRequest]) -> None:
    """The engine's batch hook: one doc per text, at the level its guide's rules need."""
    _parse([_job(request) for request in requests])


def fingerprint(request: ServiceRequest) -> str:
    """The model a text is parsed with (name and version), for the result cache: installing or
    upgrading a model re-checks the texts it parses."""
    return _model_fingerprint(request.ctx.lang, _candidates(request))


SERVICE = Service(NAME, prepare, fingerprint)


@functools.cache
def _model_fingerprint(lang: str, candidates: tuple[str, ...] | None) -> str:
    from importlib import metadata

    model = resolve_model(lang, candidates)
    if model is None:
        return f"spacy-{metadata.version('spacy')}:blank"
    return f"spacy-{metadata.version('spacy')}:{model}@{model_version(model)}"


def prepare_docs(ctxs: Sequence[CheckContext], need: str = TOKENS) -> None:
    """Parse, in one `nlp.pipe` per pipeline, the texts that lack a doc at level `need` (with the
    models they were parsed with before, else the defaults)."""
    _parse([_Job(ctx, need, ctx.services.get(_CANDIDATES)) for ctx in ctxs])


def _parse(jobs: Sequence[_Job]) -> None:
    groups: dict[tuple[str, str, tuple[str, ...] | None], list[_Job]] = {}
    for job in jobs:
        ctx = job.ctx
        if NAME in ctx.services and _satisfies(ctx.services.get(_PIPELINE), job.level):
            continue
        groups.setdefault((ctx.lang, job.level, job.candidates), []).append(job)
    for (lang, level, candidates), group in groups.items():
        dependants = {rule: fate for job in group for rule, fate in job.dependants.items()}
        pipeline = load_pipeline(lang, level, candidates, dependants)
        for job, doc in zip(group, _parsed(pipeline.nlp, [normalise(job.ctx.text) for job in group])):
            job.ctx.services[NAME] = doc
            job.ctx.services[_PIPELINE] = pipeline
            job.ctx.services[_CANDIDATES] = candidates


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
    if NAME not in ctx.services or not _satisfies(ctx.services.get(_PIPELINE), need):
        prepare_docs([ctx], need)
    return ctx.services[NAME]


def pipeline_of(ctx: CheckContext) -> Pipeline:
    get_doc(ctx)
    return ctx.services[_PIPELINE]


def word_tokens(doc: Any) -> Iterable[Any]:
    """Tokens that count as words: no punctuation, spaces, symbols, numbers alone or social tokens."""
    for token in doc:
        if social_kind(token) or token.is_punct or token.is_space or not any(c.isalpha() for c in token.text):
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
