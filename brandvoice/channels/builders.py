"""Section builders: turn a guide's `channels`, `hashtags`, `mentions`, `links`, `emoji`,
`disclosure`, `typography` and `inclusive` sections into rules with stable ids.

| id | kind | default level |
| --- | --- | --- |
| `channel.length` / `channel.length.near` | channel_length | error / suggestion |
| `channel.hashtags` / `channel.hashtags.camel-case` | hashtags | warning / suggestion |
| `channel.mentions` / `channel.mentions.never-tag` | mentions | warning / error |
| `channel.links` | links | warning |
| `channel.emoji` | emoji_placement | suggestion |
| `disclosure.fr` / `disclosure.fr.images` / `disclosure.us` | disclosure | error |
| `typography.fr.{nbsp,apostrophe,quotes,currency,ellipsis}` | typography_fr | suggestion |
| `inclusive.fr` / `inclusive.en` | inclusive | warning |
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from brandvoice.channels.profiles import ChannelsSection, resolve_profiles

if TYPE_CHECKING:
    from brandvoice.guides.model import ResolvedGuide, Rule


def _profiles(guide: "ResolvedGuide") -> list:
    return list(resolve_profiles(ChannelsSection.model_validate(guide.section("channels") or {})).values())


def build_channel_rules(guide: "ResolvedGuide") -> Iterator["Rule | None"]:
    from brandvoice.guides.sections import make_rule
    from brandvoice.rules.emoji_placement import EmojiSection
    from brandvoice.rules.hashtags import HashtagsSection
    from brandvoice.rules.links import SHORTENERS, LinksSection
    from brandvoice.rules.mentions import MentionsSection

    profiles = _profiles(guide)
    yield make_rule(guide, "channel.length", "channel_length", {"profiles": profiles},
                    description="The post fits each targeted channel's length limit.")
    yield make_rule(guide, "channel.length.near", "channel_length", {"profiles": profiles, "report": "near"},
                    level="suggestion", description="The post is close to a channel's length limit.")
    hashtags = HashtagsSection.model_validate(guide.section("hashtags") or {})
    yield make_rule(guide, "channel.hashtags", "hashtags",
                    {**hashtags.model_dump(), "camel_case": False, "profiles": profiles})
    if hashtags.camel_case:  # a word-list guess is a suggestion; the guide's `known` spellings too
        yield make_rule(guide, "channel.hashtags.camel-case", "hashtags", {
            "known": hashtags.known, "camel_case": True, "duplicates": False, "buried_disclosure": False,
            "caps": False,
        }, level="suggestion", description="Multi-word hashtags in CamelCase, for screen readers.")
    mentions = MentionsSection.model_validate(guide.section("mentions") or {})
    if mentions.official:
        yield make_rule(guide, "channel.mentions", "mentions", {"official": mentions.official})
    if mentions.never_tag:
        yield make_rule(guide, "channel.mentions.never-tag", "mentions", {"never_tag": mentions.never_tag},
                        level="error", description="Handles the brand never tags.")
    links = LinksSection.model_validate(guide.section("links") or {})
    banned = (list(SHORTENERS) if links.shorteners else []) + links.banned_domains
    yield make_rule(guide, "channel.links", "links", {
        "max": links.max, "banned_domains": banned, "require_utm": links.require_utm, "utm_domains": links.utm_domains,
    })
    emoji = EmojiSection.model_validate(guide.section("emoji") or {})
    yield make_rule(guide, "channel.emoji", "emoji_placement", emoji.model_dump())


def build_disclosure_rules(guide: "ResolvedGuide") -> Iterator["Rule | None"]:
    """One rule per market; each runs only on files whose market (front matter, else guide) is its own."""
    from brandvoice.guides.sections import make_rule
    from brandvoice.rules.disclosure import LAWS, DisclosureSection

    section = DisclosureSection.model_validate(guide.section("disclosure") or {})
    for market in LAWS:
        yield make_rule(guide, f"disclosure.{market.lower()}", "disclosure", {
            "market": market, "default_market": section.market,
            "partners": section.partners, "accepted": section.accepted,
        }, description=f"Sponsored posts carry the disclosure {market} law requires.")
    yield make_rule(guide, "disclosure.fr.images", "disclosure", {
        "market": "FR", "default_market": section.market, "partners": section.partners,
        "accepted": section.accepted, "check": "images",
    }, description="Sponsored posts with retouched or generated images say so (FR).")


def build_typography_rules(guide: "ResolvedGuide") -> Iterator["Rule | None"]:
    from brandvoice.guides.sections import make_rule
    from brandvoice.rules.typography_fr import TypographySection

    section = TypographySection.model_validate(guide.section("typography") or {})
    profiles = _profiles(guide)
    wanted = {"nbsp": section.nbsp != "off", "apostrophe": section.apostrophe, "quotes": section.quotes,
              "currency": section.currency, "ellipsis": section.ellipsis}
    for check, enabled in wanted.items():
        if enabled:
            yield make_rule(guide, f"typography.fr.{check}", "typography_fr", {
                "checks": [check], "nbsp": section.nbsp, "locale": section.locale, "profiles": profiles,
            })


def build_inclusive_rules(guide: "ResolvedGuide") -> Iterator["Rule | None"]:
    from brandvoice.guides.sections import make_rule
    from brandvoice.rules.inclusive import EnglishInclusive, InclusiveSection

    section = InclusiveSection.model_validate(guide.section("inclusive") or {})
    if section.french != "off":
        yield make_rule(guide, "inclusive.fr", "inclusive", {"lang": "fr", "policy": section.french},
                        description=f"French inclusive writing policy: {section.french}.")
    english = section.english
    if english is True:
        english = EnglishInclusive()
    if english:
        yield make_rule(guide, "inclusive.en", "inclusive", {"lang": "en", **english.model_dump()},
                        description="Gender-neutral and inclusive English terms.")


