"""The tone profile of a text: a handful of numbers a guide can set target bands on.

Every dimension is documented in docs/voice.md with its formula:

- `formality` (0–1): Heylighen & Dewaele's F-score on part-of-speech tags, divided by 100;
- `energy` (0–1): min(1, 4 × loud signals / words), the signals being exclamation marks, emoji,
  ALL-CAPS words (acronyms spared) and hype words from the shipped lexicon;
- `confidence` (0–1): 1 − min(1, hedges / sentences), hedges from the shipped lexicon;
- `readability`: Flesch reading ease (English) or Kandel–Moles (French), null under `min_words`;
- `passive_share` (0–1): sentences with a passive construction / sentences;
- `avg_sentence_length`: words / sentences;
- `register` (languages with register words: French): "vous", "tu", "mixed" or null, from the same
  signals as the register kind.

A dimension the pipeline cannot measure (no model installed: no tags, no parse) is null.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from typing import Any

from brandvoice.languages.packs import pack_for
from brandvoice.nlp.docs import get_doc
from brandvoice.nlp.lexicons import LexiconOptions, find
from brandvoice.nlp.measures import formality_score, passive_share, readability, sentences
from brandvoice.nlp.models import PARSE
from brandvoice.rules.base import CheckContext

NUMERIC_DIMENSIONS = ("formality", "energy", "confidence", "readability", "passive_share", "avg_sentence_length")
DIMENSIONS = (*NUMERIC_DIMENSIONS, "register")
ENERGY_PER_SIGNAL = 4  # four loud signals in a 16-word post is the top of the scale
_SERVICE = "tone:profile"


def tone_profile(ctx: CheckContext, min_words: int = 30) -> dict[str, Any]:
    """The profile, computed once per text (cached in `ctx.services`)."""
    key = (_SERVICE, min_words)
    if key in ctx.services:
        return ctx.services[key]
    doc = get_doc(ctx, PARSE)
    scores = readability(doc, ctx.lang)
    words, sents = scores.words, len(sentences(doc))
    share = passive_share(doc)
    formality = formality_score(doc)
    profile: dict[str, Any] = {
        "formality": _round(formality),
        "energy": _round(min(1.0, ENERGY_PER_SIGNAL * _loud_signals(ctx) / words) if words else 0.0),
        "confidence": _round(1 - min(1.0, _hedges(ctx) / sents) if sents else 1.0),
        "readability": round(scores.reading_ease, 1) if words >= min_words else None,
        "passive_share": _round(share),
        "avg_sentence_length": round(scores.words_per_sentence, 1),
        "register": _register(ctx),
    }
    ctx.services[key] = profile
    return profile


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 2)


@functools.cache
def _default_options() -> tuple[Any, LexiconOptions]:
    """The energy kind's and the lexicons' default options, made once (pydantic models are dear to
    build, and each keeps its compiled patterns)."""
    from brandvoice.rules import energy

    return energy.Options(), LexiconOptions()


def _loud_signals(ctx: CheckContext) -> int:
    from brandvoice.rules import energy

    energy_options, lexicon_options = _default_options()
    text = ctx.text
    exclamations = sum(1 for i in _positions(text, "!") if not ctx.prose.overlaps(i, i + 1, ("url",)))
    caps = sum(1 for _ in energy.shouted_words(ctx, energy_options))
    emoji = len(ctx.prose.spans_of("emoji"))
    hype = sum(1 for _ in find(ctx, "hype", lexicon_options))
    return exclamations + caps + emoji + hype


def _positions(text: str, char: str) -> Iterator[int]:
    i = text.find(char)
    while i >= 0:
        yield i
        i = text.find(char, i + 1)


def _hedges(ctx: CheckContext) -> int:
    return sum(1 for _ in find(ctx, "hedging", _default_options()[1]))


@functools.cache
def _register_options(use: str) -> Any:
    from brandvoice.rules import register

    return register.Options(use=use)


def _register(ctx: CheckContext) -> str | None:
    pack = pack_for(ctx.lang)
    if pack is None or pack.register is None:
        return None
    from brandvoice.rules import register

    tu = sum(1 for _ in register.check(ctx, _register_options("vous")))
    vous = sum(1 for _ in register.check(ctx, _register_options("tu")))
    if tu and vous:
        return "mixed"
    return "tu" if tu else "vous" if vous else None
