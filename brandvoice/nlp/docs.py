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

import bisect
import functools
import itertools
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from brandvoice.nlp.models import LEVELS, TOKENS, Pipeline, level_of, load_pipeline, resolve_model
from brandvoice.nlp.tokenizer import SocialTokenizer, normalise, social_kind
from brandvoice.parsing.prose import ProseText
from brandvoice.parsing.sentences import list_marker_end, sentence_breaks
from brandvoice.rules.base import CheckContext, Service, ServiceRequest

NAME = "spacy"
_PIPELINE = "spacy:pipeline"
_CANDIDATES = "spacy:candidates"  # the models a text was parsed with: a later, deeper parse keeps them
SPACY_CHUNK = 100_000  # characters per spaCy call: far under nlp.max_length, memory bounded
_BATCH_TEXTS = 64
_SCANNED_SOCIAL = "brandvoice:scanned_social_spans"  # `find_social_spans` of a doc's text, when the prose made it


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
    from brandvoice.cache import installed_version

    model = resolve_model(lang, candidates)
    if model is None:
        return f"spacy-{installed_version('spacy')}:blank"
    return f"spacy-{installed_version('spacy')}:{model}@{installed_version(model)}"


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
        for job, doc in zip(group, _parsed(pipeline, [job.ctx.prose for job in group])):
            job.ctx.services[NAME] = doc
            job.ctx.services[_PIPELINE] = pipeline
            job.ctx.services[_CANDIDATES] = candidates


def _parsed(pipeline: Pipeline, proses: list[ProseText]) -> Iterable[Any]:
    """One doc per text, long texts parsed in pieces and joined (same text, same offsets)."""
    from spacy.tokens import Doc

    pieces = [(i, piece) for i, prose in enumerate(proses) for piece in split_text(normalise(prose.text), SPACY_CHUNK)]
    docs: list[list[Any]] = [[] for _ in proses]
    for batch in _batches(pieces):
        inputs = [_tokenized(pipeline.nlp, piece, proses[i]) for i, piece in batch]
        for (i, _), doc in zip(batch, pipeline.pipe(inputs, batch_size=len(batch))):
            docs[i].append(doc)
    for prose, parts in zip(proses, docs):
        doc = parts[0] if len(parts) == 1 else Doc.from_docs(parts, ensure_whitespace=False)
        if doc.text == prose.text:  # the scan of its text is the prose's, made already
            doc.user_data[_SCANNED_SOCIAL] = prose.scanned_social_spans
        yield doc


def _tokenized(nlp: Any, piece: str, prose: ProseText) -> Any:
    """A piece of normalised prose as the pipes take it: a doc tokenized with the social spans
    the prose knows when the piece is the prose itself (whole, no apostrophe changed: the same
    spans, found once per text rather than twice), else the text, for the tokenizer to read."""
    if piece != prose.text or not isinstance(nlp.tokenizer, SocialTokenizer):
        return piece
    return nlp.tokenizer.tokenize(piece, prose.social_spans)


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
_CLOSERS = set("»”\"')]")
_SENTENCES = "brandvoice:sentences"


def sentence_spans(doc: Any) -> list[Any]:
    """The doc's sentences: spaCy's, mended, and broken where the layout ends one.

    - spaCy's boundaries are kept after end punctuation (. ! ? …), or before a capital, a digit,
      an emoji, a hashtag or a mention; before a lower-case word with no end punctuation, only
      when the text starts in lower case too (a writer who capitalises goes on there:
      "Pâtisseries Mirabelle | recrute !"), and never inside a word ("Rendez | -vous");
    - no sentence crosses a blank line, a list item or a hashtag block (`parsing.sentences`).
    Spans start and end on a token that is not white space. Computed once per doc."""
    cached = doc.user_data.get(_SENTENCES)
    if cached is not None:
        return cached
    text = doc.text  # spaCy joins every token's text for it: once
    token_starts = [token.idx for token in doc]
    breaks = sentence_breaks(text, doc.user_data.get(_SCANNED_SOCIAL))
    layout = {bisect.bisect_left(token_starts, offset) for offset in breaks}
    model = set()
    for sent in doc.sents:
        start = sent.start
        while 0 < start < len(doc) and doc[start].text in _CLOSERS:
            start += 1  # a closing quote ends the sentence before it: « Bravo ! » | Ensuite
        model.add(start)
    starts = {start for start in layout if start < len(doc)}
    starts |= {start for start in model - layout if 0 < start < len(doc) and _model_boundary(doc, text, start)}
    spans = []
    for start, end in itertools.pairwise((0, *sorted(starts), len(doc))):
        while start < end and doc[start].is_space:
            start += 1
        while end > start and doc[end - 1].is_space:
            end -= 1
        if end > start:
            spans.append(doc[start:end])
    doc.user_data[_SENTENCES] = spans
    return spans


def _model_boundary(doc: Any, text: str, index: int) -> bool:
    """Whether a sentence boundary spaCy put before token `index` of the doc (of `text`) is one."""
    before = index - 1
    while before > 0 and doc[before].is_space:
        before -= 1
    previous, first = doc[before], doc[index]
    while first.is_space and first.i + 1 < len(doc):
        first = doc[first.i + 1]
    line_start = text.rfind("\n", 0, first.idx) + 1
    if list_marker_end(text, line_start) >= first.idx > line_start:
        return False  # "1." before a list item's text
    if previous.text[-1:] in _SENTENCE_END:
        return True
    if previous.text in _CLOSERS and before and doc[before - 1].text[-1:] in _SENTENCE_END:
        return True  # « Bravo ! » Ensuite…
    if not previous.whitespace_ and not doc[before + 1 : index]:
        return False  # inside a word: the French model cuts "Rendez-vous" before "-vous"
    if first._.social:
        return not previous._.social  # not inside a run of hashtags, mentions and emoji
    head = first.text[:1]
    if head.isupper() or head.isdigit():
        return True
    # before a lower-case word: a writer who starts the text with a capital goes on here; one who
    # writes all in lower case ("also … a lifestyle n | if u cheat…") may start a sentence there
    opening = next((t.text.lstrip("#") for t in doc if t._.social in (None, "hashtag") and t.text[-1:].isalpha()), "")
    return opening[:1].islower()
