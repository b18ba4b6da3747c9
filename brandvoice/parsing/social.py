"""Social-media tokens found in prose: URLs, e-mail addresses, @mentions, #hashtags and emoji, and
the conventions of the medium that are not prose either.

One compiled pattern, one pass. Rule kinds use these spans to skip (a term inside a URL is not a
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

_SOCIAL = regex.compile(
    r"(?P<url>\b(?:https?://|www\.)[^\s<>\"«»]*[^\s<>\"«».,;:!?')\]…])"
    r"|(?P<email>\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b)"
    r"|(?P<mention>(?<![\w@])@\w+(?:@[\w-]+(?:\.[\w-]+)+)?)"
    r"|(?P<hashtag>(?<![\w#&])#\w*\p{L}\w*)"
    rf"|(?P<emoji>{_EMOJI})"
    rf"|(?P<entity>{_ENTITY})"
    rf"|(?P<emoticon>{_EMOTICON})"
    rf"|(?P<convention>{_CONVENTION})"
    r"|(?P<identifier>(?<![\w@#&])(?=[\w]*_)(?=[\w]*[^\W\d_])\w+)",
    regex.UNICODE | regex.MULTILINE,
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
    return tuple(SocialSpan(m.start(), m.end(), m.lastgroup, m.group()) for m in _SOCIAL.finditer(text))
