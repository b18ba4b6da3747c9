"""hashtags: how many, which ones, and how they are written.

- at most `max` hashtags (and at most each targeted channel's `max_hashtags`: Instagram 5 since
  December 2025, Threads 1);
- every `required` campaign hashtag present (`#Hotelia`), no `banned` one, no duplicate;
- multi-word hashtags in CamelCase, so screen readers read `#SummerSale` as two words and not
  `#summersale` letter by letter: the guide's `known` hashtags give the exact spelling (a safe
  fix), otherwise a word-segmentation model proposes a split, only when it is confident and never
  for a hashtag that is itself a word (`#parkour`, `#greenwashing`): see `channels.segment`;
- accents: a hashtag that spells a `known` one without its accents, whatever its case, gets the
  guide's spelling (`#epiphanie`, `#Epiphanie` → `#Épiphanie`), and a known spelling never takes
  away an accent the writer typed (a guide that learned `#ecologie` leaves `#écologie` alone);
  with `accents: true` (the French base guide), a word of a hashtag that is no word without
  accents but a French word with them is suggested with them (`#ecologie` → `#écologie`,
  `#TransitionEnergetique` → `#TransitionÉnergétique`), unless the guide knows that hashtag;
- no disclosure (`#ad`, `#publicité`…) buried in a block of hashtags, where readers skip it.

```yaml
hashtags:
  required: ["#Hotelia"]
  banned: ["#hotel"]
  known: ["#HoteliaMoments", "#SummerSale"]
  max: 3
```
"""

from __future__ import annotations

import functools
from collections.abc import Iterator

import regex
from pydantic import BaseModel, ConfigDict, Field

from brandvoice.channels.profiles import ChannelProfile
from brandvoice.channels.segment import best_split, camel_case, strip_accents
from brandvoice.channels.targets import hashtag_blocks, merged_by_span, targeted_profiles
from brandvoice.findings import Match
from brandvoice.languages.packs import pack_for
from brandvoice.messages import Listed, Messages, Plural
from brandvoice.nlp.vocabulary import with_accents
from brandvoice.rules.base import CheckContext, Example, Kind, RuleOptions

MESSAGES = Messages({
    "hashtags.default": "Hashtag problem: {match}.",
    "hashtags.banned": "{tag} is a banned hashtag.",
    "hashtags.duplicate": "{tag} is already used in this post.",
    "hashtags.camel_case": "Write {spelled}: screen readers read {tag} letter by letter.",
    "hashtags.known_accents": "Write {spelled}, as the guide spells this hashtag: {tag} lacks its accents.",
    "hashtags.accents": "“{word}” is written with accents: write {spelled} (or add {tag} to the guide's known "
    "hashtags if the brand chose it).",
    "hashtags.too_many": Plural("{count} hashtag: {who} allows at most {cap}.", "{count} hashtags: {who} allows at most {cap}."),
    "hashtags.the_guide": "the guide",
    "hashtags.missing": Plural("Missing the campaign hashtag {tags}.", "Missing the campaign hashtags {tags}."),
    "hashtags.buried_disclosure": Plural(
        "{tag} is buried among {count} hashtag: put the disclosure at the start of the post, apart from other hashtags.",
        "{tag} is buried among {count} hashtags: put the disclosure at the start of the post, apart from other hashtags."),
})

# Disclosure tags that must stand out, not sit in a wall of hashtags (FTC; loi 2023-451 art. 5).
DISCLOSURE_TAGS = ("#ad", "#advertisement", "#sponsored", "#pub", "#publicite", "#publicité",
                   "#collaborationcommerciale", "#partenariat", "#sponso", "#sp", "#collab", "#partner")


class HashtagsSection(BaseModel):
    """Guide section `hashtags:`."""

    model_config = ConfigDict(extra="forbid")

    max: int | None = Field(None, ge=0, description="At most this many hashtags (channel caps also apply).")
    required: list[str] = Field(default_factory=list, description="Campaign hashtags every post carries.")
    banned: list[str] = Field(default_factory=list)
    known: list[str] = Field(default_factory=list, description="The brand's hashtags, spelled in CamelCase.")
    duplicates: bool = True
    camel_case: bool = True
    buried_disclosure: bool = True
    accents: bool = Field(False, description="Suggest the accents a hashtag's words take (#ecologie → #écologie).")


