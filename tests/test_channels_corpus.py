"""~200 real tweets (tests/data/x_posts_*.txt) checked as X posts: no crash, the same count twice,
and counts that agree with what can be known without the weights."""

from pathlib import Path

import pytest
import regex

from brandvoice.channels.counting import graphemes, url_spans, x_length
from brandvoice.rules import channel_length, hashtags, typography_fr
from channel_helpers import run_kind

DATA = Path(__file__).parent / "data"
POSTS = [
    (name, line.rstrip("\n"))
    for name in ("x_posts_en.txt", "x_posts_fr.txt")
    for line in (DATA / name).read_text(encoding="utf-8").splitlines()
    if line.strip()
]


def test_the_sample_is_about_200_posts():
    assert 190 <= len(POSTS) <= 210


def test_every_post_counts_the_same_twice_and_runs_through_the_kinds():
    first = [x_length(text) for _, text in POSTS]
    second = [x_length(text) for _, text in POSTS]
    assert first == second
    for (name, text), expected in zip(POSTS, first):
        language = "fr-FR" if name.endswith("fr.txt") else "en-US"
        matches, ctx = run_kind(channel_length, text, language=language, channels=["x"])
        assert ctx.metrics["lengths"]["x"] == x_length(text.strip())
        assert all(m.message.startswith(f"{expected}/280") for m in matches)
        run_kind(hashtags, text, language=language, channels=["x"])
        run_kind(typography_fr, text, language=language, channels=["x"])


@pytest.mark.parametrize("name,text", [p for p in POSTS if p[1].isascii()][:60])
def test_plain_ascii_posts_count_one_per_character_except_links(name, text):
    spans = url_spans(text, bare_domains=True)
    linked = sum(e - s for s, e in spans)
    assert x_length(text) == len(text) - linked + 23 * len(spans)


def test_posts_with_emoji_weigh_at_least_their_graphemes():
    with_emoji = [t for _, t in POSTS if regex.search(r"\p{Extended_Pictographic}", t)]
    assert with_emoji, "the sample should hold posts with emoji"
    for text in with_emoji:
        assert x_length(text) >= graphemes(text) - sum(e - s for s, e in url_spans(text, bare_domains=True))
