"""Robustness on real tweets (tests/data/voice_posts_*.txt): every voice kind and the tone profile
run without crashing, hashtags and mentions stay single tokens and are never reported (never
"ALL CAPS", never a hype word or a register slip)."""

from __future__ import annotations

from pathlib import Path

import pytest

from brandvoice.nlp.docs import get_doc, prepare_docs
from brandvoice.nlp.models import PARSE
from brandvoice.nlp.profile import DIMENSIONS, tone_profile
from brandvoice.nlp.settings import VOICE_KINDS
from brandvoice.parsing.prose import ProseText
from brandvoice.registry import kind as get_kind
from brandvoice.rules.base import CheckContext

pytestmark = pytest.mark.spacy

DATA = Path(__file__).parent / "data"


def posts(language: str) -> list[str]:
    name = "voice_posts_fr.txt" if language.startswith("fr") else "voice_posts_en.txt"
    return [line for line in (DATA / name).read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.fixture(scope="module", params=["fr-FR", "en-US"])
def contexts(request):
    ctxs = [CheckContext(ProseText.plain(text), language=request.param) for text in posts(request.param)]
    prepare_docs(ctxs, PARSE)  # one nlp.pipe batch
    return ctxs


def test_the_corpus_has_social_tokens(contexts):
    assert sum(len(c.prose.spans_of("hashtag", "mention")) for c in contexts) >= 20


def test_hashtags_and_mentions_are_single_tokens(contexts):
    for ctx in contexts:
        doc = get_doc(ctx, PARSE)
        starts = {t.idx: t for t in doc}
        for span in ctx.prose.spans_of("hashtag", "mention", "url", "email"):
            token = starts.get(span.start)
            assert token is not None and token.idx + len(token.text) == span.end, (ctx.text, span)
            assert token._.social == span.kind


@pytest.mark.parametrize("kind_name", [*VOICE_KINDS, "tone"])
def test_every_voice_kind_runs_and_spares_hashtags_and_mentions(contexts, kind_name):
    kind = get_kind(kind_name)
    options = kind.options.model_validate({"max_share": 0} if kind_name == "passive" else {})
    for ctx in contexts:
        for match in kind.check(ctx, options):
            assert 0 <= match.start < match.end <= len(ctx.text)
            if match.whole_document:
                continue
            assert not ctx.prose.overlaps(match.start, match.end, ("hashtag", "mention")), (
                kind_name, ctx.text, ctx.text[match.start : match.end])


def test_every_post_gets_a_full_profile(contexts):
    for ctx in contexts:
        profile = tone_profile(ctx)
        assert set(profile) == set(DIMENSIONS)
        assert 0 <= profile["energy"] <= 1 and 0 <= profile["confidence"] <= 1
        assert profile["formality"] is None or 0 <= profile["formality"] <= 1
        assert 0 <= profile["passive_share"] <= 1