class Options(RuleOptions):
    max: int | None = None
    required: tuple[str, ...] = ()
    banned: tuple[str, ...] = ()
    known: tuple[str, ...] = ()
    duplicates: bool = True
    camel_case: bool = True
    buried_disclosure: bool = True
    accents: bool = False
    caps: bool = True  # the guide's `max` and each channel's `max_hashtags`
    block_size: int = 3
    profiles: tuple[ChannelProfile, ...] = ()
    default_channels: tuple[str, ...] = ()


def _key(tag: str) -> str:
    return strip_accents(tag.lstrip("#").casefold())


_THE_GUIDE = MESSAGES.say("hashtags.the_guide")


def _caps(options: Options, ctx: CheckContext) -> list[tuple[int, str]]:
    caps: list[tuple[int, str]] = [(options.max, _THE_GUIDE)] if options.max is not None else []
    for profile in targeted_profiles(ctx.channels, options.profiles, options.default_channels):
        if profile.max_hashtags is not None:
            caps.append((profile.max_hashtags, profile.label))
    return caps


def _known_spelling(body: str, known: dict[str, str]) -> tuple[str, str] | None:
    """(the guide's spelling, why) for a hashtag that spells a `known` one differently: "accents"
    when it lacks accents the guide's spelling has (in any case), "case" when it is in lower case.
    The writer's own accents are kept: a known spelling never takes one away."""
    spelled = known.get(_key(body))
    if spelled is None:
        return None
    target = spelled.lstrip("#")
    if len(target) == len(body):  # keep the accents the writer typed where the guide has none
        target = "".join(
            (b.upper() if t.isupper() else b.lower()) if strip_accents(b).lower() == t.lower() else t
            for t, b in zip(target, body)
        )
    if target == body:
        return None
    if strip_accents(target).casefold() == strip_accents(body).casefold() and target.casefold() != body.casefold():
        return "#" + target, "accents"
    return ("#" + target, "case") if body == body.lower() else None  # capitals: the author chose a casing


def _camel_case_suggestion(body: str, ctx: CheckContext, known: dict[str, str]) -> tuple[str, bool, str] | None:
    """(suggested hashtag, from the guide?, message id) for a known hashtag spelled otherwise, or
    an all-lower-case multi-word hashtag."""
    spelling = _known_spelling(body, known)
    if spelling is not None:
        spelled, why = spelling
        return spelled, True, "hashtags.known_accents" if why == "accents" else "hashtags.camel_case"
    if body != body.lower() or _key(body) in known:
        return None  # already has capitals: the author chose a casing
    parts = best_split(body, (ctx.lang,), _guide_words(tuple(known.values()), ctx.accepted_words))
    return ("#" + camel_case(parts), False, "hashtags.camel_case") if parts else None


_CAMEL_PARTS = regex.compile(r"\p{Lu}+(?=\p{Lu}\p{Ll})|\p{Lu}?\p{Ll}+|\p{Lu}+|[^\p{L}]+")


def _writes_accents(lang: str) -> bool:
    """Whether the text's language writes accented letters of its own (French, German; not English)."""
    pack = pack_for(lang)
    return bool(pack and pack.marks)


def _accented(body: str, lang: str) -> tuple[str, str] | None:
    """(the hashtag with its words' accents, the first word that takes them) for a hashtag of one
    word or in CamelCase ("#ecologie", "#EnergiesRenouvelables"); None when no word needs one."""
    parts = _CAMEL_PARTS.findall(body)
    if "".join(parts) != body or (body == body.lower() and len(parts) > 1):
        return None
    fixed, first = [], None
    for part in parts:
        accented = with_accents(part, lang) if part[:1].isalpha() else None
        fixed.append(accented or part)
        if accented and first is None:
            first = accented.lower()
    return ("#" + "".join(fixed), first) if first else None


@functools.cache
def _guide_words(known: tuple[str, ...], accepted: frozenset[str]) -> frozenset[str]:
    """The guide's own words, which a split may use: the parts of its CamelCase hashtags
    (#HoteliaMoments → hotelia, moments) and its accepted vocabulary."""
    words = {strip_accents(w.casefold()) for tag in known for w in regex.findall(r"\p{Lu}[\p{Ll}\p{N}]*", tag)}
    words |= {strip_accents(w.casefold()) for w in accepted if w.isalpha()}
    return frozenset(w for w in words if len(w) > 1)


