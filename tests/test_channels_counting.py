"""Length counting per platform, against hand-checked examples (URLs, emoji, flags, ZWJ, CJK)."""

import pytest

from brandvoice.channels.counting import (
    code_points,
    graphemes,
    mastodon_length,
    url_spans,
    utf8_bytes,
    utf16_units,
    x_length,
)

FAMILY = "👨\u200d👩\u200d👧\u200d👦"  # man ZWJ woman ZWJ girl ZWJ boy


@pytest.mark.parametrize(
    "text,x,graphemes_,utf16,bytes_",
    [
        ("Hello world", 11, 11, 11, 11),
        ("Bonne année 🎉", 14, 13, 14, 17),  # the emoji: 2 on X, 1 grapheme, 2 UTF-16 units, 4 bytes
        ("🇫🇷", 2, 1, 4, 8),  # a flag is two regional indicators
        (FAMILY, 2, 1, 11, 25),  # four emoji and three ZWJ: one grapheme, one emoji on X
        ("❤️\u200d🔥", 2, 1, 5, 13),  # heart on fire (Unicode 13.1): 2 on X, not 5 per code point
        ("日本語", 6, 3, 3, 9),  # CJK weighs 2 on X
        ("1️⃣", 2, 1, 3, 7),  # keycap
        ("👍🏽", 2, 1, 4, 8),  # skin-tone modifier
        ("e\u0301", 1, 1, 2, 3),  # X counts after NFC normalisation
        ("©", 1, 1, 1, 2),  # a text-style symbol below U+10FF weighs 1, not an emoji
        ("Oui\u202f!", 6, 5, 5, 7),  # the narrow no-break space is outside X's light ranges: 2
    ],
)
def test_hand_checked_counts(text, x, graphemes_, utf16, bytes_):
    assert x_length(text) == x
    assert graphemes(text) == graphemes_
    assert utf16_units(text) == utf16
    assert utf8_bytes(text) == bytes_


def test_x_counts_every_url_as_23():
    text = "Réservez sur https://hotelia.fr/offres?utm_source=x dès maintenant"
    assert x_length(text) == 13 + 23 + 15
    assert graphemes(text) == 13 + 38 + 15


def test_x_links_bare_domains_like_twitter_text():
    assert x_length("Voir hotelia.com") == 5 + 23  # gTLD: linked
    assert x_length("Voir hotelia.fr/ete") == 5 + 23  # ccTLD with a path: linked
    assert x_length("Voir www.hotelia.fr") == 5 + 23  # ccTLD with a subdomain: linked
    assert x_length("Voir hotelia.fr") == 15  # one-label ccTLD without path: plain text on X
    assert x_length("Voir t.co") == 5 + 23  # .co and .tv are the exceptions
    assert x_length("index.html et a@b.com") == 21  # not a TLD; an e-mail address is not a link


def test_twitter_text_conformance_examples():
    # twitter-text conformance/validate.yml, WeightedTweetsWithDiscountedEmojiCounterTest (v3 config)
    assert x_length("https://www.twitter.com/aloha " * 10) == 240
    assert x_length("😷👾😡🔥💩") == 10
    assert x_length("🙋🏽👨\u200d🎤") == 4
    middle = "285 chars- http://www.twitter.com/jack " + "xxxxxxxxxx-" * 24
    assert x_length(middle) == 299
    assert x_length("ÁB") == 2


def test_mastodon_counts_urls_23_and_remote_mentions_by_user():
    assert mastodon_length("Salut @alice@mastodon.social !") == 14
    assert x_length("Salut @alice@mastodon.social !") == 30
    assert mastodon_length("Lien : https://exemple.org/une/tres/longue/adresse") == 7 + 23
    assert mastodon_length(FAMILY + " ok") == 4
    assert mastodon_length("Voir hotelia.com") == 16  # Mastodon does not link bare domains


def test_code_points_and_urls_helpers():
    assert code_points(FAMILY) == 7
    text = "a https://x.org/a, b"
    assert [text[s:e] for s, e in url_spans(text, bare_domains=False)] == ["https://x.org/a"]


MIXED = "Été 🇫🇷 " + FAMILY + " 日本 https://ex.com/a"
# hand count, piece by piece: "Été " | flag | " " | family | " " | "日本" | " " | URL (16 characters)
PER_CHANNEL = {
    "x": 4 + 2 + 1 + 2 + 1 + 4 + 1 + 23,  # emoji sequences 2, CJK 2 each, URL 23
    "linkedin": 4 + 4 + 1 + 11 + 1 + 2 + 1 + 16,  # UTF-16 units
    "instagram": 40, "facebook": 40, "tiktok": 40, "threads": 40,
    "bluesky": 4 + 1 + 1 + 1 + 1 + 2 + 1 + 16,  # graphemes
    "bluesky_bytes": 6 + 8 + 1 + 25 + 1 + 6 + 1 + 16,  # UTF-8
    "mastodon": 4 + 1 + 1 + 1 + 1 + 2 + 1 + 23,  # graphemes, URL 23
}


def test_every_shipped_channel_measures_the_mixed_post_by_hand():
    from brandvoice.channels import shipped_profiles
    from brandvoice.rules import channel_length
    from channel_helpers import run_kind

    channels = list(shipped_profiles())
    _, ctx = run_kind(channel_length, MIXED, channels=channels)
    assert ctx.metrics["lengths"] == PER_CHANNEL
