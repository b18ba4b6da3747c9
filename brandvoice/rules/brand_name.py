"""brand_name: the brand's name written exactly, in every variant a writer slips into.

The guide's `names:` section makes one rule per name (`<guide>.names.<name>`); nobody lists the
variants. A name is found whatever its case and accents, with its words joined by spaces, a
hyphen or nothing ("Hotelia Club", "hotelia-club", "hoteliaclub" for "HoteliaClub"), each word
singular or plural ("Pâtisserie Mirabelle" for "Pâtisseries Mirabelle"), after an elision
("l’hotelia"), and as a whole hashtag or mention ("#patisseriesmirabelle", "@hoteliaclub"). Every
variant is reported with the exact form as a safe fix; in a hashtag or a mention, the exact form is
the guide's own spelling when `hashtags.known` / `mentions.official` has one, else the name's words
in CamelCase, with accents only if the writer typed some (a handle has none). A straight or curly
apostrophe is not a variant: the fix keeps the writer's (typography decides it).

Same letters are not always the name. When every word of the name is also a dictionary word
("Pâtisseries Mirabelle", "Orange"), a variant counts as the name only when its writing says so:
its words run together or hyphenated ("patisseriesmirabelle"); a capital its place in the sentence
does not explain ("chez Pâtisserie Mirabelle", "PATISSERIES MIRABELLE", not a single common word
in capitals: "ORANGE"); or it opens a clause with no determiner before it, as only a name does
("Pâtisseries mirabelle recrute !"). "La tarte à la mirabelle" and "nos pâtisseries mirabelle"
are the fruit. A name with a word no dictionary has ("Hotelia") is the name in any writing. URLs,
e-mail addresses and domains ("mirabelle.fr") are never names.

```yaml
names: [Pâtisseries Mirabelle, HoteliaClub]
```
"""

from __future__ import annotations

import functools
from collections.abc import Iterator

import regex

from brandvoice.findings import Match
from brandvoice.messages import Messages
from brandvoice.nlp.vocabulary import in_dictionary, strip_accents
from brandvoice.rules.base import CheckContext, Example, Kind, RuleOptions
from brandvoice.rules.words import NAME_AFTER, NAME_BEFORE, compile_names, name_key, name_parts, name_pattern

MESSAGES = Messages({
    "brand_name.default": "The brand's name is written “{expected}”.",
    "brand_name.hashtag": "The brand's name as a hashtag is written {expected}.",
    "brand_name.mention": "The brand's handle is written {expected}.",
})

_NOT_NAMES = ("url", "email", "hashtag", "mention")  # prose matches inside these are not the name
_CLAUSE_OPENERS = ":;—–-(«“\"'‘→•|"
_APOSTROPHE = "['’ʼ]"
_WORD = regex.compile(r"[\p{L}][\p{L}\p{M}'’\-]*")
_LETTER_OR_DIGIT = regex.compile(r"[\p{L}\p{N}]")


class Options(RuleOptions):
    name: str
    hashtag: str | None = None  # the guide's spelling of the name as a hashtag (`hashtags.known`)
    handle: str | None = None  # the guide's official handle that spells the name (`mentions.official`)
    within: tuple[str, ...] = ()  # the guide's longer names that contain this one (HoteliaClub for Hotelia)


@functools.cache
def _patterns(name: str) -> tuple[regex.Pattern, regex.Pattern]:
    """(the name as words of prose, the name as a hashtag's or a handle's body)."""
    core = name_pattern(name)
    flags = regex.IGNORECASE | regex.VERSION0
    return regex.compile(NAME_BEFORE + core + NAME_AFTER, flags), regex.compile(core, flags)


@functools.cache
def _common_words(name: str, lang: str) -> bool:
    """Whether every word of the name is a dictionary word of the language or of English."""
    langs = tuple(dict.fromkeys((lang, "en")))
    return all(not p[:1].isalpha() or any(in_dictionary(p.lower(), code) for code in langs) for p in name_parts(name))


def check(ctx: CheckContext, options: Options) -> Iterator[Match]:
    name = options.name
    prose_pattern, body_pattern = _patterns(name)
    common = _common_words(name, ctx.lang)
    text = ctx.text
    longer = compile_names(options.within)
    taken = [m.span() for m in longer.finditer(text)] if longer is not None else []
    for m in prose_pattern.finditer(text):
        found = m.group()
        expected = _with_writers_apostrophe(name, found)
        if found == expected or ctx.prose.overlaps(m.start(), m.end(), _NOT_NAMES):
            continue
        if any(a < m.end() and m.start() < b for a, b in taken):
            continue  # "HOTELIA" in "HOTELIA CLUB" is the longer name's problem
        if common and not _written_as_a_name(ctx, m, name):
            continue
        yield Match(m.start(), m.end(), replacements=(expected,), params=(("expected", expected),), fix_safe=True)
    for span in ctx.prose.spans_of("hashtag", "mention"):
        body = span.text[1:].split("@")[0] if span.kind == "mention" else span.text[1:]
        m = body_pattern.fullmatch(body)
        if m is None or (common and len(name_parts(name)) == 1):
            continue  # "#orange" is the fruit as often as the brand
        expected = _tag_spelling(span.kind, body, m, name, options)
        if expected == span.text[: 1 + len(body)]:
            continue
        message = MESSAGES.say(f"brand_name.{span.kind}", expected=expected)
        end = span.start + 1 + len(body)
        yield Match(span.start, end, message=message, replacements=(expected,), fix_safe=True)


def _with_writers_apostrophe(name: str, found: str) -> str:
    """The name with the apostrophe the writer typed ("L’Oréal" for a guide's "L'Oréal"): straight
    or curly is the typography rule's call, not a variant of the name."""
    typed = regex.findall(_APOSTROPHE, found)
    return regex.sub(_APOSTROPHE, typed[0], name) if typed and len(set(typed)) == 1 else name


