"""typography_fr: French typography, every finding with its exact fix.

- `nbsp`: a no-break space before ; ! ? (the narrow U+202F is what a fix writes; an ordinary
  no-break space U+00A0 is accepted too, as French typography practises it, unless the policy is
  `strict`), a no-break space (U+00A0, or the narrow one) before : and inside « », per locale:
  fr-CA puts no space before ; ! ?, fr-CH accepts none or a narrow one;
- `apostrophe`: ’ rather than ' inside words (l’hôtel);
- `quotes`: « » rather than "";
- `currency`: the euro sign after the amount, with a no-break space (20 €, not 20€ or €20);
- `ellipsis`: … rather than three dots.

The `nbsp` policy (`require`, `strict`, `plain-space`, `off`) comes from the guide and from each targeted
channel's profile, since some apps render U+202F badly: `plain-space` asks for ordinary spaces
where French wants one. When a post targets channels with different policies, any of their
spacings is accepted. Only French texts are checked; URLs, mentions, hashtags and the medium's
conventions (`RT @user:`, emoticons such as `;-)`, HTML entities such as `&amp;`) are skipped.
Every match is `fix_safe` with exactly one replacement.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

import regex
from pydantic import BaseModel, ConfigDict, Field

from brandvoice.channels.profiles import ChannelProfile, NbspPolicy, guide_profiles
from brandvoice.channels.targets import targeted_profiles
from brandvoice.findings import Match
from brandvoice.guides.factory import RuleFactory
from brandvoice.guides.model import Rule, Section
from brandvoice.messages import Messages
from brandvoice.parsing.social import NOT_PROSE
from brandvoice.rules.base import CheckContext, Example, Kind, RuleOptions

MESSAGES = Messages({
    "typography_fr.default": "French typography: {match}.",
    "typography_fr.space_before": "Put {space} before “{mark}”.",
    "typography_fr.space_before_instead": "Put {space} before “{mark}”, not {current}.",
    "typography_fr.space_after": "Put {space} after “{mark}”.",
    "typography_fr.no_space_before": "Remove {current} before “{mark}”.",
    "typography_fr.space.nbsp": "a no-break space",
    "typography_fr.space.narrow": "a narrow no-break space",
    "typography_fr.space.space": "a space",
    "typography_fr.space.none": "no space",
    "typography_fr.space.other": "this spacing",
    "typography_fr.apostrophe": "Use the typographic apostrophe ’.",
    "typography_fr.quotes": "Use French quotation marks « ».",
    "typography_fr.euro_space": "Put a no-break space between the amount and “€”.",
    "typography_fr.euro_after": "In French the euro sign follows the amount.",
    "typography_fr.ellipsis": "Use the ellipsis character “…”.",
})

NBSP, NNBSP = "\u00a0", "\u202f"
Check = Literal["nbsp", "apostrophe", "quotes", "currency", "ellipsis"]
ALL_CHECKS: tuple[Check, ...] = ("nbsp", "apostrophe", "quotes", "currency", "ellipsis")

# LanguageTool rules that report the same spaces: turned off when the nbsp check runs
COVERS_LANGUAGETOOL_RULES = frozenset({"FRENCH_WHITESPACE", "FRENCH_WHITESPACE_STRICT"})

# What each locale puts before ; ! ? (high), before : (colon) and inside « » (guillemets).
Spacing = Literal["narrow", "nbsp", "none", "narrow-or-none"]


@dataclass(frozen=True)
class LocaleSpacing:
    high: Spacing
    colon: Spacing
    guillemets: Spacing


LOCALES = {
    "fr-FR": LocaleSpacing(high="narrow", colon="nbsp", guillemets="nbsp"),
    "fr-BE": LocaleSpacing(high="narrow", colon="nbsp", guillemets="nbsp"),
    "fr-CA": LocaleSpacing(high="none", colon="nbsp", guillemets="nbsp"),  # OQLF: no space before ; ! ?
    "fr-CH": LocaleSpacing(high="narrow-or-none", colon="nbsp", guillemets="narrow-or-none"),
}

_SPACE_NAMES = {NBSP: "nbsp", NNBSP: "narrow", " ": "space", "": "none"}


def _space(whitespace: str, other: str = "other") -> str:
    """The name of a spacing, as messages say it ("a narrow no-break space")."""
    return MESSAGES.say(f"typography_fr.space.{_SPACE_NAMES.get(whitespace, other)}")


def _accepted(spacing: Spacing, policy: NbspPolicy) -> tuple[frozenset[str], str]:
    """(accepted whitespace runs, the fix) for one spacing under one policy."""
    if policy == "off":
        return frozenset({"", " ", NBSP, NNBSP}), ""
    if policy == "plain-space":
        if spacing == "none":
            return frozenset({""}), ""
        if spacing == "narrow-or-none":
            return frozenset({"", " "}), " "
        return frozenset({" "}), " "
    # both no-break spaces are correct French before ; ! ? in practice: `strict` asks for the narrow one
    narrow = frozenset({NNBSP}) if policy == "strict" else frozenset({NNBSP, NBSP})
    return {
        "narrow": (narrow, NNBSP),
        "nbsp": (frozenset({NBSP, NNBSP}), NBSP),
        "none": (frozenset({""}), ""),
        "narrow-or-none": (narrow | {""}, NNBSP),
    }[spacing]


class TypographySection(BaseModel):
    """Guide section `typography:` (French texts)."""

    model_config = ConfigDict(extra="forbid")

    nbsp: NbspPolicy = Field("require", description="No-break spaces: require, strict, plain-space or off.")
    locale: Literal["fr-FR", "fr-BE", "fr-CA", "fr-CH"] | None = Field(
        None, description="Spacing conventions; default: the text's language.")
    apostrophe: bool = True
    quotes: bool = True
    currency: bool = True
    ellipsis: bool = True


class Options(RuleOptions):
    checks: tuple[Check, ...] = ALL_CHECKS
    nbsp: NbspPolicy = "require"
    locale: Literal["fr-FR", "fr-BE", "fr-CA", "fr-CH"] | None = None  # None: the text's language
    profiles: tuple[ChannelProfile, ...] = ()
    default_channels: tuple[str, ...] = ()


def covers_languagetool(options: Options) -> frozenset[str]:
    return COVERS_LANGUAGETOOL_RULES if "nbsp" in options.checks and options.nbsp != "off" else frozenset()


def _policies(ctx: CheckContext, options: Options) -> tuple[NbspPolicy, ...]:
    """The no-break-space policies of the channels a text targets (worked out once per rule and
    set of channels)."""
    return options.compiled(("policies", ctx.channels), lambda: _channel_policies(ctx.channels, options))


def _channel_policies(channels: tuple[str, ...], options: Options) -> tuple[NbspPolicy, ...]:
    found = [p.nbsp for p in targeted_profiles(channels, options.profiles, options.default_channels) if p.nbsp]
    return tuple(dict.fromkeys(found)) or (options.nbsp,)


@functools.cache
def _rule(spacing: Spacing, policies: tuple[NbspPolicy, ...]) -> tuple[frozenset[str], str]:
    accepted: frozenset[str] = frozenset()
    for policy in policies:
        accepted |= _accepted(spacing, policy)[0]
    return accepted, _accepted(spacing, policies[0])[1]


_SPACES = " \t\u00a0\u202f\u2009"
_SPACE_AHEAD = regex.compile(r"[ \t\u00a0\u202f\u2009]*")
_PUNCT = regex.compile(r"[;:!?]")
_OPENING_GUILLEMET = regex.compile("«")
_CLOSING_GUILLEMET = regex.compile("»")


def _spaces_before(text: str, pos: int) -> str:
    """The run of spaces just before `pos` (looked up backwards: linear over a whole text)."""
    start = pos
    while start > 0 and text[start - 1] in _SPACES:
        start -= 1
    return text[start:pos]


def _skipped(ctx: CheckContext, start: int, end: int) -> bool:
    return ctx.prose.overlaps(start, end, NOT_PROSE)


def _nbsp(ctx: CheckContext, locale: LocaleSpacing, policies: tuple[NbspPolicy, ...]) -> Iterator[Match]:
    text = ctx.text
    for m in _PUNCT.finditer(text):
        pos, mark = m.start(), m.group()
        ws = _spaces_before(text, pos)
        prev = text[pos - len(ws) - 1 : pos - len(ws)] if pos > len(ws) else ""
        if not prev or prev in "\n;:!?([" or _skipped(ctx, pos, pos + 1):
            continue  # line start, the second mark of "?!", "(?)"
        nxt = text[pos + 1 : pos + 2]
        if mark == ":" and (prev.isdigit() and nxt.isdigit() or nxt == "/"):
            continue  # 12:30, scheme separators
        accepted, fix = _rule(locale.colon if mark == ":" else locale.high, policies)
        if ws in accepted:
            continue
        start = pos - len(ws)
        if ws and not fix:
            message = MESSAGES.say("typography_fr.no_space_before", mark=mark, current=_space(ws))
        elif ws:
            message = MESSAGES.say("typography_fr.space_before_instead", space=_space(fix, "space"), mark=mark,
                                 current=_space(ws))
        else:
            message = MESSAGES.say("typography_fr.space_before", space=_space(fix, "space"), mark=mark)
        yield Match(start, pos + 1, message=message, replacements=(fix + mark,), fix_safe=True)
    accepted, fix = _rule(locale.guillemets, policies)
    for m in _OPENING_GUILLEMET.finditer(text):
        ws = _SPACE_AHEAD.match(text, m.end()).group()
        if ws not in accepted and m.end() + len(ws) < len(text):
            message = MESSAGES.say("typography_fr.space_after", space=_space(fix), mark="«")
            yield Match(m.start(), m.end() + len(ws), message=message,
                        replacements=("«" + fix,), fix_safe=True)
    for m in _CLOSING_GUILLEMET.finditer(text):
        ws = _spaces_before(text, m.start())
        if ws not in accepted and m.start() - len(ws) > 0:
            message = MESSAGES.say("typography_fr.space_before", space=_space(fix), mark="»")
            yield Match(m.start() - len(ws), m.end(), message=message,
                        replacements=(fix + "»",), fix_safe=True)


_APOSTROPHE = regex.compile(r"(?<=\p{L})'(?=\p{L})")
_STRAIGHT_QUOTES = regex.compile(r'"([^"\n]{1,300})"')
_AMOUNT_BEFORE_EURO = regex.compile(r"(?<=\d)([ \u00a0\u202f]?)€")
_EURO_BEFORE_AMOUNT = regex.compile(r"(?<![\d\p{L}])€[ \u00a0\u202f]?(\d{1,3}(?:[ \u00a0\u202f]\d{3})*|\d+)(?:([.,])(\d{1,2}))?(?![\d.,]\d)")
_THREE_DOTS = regex.compile(r"(?<!\.)\.\.\.(?!\.)")


def _euro_space(policies: tuple[NbspPolicy, ...]) -> tuple[frozenset[str], str]:
    return _rule("nbsp", policies)


def check(ctx: CheckContext, options: Options) -> Iterator[Match]:
    if ctx.lang != "fr":
        return
    yield from sorted(_matches(ctx, options), key=lambda m: (m.start, m.end))


def _matches(ctx: CheckContext, options: Options) -> Iterator[Match]:
    locale = LOCALES.get(options.locale or ctx.language, LOCALES["fr-FR"])
    policies = _policies(ctx, options)
    text = ctx.text
    if "nbsp" in options.checks:
        yield from _nbsp(ctx, locale, policies)
    if "apostrophe" in options.checks:
        for m in _APOSTROPHE.finditer(text):
            if not _skipped(ctx, m.start(), m.end()):
                yield Match(m.start(), m.end(), message=MESSAGES.say("typography_fr.apostrophe"), replacements=("’",), fix_safe=True)
    if "quotes" in options.checks:
        _, inner_space = _rule(locale.guillemets, policies)
        inner_space = inner_space or (" " if "off" in policies else inner_space)
        for m in _STRAIGHT_QUOTES.finditer(text):
            if not _skipped(ctx, m.start(), m.end()):
                quoted = m.group(1).strip()
                yield Match(m.start(), m.end(), message=MESSAGES.say("typography_fr.quotes"),
                            replacements=(f"«{inner_space}{quoted}{inner_space}»",), fix_safe=True)
    if "currency" in options.checks:
        accepted, fix = _euro_space(policies)
        fix = fix or NBSP
        for m in _AMOUNT_BEFORE_EURO.finditer(text):
            if m.group(1) not in accepted:
                yield Match(m.start(), m.end(), message=MESSAGES.say("typography_fr.euro_space"),
                            replacements=(fix + "€",), fix_safe=True)
        for m in _EURO_BEFORE_AMOUNT.finditer(text):
            amount = m.group(1) + (f",{m.group(3)}" if m.group(3) else "")
            yield Match(m.start(), m.end(), message=MESSAGES.say("typography_fr.euro_after"),
                        replacements=(f"{amount}{fix}€",), fix_safe=True)
    if "ellipsis" in options.checks:
        for m in _THREE_DOTS.finditer(text):
            if not _skipped(ctx, m.start(), m.end()):
                yield Match(m.start(), m.end(), message=MESSAGES.say("typography_fr.ellipsis"), replacements=("…",), fix_safe=True)


EXAMPLES = (
    Example("Vous venez ? C'est parti !", expect=(" ?", "'", " !"), language="fr-FR",
            note="plain spaces before ? and !, straight apostrophe"),
    Example("Vous venez\u202f? C’est parti\u202f!", language="fr-FR"),
    Example('Le chef dit "bienvenue" à 20€...', expect=('"bienvenue"', "€", "..."), language="fr-FR"),
    Example("Réservez avant 12:30\u00a0: https://hotelia.fr/?a=1 ;-)", language="fr-FR", options={"checks": ["nbsp"]},
            note="times and URLs are not punctuation"),
    Example("Vous venez ?", language="fr-CA", expect=(" ?",), note="fr-CA: no space before ; ! ?"),
    Example("Vous venez ?", language="fr-FR", options={"nbsp": "plain-space"}),
    Example("Vous venez\u00a0? Super\u00a0!", language="fr-FR", note="a no-break space before ! ? is accepted"),
    Example("Vous venez\u00a0?", language="fr-FR", options={"nbsp": "strict"}, expect=("\u00a0?",),
            note="strict: only the narrow no-break space before ; ! ?"),
    Example("RT @user: Merci ! &amp; à bientôt :-) ;-)", language="fr-FR", expect=(" !",),
            note="the retweet colon, an HTML entity and emoticons are conventions, not punctuation"),
    Example("Don't stop!", language="en-US", note="English texts are not checked"),
)


KIND = Kind(
    name="typography_fr", category="typography", level="suggestion", options=Options, check=check,
    messages=MESSAGES, examples=EXAMPLES, doc=__doc__, covers_languagetool=covers_languagetool,
)


def build_typography_rules(guide: BaseModel, factory: RuleFactory) -> Iterator[Rule | None]:
    """The guide's `typography:` section: one rule per check, `typography.fr.<check>`."""
    section: TypographySection = guide.typography
    profiles = guide_profiles(guide)
    wanted = {"nbsp": section.nbsp != "off", "apostrophe": section.apostrophe, "quotes": section.quotes,
              "currency": section.currency, "ellipsis": section.ellipsis}
    for check_name, enabled in wanted.items():
        if enabled:
            yield factory.rule(f"typography.fr.{check_name}", "typography_fr", {
                "checks": [check_name], "nbsp": section.nbsp, "locale": section.locale, "profiles": profiles,
            })


SECTION = Section("typography", TypographySection, build_typography_rules, description="French typography.")