def check(ctx: CheckContext, options: Options) -> Iterator[Match]:
    return iter(merged_by_span(_check(ctx, options)))


def _check(ctx: CheckContext, options: Options) -> Iterator[Match]:
    tags = ctx.prose.spans_of("hashtag")
    seen: dict[str, int] = {}
    banned = {_key(t) for t in options.banned}
    known = {_key(k): "#" + k.lstrip("#") for k in options.known}
    for tag in tags:
        key = _key(tag.text)
        if key in banned:
            yield Match(tag.start, tag.end, message=MESSAGES.say("hashtags.banned", tag=tag.text))
        elif options.duplicates and key in seen:
            yield Match(tag.start, tag.end, message=MESSAGES.say("hashtags.duplicate", tag=tag.text), replacements=("",))
        elif options.camel_case:
            suggestion = _camel_case_suggestion(tag.text[1:], ctx, known)
            if suggestion:
                spelled, from_guide, message_id = suggestion
                yield Match(
                    tag.start, tag.end,
                    message=MESSAGES.say(message_id, spelled=spelled, tag=tag.text),
                    replacements=(spelled,), fix_safe=from_guide,
                )
        elif options.accents and key not in known and _writes_accents(ctx.lang):
            accented = _accented(tag.text[1:], ctx.lang)
            if accented:
                spelled, word = accented
                yield Match(tag.start, tag.end, replacements=(spelled,),
                            message=MESSAGES.say("hashtags.accents", word=word, spelled=spelled, tag=tag.text))
        seen.setdefault(key, tag.start)

    caps = _caps(options, ctx) if options.caps else []
    for cap, who in sorted(caps, key=lambda c: (c[0], c[1] == _THE_GUIDE))[:1]:  # the strictest says it
        if len(tags) > cap:
            extra = tags[cap:]
            yield Match(
                extra[0].start, extra[-1].end,
                message=MESSAGES.say("hashtags.too_many", count=len(tags), who=who, cap=cap),
                whole_document=True,
            )

    missing = ["#" + r.lstrip("#") for r in options.required if _key(r) not in seen]
    if missing:
        yield Match(0, len(ctx.text), message=MESSAGES.say("hashtags.missing", tags=Listed(missing), count=len(missing)),
                    whole_document=True)

    if options.buried_disclosure:
        disclosure = {_key(t) for t in DISCLOSURE_TAGS}
        for block in hashtag_blocks(ctx.prose, options.block_size):
            for tag in block:
                if _key(tag.text) in disclosure:
                    yield Match(
                        tag.start, tag.end,
                        message=MESSAGES.say("hashtags.buried_disclosure", tag=tag.text, count=len(block)),
                    )


EXAMPLES = (
    Example("Nos offres d’été #soldes #été #voyage #soldes", expect=("#soldes",), language="fr-FR",
            options={"camel_case": False}, note="duplicate"),
    Example("Summer is here #summersale", expect=("#summersale",)),
    Example("Summer is here #SummerSale", options={"required": ["#SummerSale"]}),
    Example("Bienvenue #hoteliamoments", expect=("#hoteliamoments",), language="fr-FR",
            options={"known": ["#HoteliaMoments"]}),
    Example("Bonne #epiphanie et bonne #Epiphanie !", expect=("#epiphanie", "#Epiphanie"), language="fr-FR",
            options={"known": ["#Épiphanie"], "duplicates": False}, note="the known spelling's accents"),
    Example("Vive l’#écologie", language="fr-FR", options={"known": ["#ecologie"]},
            note="a known spelling never takes an accent away"),
    Example("Transition #ecologie #TransitionEnergetique #climat", expect=("#ecologie", "#TransitionEnergetique"),
            language="fr-FR", options={"accents": True, "camel_case": False}),
    Example("Great trip! #travel #hiking #gear #ad #outdoors", expect=("#ad",), options={"camel_case": False}),
    Example("Sept tags #a1 #b2 #c3 #d4 #e5 #f6 #g7", expect=("#f6 #g7",), language="fr-FR",
            options={"default_channels": ["instagram"], "buried_disclosure": False, "camel_case": False}),
)


KIND = Kind(
    name="hashtags", category="platform", level="warning", options=Options, check=check,
    messages=MESSAGES, examples=EXAMPLES, doc=__doc__,
    sees_links=True,  # findings on links, and about the whole post, which may hold links
)
