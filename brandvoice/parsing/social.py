"""Social-media tokens found in prose: URLs, e-mail addresses, @mentions, #hashtags and emoji.

One compiled pattern, one pass. Rule kinds use these spans to skip (a term inside a URL is not a
term) or to check (hashtag counts, emoji runs), and the grammar checker masks them.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

_EMOJI = (
    r"(?:\p{RI}\p{RI}"  # flags
    r"|[#*0-9]\uFE0F?\u20E3"  # keycaps
    r"|\p{Extended_Pictographic}[\uFE0F\uFE0E]?\p{EMod}?"
    r"(?:\u200D\p{Extended_Pictographic}[\uFE0F\uFE0E]?\p{EMod}?)*"  # ZWJ sequences
    r"[\U000E0020-\U000E007F]*)"  # tag sequences (subdivision flags)
)

_SOCIAL = regex.compile(
    r"(?P<url>(?<![\p{L}\p{N}])(?:https?://|www\.)[^\s<>\"«»]*[^\s<>\"«».,;:!?')\]…])"
    r"|(?P<email>\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b)"
    r"|(?P<mention>(?<![\w@])@\w+(?:@[\w-]+(?:\.[\w-]+)+)?)"
    r"|(?P<hashtag>(?<![\w#&])#\w*\p{L}\w*)"
    rf"|(?P<emoji>{_EMOJI})",
    regex.UNICODE,
)


@dataclass(frozen=True, slots=True)
class SocialSpan:
    start: int
    end: int
    kind: str  # url, email, mention, hashtag, emoji
    text: str


def find_social_spans(text: str) -> tuple[SocialSpan, ...]:
    return tuple(SocialSpan(m.start(), m.end(), m.lastgroup, m.group()) for m in _SOCIAL.finditer(text))
