"""Social-media tokens found in prose: URLs, e-mail addresses, @mentions, #hashtags and emoji, and
the conventions of the medium that are not prose either.

One compiled pattern per kind, read as one alternation (see `find_social_spans`). Rule kinds use these spans to skip (a term inside a URL is not a
term) or to check (hashtag counts, emoji runs), and the grammar checker masks them.

The medium's conventions are read as what they are, never as words or punctuation to fix:
- `entity`: an HTML entity left by an export or an API (`&amp;`, `&gt;`, `&#8230;`);
- `emoticon`: a text emoticon (`:(`, `;-)`, `=]`, `:'(`, `^^`, `o_O`, `-_-`, `xD`, `<3`, `¯\\_(ツ)_/¯`),
  never glued to a word, so `12:30` and `https://` are not faces;
- `convention`: the retweet marker `RT` (or `MT`) and `cc`, `via`, `h/t` before a handle; the colon
  that closes a retweeted or quoted handle (`RT @user:`, `“@user: …”`); the dot of `.@brand`
  (a reply made public). Handles themselves stay `mention` spans;
- `identifier`: a token joined by underscores (`grandtheftauto_five_troller`, `_MONDE`): a handle
  written without its `@`, a file name; an underscore never joins the words of prose.
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
_ENTITY = r"&(?:[A-Za-z][A-Za-z0-9]{1,31}|#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6});"
# Hand-written rather than a package's list: emoticon packages (emot) match their table without
# word edges, and would read ":3" in "12:30" or "8)" in "(2008)" as faces.
_EMOTICON = (
    r"(?<![\w:;=/<>^\-])(?:"
    r"[:;=][\-^'’]?(?:[)(\][DPpOo3/\\|*$@]{1,3})"  # :) ;-) =] :'( :-/ :D :P :3
    r"|[\^oO0T>xX\-][_.]{1,3}[\^oO0T<xX\-]"  # ^_^ o_O O__O T_T >_< -_- x_x
    r"|\^\^|<\/?3+|[xX]D+"  # ^^ <3 </3 xD XD
    r"|¯\\_\(ツ\)_/¯"
    r")(?![\w/])"
)
_HANDLE_OPENS = r"(?:(?<![\w@])(?:RT|MT)[ \t]*[\"“«]?[ \t]*|(?:^|(?<=[\s↪]))[\"“«])"
_CONVENTION = (
    r"(?<![\w@])(?:RT|MT)(?=[ \t]*[\"“«]?[ \t]*@\w)"  # retweet marker before a handle
    r"|(?<![\w@/])(?i:cc|via|h/t)(?=:?[ \t]+@\w)"  # cc, via, h/t before a handle
    rf"|(?<={_HANDLE_OPENS}@\w+):"  # the colon after a retweeted or quoted handle
    r"|(?:^|(?<=\s))\.(?=@\w)"  # .@brand
)

# Each kind's pattern, in the order an alternation of them would try them at one position.
_KINDS = tuple(
    (kind, regex.compile(pattern, regex.UNICODE | regex.MULTILINE))
    for kind, pattern in (
        ("url", r"(?<![\p{L}\p{N}])(?:https?://|www\.)[^\s<>\"«»]*[^\s<>\"«».,;:!?')\]…]"),
        ("email", r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b"),
        ("mention", r"(?<![\w@])@\w+(?:@[\w-]+(?:\.[\w-]+)+)?"),
        ("hashtag", r"(?<![\w#&])#\w*\p{L}\w*"),
        ("emoji", _EMOJI),
        ("entity", _ENTITY),
        ("emoticon", _EMOTICON),
        ("convention", _CONVENTION),
        ("identifier", r"(?<![\w@#&])(?=[\w]*_)(?=[\w]*[^\W\d_])\w+"),
    )
)

# Spans no prose rule reads as words or punctuation: links, handles, and the medium's conventions
NOT_PROSE = ("url", "email", "mention", "hashtag", "entity", "emoticon", "convention", "identifier")


@dataclass(frozen=True, slots=True)
class SocialSpan:
    start: int
    end: int
    kind: str  # url, email, mention, hashtag, emoji, entity, emoticon, convention, identifier
    text: str


def find_social_spans(text: str) -> tuple[SocialSpan, ...]:
    """The spans of one left-to-right scan trying the kinds in order at each position, as one
    alternation of them would find them. Each kind searches on its own, which lets the regex
    engine skip ahead to where that kind can start (an alternation of them all tries every branch
    at every position: two and a half times slower), and searches again only when a span taken
    covers its next match."""
    upcoming = [pattern.search(text) for _, pattern in _KINDS]
    found = []
    while True:
        first = None  # the earliest upcoming match; the first kind's on a tie
        for i, m in enumerate(upcoming):
            if m is not None and (first is None or m.start() < upcoming[first].start()):
                first = i
        if first is None:
            return tuple(found)
        m = upcoming[first]
        found.append(SocialSpan(m.start(), m.end(), _KINDS[first][0], m.group()))
        for i, later in enumerate(upcoming):
            if later is not None and later.start() < m.end():
                upcoming[i] = _KINDS[i][1].search(text, m.end())
