"""Lemma-aware phrase matching: "courriel" also finds "courriels", "book" finds "booked".

A phrase matches a run of tokens when each of its words equals the token or is the token's lemma:
write phrases in base form ("réservation", "book"). The phrase's own lemma is not used: out of
context the tagger reads "booking" as a verb, and "booking" would then flag "booked". Case
is ignored unless `case_sensitive`, where the token must also start with the phrase word as
written ("iPhone" finds "iPhones", not "iphones"): brand-name casing stays exact. On a blank
pipeline (no model installed) tokens have no lemmas and only exact words match. spaCy leaves
proper nouns unlemmatized, so a proper noun also matches with a plural -s/-es/-x.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import Any

from brandvoice.nlp.docs import get_doc, pipeline_of
from brandvoice.nlp.models import TAGS
from brandvoice.nlp.tokenizer import normalise, token_text
from brandvoice.rules.base import CheckContext


@lru_cache(maxsize=4096)
def _phrase_words(nlp: Any, phrase: str) -> tuple[tuple[str, str], ...]:
    """(as written, lower case) per word of the phrase, cut by the pipeline's own tokenizer."""
    return tuple((t.text, t.text.casefold()) for t in nlp.make_doc(normalise(phrase)) if not t.is_space)


def _same(token: Any, original: str, word: tuple[str, str], case_sensitive: bool) -> bool:
    written, lower = word
    if case_sensitive and not original.startswith(written.replace("’", "'")) and not original.replace("’", "'").startswith(written.replace("’", "'")):
        return False
    token_lower = token.text.casefold()
    token_lemma = (token.lemma_ or "").casefold()
    if token_lower == lower or token_lemma == lower:
        return True
    # spaCy does not lemmatize proper nouns (brand names): accept their plural ending
    return token.pos_ == "PROPN" and token_lower in (lower + "s", lower + "es", lower + "x")


def lemma_matches(ctx: CheckContext, phrases: Iterable[str], case_sensitive: bool = False) -> Iterator[tuple[int, int, str]]:
    """(start, end, phrase) of every phrase found by lemma, longest phrases first, no overlaps."""
    doc = get_doc(ctx, TAGS)
    nlp = pipeline_of(ctx).nlp
    tokens = [t for t in doc if not t.is_space]
    taken: list[tuple[int, int]] = []
    for phrase in sorted({p for p in phrases if p.strip()}, key=len, reverse=True):
        words = _phrase_words(nlp, phrase)
        if not words:
            continue
        for i in range(len(tokens) - len(words) + 1):
            run = tokens[i : i + len(words)]
            if any(t._.social for t in run):
                continue  # "#courriel" is a hashtag, not the word
            if all(_same(t, token_text(ctx.text, t), w, case_sensitive) for t, w in zip(run, words)):
                start, end = run[0].idx, run[-1].idx + len(run[-1].text)
                if not any(s < end and start < e for s, e in taken):
                    taken.append((start, end))
                    yield start, end, phrase
