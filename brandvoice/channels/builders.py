"""The guide sections of channel fitness — `channels`, `hashtags`, `mentions`, `links`, `emoji` —
and the rules they build, with stable ids:

| id | kind | default level |
| --- | --- | --- |
| `channel.length` / `channel.length.near` | channel_length | error / suggestion |
| `channel.hashtags` / `channel.hashtags.camel-case` / `channel.hashtags.accents` | hashtags | warning / suggestion / suggestion |
| `channel.mentions` / `channel.mentions.never-tag` | mentions | warning / error |
| `channel.links` | links | warning |
| `channel.emoji` | emoji_placement | suggestion |

Every channel rule sees the channel profiles the guide resolves (`channels:` over the shipped ones).
"""

from __future__ import annotations

from collections.abc import Iterator

from pydantic import BaseModel

from brandvoice.channels.profiles import ChannelsSection, guide_profiles
from brandvoice.guides.factory import RuleFactory
from brandvoice.guides.model import Rule, Section
from brandvoice.rules.emoji_placement import EmojiSection
from brandvoice.rules.hashtags import HashtagsSection
from brandvoice.rules.links import SHORTENERS, LinksSection
from brandvoice.rules.mentions import MentionsSection


def build_length_rules(guide: BaseModel, factory: RuleFactory) -> Iterator[Rule | None]:
    profiles = guide_profiles(guide)
    yield factory.rule("channel.length", "channel_length", {"profiles": profiles},
                       description="The post fits each targeted channel's length limit.")
    yield factory.rule("channel.length.near", "channel_length", {"profiles": profiles, "report": "near"},
                       level="suggestion", description="The post is close to a channel's length limit.")


def build_hashtag_rules(guide: BaseModel, factory: RuleFactory) -> Iterator[Rule | None]:
    hashtags: HashtagsSection = guide.hashtags
    yield factory.rule("channel.hashtags", "hashtags",
                       {**hashtags.model_dump(), "camel_case": False, "accents": False, "profiles": guide_profiles(guide)})
    if hashtags.camel_case:  # a word-list guess is a suggestion; the guide's `known` spellings too
        yield factory.rule("channel.hashtags.camel-case", "hashtags", {
            "known": hashtags.known, "camel_case": True, "duplicates": False, "buried_disclosure": False,
            "caps": False,
        }, level="suggestion", description="Multi-word hashtags in CamelCase, for screen readers.")
    if hashtags.accents:  # a dictionary's guess: a suggestion, never a safe fix (a hashtag is the brand's choice)
        yield factory.rule("channel.hashtags.accents", "hashtags", {
            "known": hashtags.known, "accents": True, "camel_case": False, "duplicates": False,
            "buried_disclosure": False, "caps": False,
        }, level="suggestion", description="The accents a hashtag's words take.")


def build_mention_rules(guide: BaseModel, factory: RuleFactory) -> Iterator[Rule | None]:
    mentions: MentionsSection = guide.mentions
    if mentions.official:
        yield factory.rule("channel.mentions", "mentions", {"official": mentions.official})
    if mentions.never_tag:
        yield factory.rule("channel.mentions.never-tag", "mentions", {"never_tag": mentions.never_tag},
                           level="error", description="Handles the brand never tags.")


def build_link_rules(guide: BaseModel, factory: RuleFactory) -> Iterator[Rule | None]:
    links: LinksSection = guide.links
    banned = (list(SHORTENERS) if links.shorteners else []) + links.banned_domains
    yield factory.rule("channel.links", "links", {
        "max": links.max, "banned_domains": banned, "require_utm": links.require_utm, "utm_domains": links.utm_domains,
    })


def build_emoji_rules(guide: BaseModel, factory: RuleFactory) -> Iterator[Rule | None]:
    yield factory.rule("channel.emoji", "emoji_placement", guide.emoji.model_dump())


CHANNELS = Section("channels", ChannelsSection, build_length_rules,
                   description="Channel profiles: override shipped ones, add new ones.")
HASHTAGS = Section("hashtags", HashtagsSection, build_hashtag_rules, description="Hashtag rules.")
MENTIONS = Section("mentions", MentionsSection, build_mention_rules, description="Official and never-tag handles.")
LINKS = Section("links", LinksSection, build_link_rules, description="Link count, shorteners, UTM parameters.")
EMOJI = Section("emoji", EmojiSection, build_emoji_rules, description="Emoji placement.")
