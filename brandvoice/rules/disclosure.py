"""disclosure: a sponsored post must say so, the way its market's law requires.

A post is sponsored when its front matter says `sponsored: true`, when it mentions one of the
guide's `partners`, or when it already carries a disclosure. The market comes from front matter
`market:` or the guide (`disclosure: {market: FR}`); each rule checks one market.

- **FR** — loi n° 2023-451 du 9 juin 2023, art. 5 (as amended by ordonnance n° 2024-978 du
  6 novembre 2024): the words « Publicité » or « Collaboration commerciale » (or an equivalent
  the guide `accepted`), clear and identifiable; « Images retouchées » when front matter says
  `image: retouched`, « Images virtuelles » for `image: generated` (or `virtual`).
- **US** — FTC Endorsement Guides (16 CFR Part 255) and "Disclosures 101 for Social Media
  Influencers": "#ad", "#sponsored", "Advertisement" or "Paid partnership" within the first 125
  characters (what shows before "more"), not only in a trailing block of hashtags.

Ambiguous tags ("#sp", "#spon", "#partner", "#collab", "#sponso") mark a post as sponsored and,
alone, are reported as insufficient, like "thanks @brand" in a sponsored post.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

import regex
from pydantic import BaseModel, ConfigDict, Field

from brandvoice.channels.counting import graphemes
from brandvoice.channels.targets import hashtag_blocks, in_blocks, merged_by_span
from brandvoice.findings import Match
from brandvoice.guides.factory import RuleFactory
from brandvoice.guides.model import Rule, Section
from brandvoice.messages import Messages
from brandvoice.rules.base import CheckContext, Example, Kind, RuleOptions
from brandvoice.rules.words import compile_phrases

MESSAGES = Messages({
    "disclosure.default": "Sponsored content must be disclosed.",
    "disclosure.too_late": "“{found}” comes after the first {window} characters, hidden behind “more”: disclose at "
    "the start ({citation}).",
    "disclosure.buried": "“{found}” is lost in a block of hashtags: state it clearly, apart ({citation}).",
    "disclosure.unclear": "“{found}” is not a clear disclosure: write {wanted} ({citation}).",
    "disclosure.missing": "Sponsored post without {wanted} ({citation}).",
    "disclosure.images": "The image is {image}: add « {words} » ({citation}, III).",
    "disclosure.citation.fr": "loi n° 2023-451 du 9 juin 2023, art. 5, mod. ordonnance n° 2024-978 du 6 novembre 2024",
    "disclosure.wanted.fr": "« Publicité » or « Collaboration commerciale »",
    "disclosure.citation.us": "FTC Endorsement Guides, 16 CFR Part 255; FTC, Disclosures 101 for Social Media Influencers",
    "disclosure.wanted.us": '"#ad", "#sponsored" or "Paid partnership"',
})

Market = Literal["FR", "US"]


@dataclass(frozen=True)
class MarketLaw:
    citation: str  # the texts that require the disclosure
    valid: regex.Pattern
    insufficient: regex.Pattern
    wanted: str  # the wordings they accept
    window: int | None  # the disclosure must start within this many characters


_F = regex.IGNORECASE | regex.V1
LAWS: dict[str, MarketLaw] = {
    "FR": MarketLaw(
        citation=MESSAGES.say("disclosure.citation.fr"),
        valid=regex.compile(r"(?<![\w#])#?publicit[ée](?!\w)|(?<![\w#])#?collaboration[ _]?commerciale(?!\w)", _F),
        insufficient=regex.compile(
            r"(?<![\w#])#(?:sponso\w*|sp|spon|partenariat\w*|partenaire\w*|collab\w*|pub|ad|partner)(?!\w)"
            r"|(?<!\w)(?:sponsoris[ée]e?s?|en partenariat avec|merci (?:à )?@\w+)", _F),
        wanted=MESSAGES.say("disclosure.wanted.fr"),
        window=None,
    ),
    "US": MarketLaw(
        citation=MESSAGES.say("disclosure.citation.us"),
        valid=regex.compile(
            r"(?<![\w#])#(?:ad|advertisement|sponsored)(?!\w)"
            r"|(?<![\w#])(?:advertisement|sponsored|paid (?:partnership|ad))(?!\w)|(?<![\w#])ad:", _F),
        insufficient=regex.compile(
            r"(?<![\w#])#(?:sp|spon|sponsor|partner|collab|ambassador|thanks)(?!\w)"
            r"|(?<!\w)thanks?(?: you)?,? @\w+", _F),
        wanted=MESSAGES.say("disclosure.wanted.us"),
        window=125,
    ),
}

IMAGE_MENTIONS = {
    "retouched": ("Images retouchées", regex.compile(r"images? retouchées?", _F)),
    "generated": ("Images virtuelles", regex.compile(r"images? virtuelles?", _F)),
}
IMAGE_MENTIONS["virtual"] = IMAGE_MENTIONS["generated"]


class DisclosureSection(BaseModel):
    """Guide section `disclosure:`."""

    model_config = ConfigDict(extra="forbid")

    market: Market | None = Field(None, description="Whose law applies: FR or US (front matter `market:` wins).")
    partners: list[str] = Field(default_factory=list, description="Brands (names or @handles) that pay the brand.")
    accepted: list[str] = Field(default_factory=list, description="More wordings accepted as a disclosure.")


class Options(RuleOptions):
    market: Market
    default_market: str | None = None  # the guide's market; front matter `market:` wins
    partners: tuple[str, ...] = ()
    accepted: tuple[str, ...] = ()
    block_size: int = 3
    check: Literal["mention", "images"] = "mention"  # FR: the « Images retouchées » mention is its own rule


def _effective_market(ctx: CheckContext, options: Options) -> str | None:
    market = ctx.front_matter.get("market") or options.default_market
    return str(market).upper() if market else None


def _valid_markers(ctx: CheckContext, law: MarketLaw, options: Options) -> list[tuple[int, int]]:
    spans = [m.span() for m in law.valid.finditer(ctx.text)]
    extra = options.compiled("accepted", lambda: compile_phrases(options.accepted)) if options.accepted else None
    if extra is not None:
        spans += [m.span() for m in extra.finditer(ctx.text)]
    return sorted(spans)


def _sponsored(ctx: CheckContext, options: Options, markers: list, law: MarketLaw) -> bool:
    """Front matter says so, a disclosure or an ambiguous sponsorship tag (#sp, #collab…) is there,
    or a partner is mentioned. A bare "thanks @x" alone does not make a post sponsored."""
    if ctx.front_matter.get("sponsored") is True or markers:
        return True
    if any(m.group().startswith("#") for m in law.insufficient.finditer(ctx.text)):
        return True
    partners = options.compiled("partners", lambda: compile_phrases(options.partners)) if options.partners else None
    return bool(partners and partners.search(ctx.text))


def check(ctx: CheckContext, options: Options) -> Iterator[Match]:
    return iter(merged_by_span(_check(ctx, options)))


def _check(ctx: CheckContext, options: Options) -> Iterator[Match]:
    if _effective_market(ctx, options) != options.market:
        return
    law = LAWS[options.market]
    markers = _valid_markers(ctx, law, options)
    if not _sponsored(ctx, options, markers, law):
        return
    if options.check == "images":
        yield from _images(ctx, law)
        return
    blocks = hashtag_blocks(ctx.prose, options.block_size)
    visible = [(s, e) for s, e in markers if not in_blocks(s, blocks)]
    lead = len(ctx.text) - len(ctx.text.lstrip())
    timely = [(s, e) for s, e in visible if law.window is None or graphemes(ctx.text[lead:s]) < law.window]

    if not timely:
        if visible:  # US: present, but after the cut
            s, e = visible[0]
            yield Match(s, e, message=MESSAGES.say("disclosure.too_late", found=ctx.text[s:e], window=law.window,
                                                 citation=law.citation))
        elif markers:
            s, e = markers[0]
            yield Match(s, e, message=MESSAGES.say("disclosure.buried", found=ctx.text[s:e], citation=law.citation))
        else:
            weak = list(law.insufficient.finditer(ctx.text))
            for m in weak:
                yield Match(m.start(), m.end(), message=MESSAGES.say("disclosure.unclear", found=m.group(),
                                                                   wanted=law.wanted, citation=law.citation))
            if not weak:
                yield Match(0, len(ctx.text), message=MESSAGES.say("disclosure.missing", wanted=law.wanted,
                                                                 citation=law.citation), whole_document=True)


def _images(ctx: CheckContext, law: MarketLaw) -> Iterator[Match]:
    kind = str(ctx.front_matter.get("image", "")).lower()
    if law is LAWS["FR"] and kind in IMAGE_MENTIONS:
        words, pattern = IMAGE_MENTIONS[kind]
        if not pattern.search(ctx.text):
            yield Match(0, len(ctx.text), message=MESSAGES.say("disclosure.images", image=kind, words=words,
                                                             citation=law.citation), whole_document=True)


EXAMPLES = (
    Example("Merci @marque pour ce séjour de rêve ! #sponso", expect=("Merci @marque", "#sponso"),
            options={"market": "FR", "default_market": "FR", "partners": ["@marque"]}, language="fr-FR"),
    Example("Collaboration commerciale avec @marque : un séjour de rêve !",
            options={"market": "FR", "default_market": "FR", "partners": ["@marque"]}, language="fr-FR"),
    Example("Loving my new boots from @trailco, perfect for the Alps. They kept my feet dry through three days "
            "of rain and snow on the Haute Route. #hiking #gear #ad #outdoors", expect=("#ad",),
            options={"market": "US", "default_market": "US", "partners": ["@trailco"]}),
    Example("#ad Loving my new boots from @trailco, perfect for the Alps.",
            options={"market": "US", "default_market": "US", "partners": ["@trailco"]}),
    Example("Thanks @trailco for the boots!", expect=("Thanks @trailco",),
            options={"market": "US", "default_market": "US", "partners": ["@trailco"]}),
)


KIND = Kind(
    name="disclosure", category="disclosure", level="error", options=Options, check=check,
    messages=MESSAGES, examples=EXAMPLES, doc=__doc__,
    sees_links=True,  # findings on links, and about the whole post, which may hold links
)


def build_disclosure_rules(guide: BaseModel, factory: RuleFactory) -> Iterator[Rule | None]:
    """The guide's `disclosure:` section: one rule per market (`disclosure.fr`, `disclosure.us`),
    each running only on files whose market (front matter, else guide) is its own, and
    `disclosure.fr.images`."""
    section: DisclosureSection = guide.disclosure
    for market in LAWS:
        yield factory.rule(f"disclosure.{market.lower()}", "disclosure", {
            "market": market, "default_market": section.market,
            "partners": section.partners, "accepted": section.accepted,
        }, description=f"Sponsored posts carry the disclosure {market} law requires.")
    yield factory.rule("disclosure.fr.images", "disclosure", {
        "market": "FR", "default_market": section.market, "partners": section.partners,
        "accepted": section.accepted, "check": "images",
    }, description="Sponsored posts with retouched or generated images say so (FR).")


SECTION = Section("disclosure", DisclosureSection, build_disclosure_rules,
                  description="Sponsored-content disclosure (market, partners).")