def _tag_spelling(kind: str, body: str, m: regex.Match, name: str, options: Options) -> str:
    """The name as a hashtag or a handle: the guide's spelling when it has one for this name, else
    the name's words in CamelCase with the writer's separators, and with accents only if the writer
    typed some (a handle never has any)."""
    own = options.hashtag if kind == "hashtag" else options.handle
    if own and name_key(own) == name_key(name):
        return ("#" if kind == "hashtag" else "@") + own.lstrip("#@")
    parts = name_parts(name)
    starts = _word_starts(name, parts)
    spelled, pos = [], 0
    for i, part in enumerate(parts):
        start, end = m.span(f"p{i}")
        spelled.append(body[pos:start])  # the writer's separator ("_" in a handle)
        spelled.append(part[:1].upper() + part[1:] if i in starts and i else part)  # not McDonald'S
        pos = end
    spelled.append(body[pos:])
    result = "".join(spelled)
    if kind == "mention" or strip_accents(body) == body:
        result = strip_accents(result)
    return ("#" if kind == "hashtag" else "@") + result


def _word_starts(name: str, parts: list[str]) -> set[int]:
    """The parts of a name that begin one of its words (after a space, a hyphen or an underscore)."""
    found, pos = set(), 0
    for i, part in enumerate(parts):
        at = name.index(part, pos)
        if at == 0 or name[at - 1] in " \t-‐‑_" or part[:1].isupper():
            found.add(i)
        pos = at + len(part)
    return found


def _written_as_a_name(ctx: CheckContext, m: regex.Match, name: str) -> bool:
    """For a name made of common words: whether this writing of it can only be the name."""
    found = m.group()
    parts = name_parts(name)
    if any(sep != " " for sep in _separators(m, len(parts))):
        return True  # common words joined or hyphenated: "patisseriesmirabelle", "Patisseries-Mirabelle"
    opens = _opens_clause(ctx, m.start())
    letters = [c for c in found if c.isalpha()]
    capitals = [i for i, c in enumerate(found) if c.isupper()]
    if letters and all(c.isupper() for c in letters):
        return len(parts) > 1  # "PATISSERIES MIRABELLE"; a single common word in capitals shouts
    if capitals and capitals != [0] or (capitals == [0] and not opens):
        return True  # a capital its place does not explain: "chez Pâtisserie Mirabelle"
    # "Pâtisseries mirabelle recrute !": the name's own words, opening a clause with no determiner,
    # from a writer who starts sentences with a capital ("Apples & Pears", "… ? apple turnovers" are not)
    same_words = [strip_accents(w.casefold()) for w in regex.split(r"\s+", found)] == [
        strip_accents(w.casefold()) for w in regex.split(r"\s+", name)]
    return opens and same_words and _capitalising_writer(ctx)


def _capitalising_writer(ctx: CheckContext) -> bool:
    """Whether the text's first word starts with a capital (handles and links aside)."""
    for m in _WORD.finditer(ctx.text):
        if not ctx.prose.overlaps(m.start(), m.end(), ("url", "email", "mention")):
            return m.group()[:1].isupper()
    return False


def _separators(m: regex.Match | None, count: int) -> list[str]:
    """How the words of a match are joined: a space (any white space), or what is between them."""
    if m is None:
        return []
    between = [m.string[m.end(f"p{i}") : m.start(f"p{i + 1}")] for i in range(count - 1)]
    return [" " if sep and not sep.strip() else sep for sep in between]


def _opens_clause(ctx: CheckContext, start: int) -> bool:
    """Nothing but punctuation, emoji, hashtags or mentions before `start` in its clause."""
    text = ctx.text
    sentence_start = max((s for s, _ in ctx.prose.sentences if s <= start), default=0)
    before = text[sentence_start:start]
    cut = max(before.rfind("\n"), *(before.rfind(c) for c in _CLAUSE_OPENERS))
    before = before[cut + 1 :]
    offset = start - len(before)
    for span in ctx.prose.social_spans:
        if offset <= span.start and span.end <= start:
            before = before[: span.start - offset] + " " * (span.end - span.start) + before[span.end - offset :]
    return not _LETTER_OR_DIGIT.search(before)


EXAMPLES = (
    Example("Pâtisseries mirabelle recrute ! PATISSERIES MIRABELLE ouvre à Lyon.",
            expect=("Pâtisseries mirabelle", "PATISSERIES MIRABELLE"), options={"name": "Pâtisseries Mirabelle"},
            language="fr-FR"),
    Example("Chez Pâtisserie Mirabelle, la tarte à la mirabelle est de retour. #patisseriesmirabelle",
            expect=("Pâtisserie Mirabelle", "#patisseriesmirabelle"), options={"name": "Pâtisseries Mirabelle"},
            language="fr-FR", note="the fruit in lower case is not the name"),
    Example("Nos pâtisseries mirabelle sont de saison. Écrivez à recrutement@mirabelle.fr",
            options={"name": "Pâtisseries Mirabelle"}, language="fr-FR",
            note="mirabelle pastries, and an address"),
    Example("Join the hoteliaclub or the Hotelia Club, see l’hotelia app", expect=("hoteliaclub", "Hotelia Club"),
            options={"name": "HoteliaClub"}),
    Example("Rejoignez le HoteliaClub de l’Hotelia.", options={"name": "HoteliaClub"}, language="fr-FR"),
)


KIND = Kind(
    name="brand_name", category="terminology", level="error", options=Options, check=check,
    messages=MESSAGES, examples=EXAMPLES, doc=__doc__,
)
