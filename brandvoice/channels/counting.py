"""How each platform measures a post: X's weighted length, graphemes, bytes, UTF-16 units.

X: the published twitter-text v3 configuration (weights 100 for code points 0-4351, 8192-8205,
8208-8223 and 8242-8247, 200 for everything else, scale 100; every URL counts 23; an emoji
sequence counts 2 whatever its code points, "emoji parsing"). We implement it rather than use the
PyPI port `twitter-text-parser` (3.0.0, 2023): its weights match, but its emoji table is Unicode 12
(2019), so newer sequences such as ❤️‍🔥 count 5 instead of 2, and it imports the deprecated
`pkg_resources` at import time. Emoji and graphemes here come from the `regex` module's Unicode
tables, which follow new Unicode releases.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from functools import cache, lru_cache

import regex

# twitter-text v3 (config/v3.json): code point ranges that weigh 100 (one character); others 200.
X_LIGHT_RANGES = ((0, 4351), (8192, 8205), (8208, 8223), (8242, 8247))
X_SCALE = 100
X_DEFAULT_WEIGHT = 200
X_URL_LENGTH = 23
MASTODON_URL_LENGTH = 23

# One emoji as twemoji-parser sees it: flags, keycaps, subdivision flags, and (ZWJ sequences of)
# pictographs shown as emoji: emoji-presentation ones, or text-default ones forced with U+FE0F.
# A bare text-default symbol (©, ™, ☺) is not an emoji entity and is weighed by code point.
_EMOJI_ELEMENT = (
    r"(?:\p{Emoji_Modifier_Base}\p{EMod}"
    r"|\p{Emoji_Presentation}\uFE0F?\p{EMod}?"
    r"|\p{Extended_Pictographic}\uFE0F\p{EMod}?)"
)
_EMOJI_JOINED = r"(?:\p{Extended_Pictographic}\uFE0F?\p{EMod}?)"
EMOJI_SEQUENCE = regex.compile(
    r"\p{RI}\p{RI}"
    r"|[#*0-9]\uFE0F?\u20E3"
    r"|\U0001F3F4[\U000E0020-\U000E007E]+\U000E007F"
    rf"|{_EMOJI_ELEMENT}(?:\u200D{_EMOJI_JOINED})*"
)

# URLs with a scheme, as the prose parser finds them (kept in one place with social.py's rule).
_URL_WITH_SCHEME = regex.compile(r"\b(?:https?://)[^\s<>\"«»]*[^\s<>\"«».,;:!?')\]…]", regex.IGNORECASE)
# twitter-text also links bare domains ("hotelia.com/offres"): an ASCII host ending in a known TLD,
# not preceded by an e-mail/mention/path character; a one-label ccTLD host without a path
# ("hotelia.fr") is not linked, except .co and .tv.
_BARE_DOMAIN = regex.compile(
    r"(?<![\w@#$./\-])(?:www\.)?((?:[a-z0-9](?:[a-z0-9_\-]*[a-z0-9])?\.)+)([a-z]{2,63})\b"
    r"(?::\d{1,5})?(/[^\s<>\"«»]*[^\s<>\"«».,;:!?')\]…]|/)?",
    regex.IGNORECASE | regex.ASCII,
)
_SPECIAL_SHORT_CCTLDS = {"co", "tv"}


@cache
def _is_tld(label: str) -> bool:
    from tld import get_tld  # the Public Suffix List snapshot shipped with `tld`, offline

    return get_tld("x." + label, fix_protocol=True, fail_silently=True, search_private=False) == label


def url_spans(text: str, *, bare_domains: bool) -> list[tuple[int, int]]:
    """Spans of what a platform turns into links: URLs with http(s)://, and bare domains for X."""
    spans = [(m.start(), m.end()) for m in _URL_WITH_SCHEME.finditer(text)]
    if bare_domains:
        for m in _BARE_DOMAIN.finditer(text):
            if any(s <= m.start() < e for s, e in spans):
                continue
            tld = m.group(2).lower()
            one_label = m.group(1).count(".") == 1 and not m.group(0).lower().startswith("www.")
            if not _is_tld(tld):
                continue
            if len(tld) == 2 and one_label and not m.group(3) and tld not in _SPECIAL_SHORT_CCTLDS:
                continue
            spans.append((m.start(), m.end()))
        spans.sort()
    return spans


def _normalized(text: str) -> str:
    return unicodedata.normalize("NFC", text.replace("\r\n", "\n"))


# code points outside X's light ranges weigh X_DEFAULT_WEIGHT: counted by one regex, not char by char
_X_HEAVY = regex.compile("[^" + "".join(rf"\U{lo:08x}-\U{hi:08x}" for lo, hi in X_LIGHT_RANGES) + "]")


def _x_chars_weight(text: str) -> int:
    return len(text) * X_SCALE + len(_X_HEAVY.findall(text)) * (X_DEFAULT_WEIGHT - X_SCALE)


def _weighted(text: str, entities: Iterable[tuple[int, int, int]]) -> int:
    """Sum of weights: each (start, end, weight) entity at its weight, other code points by range."""
    total, pos = 0, 0
    for start, end, weight in sorted(entities):
        if start < pos:
            continue  # an emoji inside a URL belongs to the URL
        total += _x_chars_weight(text[pos:start]) + weight
        pos = end
    return total + _x_chars_weight(text[pos:])


@lru_cache(maxsize=1024)
def x_length(text: str) -> int:
    """Weighted length as X counts it (twitter-text v3). Remembered: a post is measured by the
    limit's rule, the near-limit one and the fixes held back, and fixes repeat ("'" → "’")."""
    text = _normalized(text)
    entities = [(s, e, X_URL_LENGTH * X_SCALE) for s, e in url_spans(text, bare_domains=True)]
    entities += [(m.start(), m.end(), X_DEFAULT_WEIGHT) for m in EMOJI_SEQUENCE.finditer(text)]
    return _weighted(text, entities) // X_SCALE


_GRAPHEME = regex.compile(r"\X")


def graphemes(text: str) -> int:
    """User-perceived characters (extended grapheme clusters): 👨‍👩‍👧‍👦 and 🇫🇷 are one each."""
    return len(_GRAPHEME.findall(text))


def utf8_bytes(text: str) -> int:
    return len(text.encode("utf-8"))


def utf16_units(text: str) -> int:
    """What a JavaScript `length` says: emoji outside the BMP count 2, ZWJ sequences more."""
    return len(text.encode("utf-16-le")) // 2


def code_points(text: str) -> int:
    return len(text)


_REMOTE_MENTION = regex.compile(r"(?<![\w@])(@\w+)@[\w\-]+(?:\.[\w\-]+)+")


def mastodon_length(text: str) -> int:
    """Mastodon: graphemes, every http(s) URL counts 23, `@user@instance` counts as `@user`."""
    text = _REMOTE_MENTION.sub(lambda m: m.group(1), text)
    spans = url_spans(text, bare_domains=False)
    pieces, pos = [], 0
    for start, end in spans:
        pieces.append(text[pos:start])
        pos = end
    pieces.append(text[pos:])
    return sum(graphemes(p) for p in pieces) + MASTODON_URL_LENGTH * len(spans)


COUNTERS = {
    "x": x_length,
    "graphemes": graphemes,
    "bytes": utf8_bytes,
    "utf16": utf16_units,
    "codepoints": code_points,
    "mastodon": mastodon_length,
}
