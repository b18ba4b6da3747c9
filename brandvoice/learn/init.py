"""The starter guide written by `brandvoice guides init`: short, commented, valid as written.

The answers (brand, language and locale, register, channels, market, base guide) fill a YAML text
written line by line, so every section carries a comment that says what it is for. Sections the
installed brandvoice does not know yet are written as comments, so the file always validates.
"""

from __future__ import annotations

import datetime
import json
from dataclasses import dataclass, field
from pathlib import Path

import regex
import yaml

from brandvoice.errors import BrandvoiceError
from brandvoice.language import normalise_language
from brandvoice.languages.packs import PACKS
from brandvoice.learn.analysis import guide_has

LANGUAGES = tuple(PACKS)
DEFAULT_CHANNELS = ("instagram", "linkedin", "x")
NO_BASE = "none"


@dataclass
class InitAnswers:
    name: str
    language: str = "fr"
    locale: str | None = None
    register: str | None = None
    channels: list[str] = field(default_factory=list)
    market: str | None = None
    extends: str | None = None  # a guide name, or NO_BASE
    description: str | None = None

    def __post_init__(self) -> None:
        self.language = self.language.strip().lower()
        pack = PACKS.get(self.language)
        self.locale = self.locale or (pack.default_locale if pack else None)
        self.register = self.register or (registers(self.language) or ("",))[0]
        self.market = (self.market or (pack.default_market if pack else None) or "").upper()
        self.extends = self.extends or f"base-{self.language}"


def registers(language: str) -> tuple[str, ...]:
    """The ways a brand may address its readers in this language (`--register`): French vous/tu,
    English casual/formal (contractions); none when the pack has neither."""
    pack = PACKS.get(language)
    return pack.guide_registers if pack else ()


def guide_slug(name: str) -> str:
    """`Café Lumière` → `cafe-lumiere`: the guide's file name and id."""
    from brandvoice.channels.segment import strip_accents

    return regex.sub(r"[^a-z0-9]+", "-", strip_accents(name).casefold()).strip("-") or "brand"


def known_channels() -> list[str]:
    from brandvoice.channels.profiles import shipped_profiles

    return sorted(shipped_profiles())


def known_markets() -> list[str]:
    from brandvoice.rules.disclosure import LAWS

    return sorted(LAWS)


def parse_channels(value: str | list[str]) -> list[str]:
    items = value if isinstance(value, list) else regex.split(r"[,\s]+", value)
    channels = [c.strip().lower() for c in items if c and c.strip()]
    return [c for c in channels if c not in (NO_BASE, "-")]


def check_answers(answers: InitAnswers, available_guides: dict[str, Path]) -> list[str]:
    """Every problem with the answers, as messages naming the option to fix."""
    problems = []
    if not answers.name.strip():
        problems.append("--name: the brand needs a name")
    if answers.language not in LANGUAGES:
        problems.append(f"--language: “{answers.language}” is not supported (choose from {', '.join(LANGUAGES)})")
        return problems
    try:
        locale = normalise_language(answers.locale or answers.language)
    except BrandvoiceError as exc:
        problems.append(f"--locale: {exc}")
    else:
        if locale.split("-")[0] != answers.language:
            problems.append(
                f"--locale: {locale} is not a {answers.language} locale (e.g. {PACKS[answers.language].default_locale})"
            )
        answers.locale = locale
    choices = registers(answers.language)
    if choices and answers.register not in choices:
        problems.append(f"--register: for {answers.language}, choose from {', '.join(choices)}")
    unknown = [c for c in answers.channels if c not in known_channels()]
    if unknown:
        problems.append(f"--channels: unknown {', '.join(unknown)} (known: {', '.join(known_channels())})")
    if answers.market and answers.market not in known_markets():
        problems.append(f"--market: “{answers.market}” is not known (choose from {', '.join(known_markets())})")
    if answers.extends != NO_BASE and answers.extends not in available_guides:
        problems.append(
            f"--extends: no guide named “{answers.extends}” (known: {', '.join(sorted(available_guides))}, or {NO_BASE})"
        )
    return problems


def _scalar(value: str) -> str:
    """A YAML scalar for `value`: plain when it reads back the same, else double-quoted."""
    plain_ok = (
        value == value.strip()
        and value != ""
        and not regex.search(r"[:#\[\]{},&*!|>'\"%@`]|^[-?]", value)
        and yaml.safe_load(value) == value
    )
    return value if plain_ok else json.dumps(value, ensure_ascii=False)


def _flow_list(values: list[str]) -> str:
    return "[" + ", ".join(_scalar(v) for v in values) + "]"


def _section(key: str, lines: list[str]) -> list[str]:
    """The section's lines, commented out when this brandvoice does not know the section."""
    if guide_has((key,)):
        return lines
    return [f"# (needs a brandvoice with the `{key}:` section)"] + ["# " + line if line else "#" for line in lines]


def render_guide(answers: InitAnswers, path: Path) -> str:
    name = answers.name.strip()
    french = answers.language == "fr"
    today = datetime.date.today().isoformat()
    out: list[str] = [
        f"# {name}: brandvoice style guide, started with `brandvoice guides init` on {today}.",
        f"# Check it:           brandvoice guides validate {path}",
        f"# Learn from posts:   brandvoice learn approved-posts/ --brand {path}   (then --write)",
        "# Reference of every section and rule kind: brandvoice guides schema, brandvoice rules.",
        f"name: {_scalar(name)}",
    ]
    if answers.extends != NO_BASE:
        out.append(f"extends: {_scalar(answers.extends)}   # rules shared by the agency's {answers.language} brands")
    out += [
        f"language: {answers.locale}",
        f"description: {_scalar(answers.description or _default_description(answers))}",
        "",
    ]
    out += _section("names", [
        "# The brand's names (and its products'), exactly as written: every other writing of them (case,",
        "# accents, spaces, hyphens, singular/plural, in a hashtag or a mention) is flagged, with this",
        "# form as a safe fix. Names are never misspellings.",
        f"names: {_flow_list([name])}",
    ])
    out += [
        "",
        "# Words never flagged as misspellings (product and place names, campaign words), and words",
        "# the brand never uses. `brandvoice learn` proposes names and words from approved posts.",
        "vocabulary:",
        f"  accept: {'[]' if guide_has(('names',)) else _flow_list([name])}",
        "  reject: []",
        "",
        "# Preferred terms: write `use`, never a `not` variant.",
        "terms: []",
        "",
    ]
    out += _voice_lines(answers)
    out += _section("channels", _channel_lines(answers))
    out.append("")
    if answers.market:
        out += _section("disclosure", [
            "# Sponsored posts must carry the disclosure this market's law requires",
            "# (FR: loi 2023-451 « Publicité » / « Collaboration commerciale »; US: FTC #ad).",
            "disclosure:",
            f"  market: {answers.market}",
            "  partners: []    # brands that pay for posts: mentioning one makes a post sponsored",
        ])
        out.append("")
    out += _section("hashtags", [
        "# Campaign hashtags every post carries, the brand's own spelled in CamelCase, and a cap.",
        "hashtags:",
        "  required: []",
        "  known: []      # e.g. [\"#" + regex.sub(r"[^\p{L}\p{N}]", "", name) + "\"]",
        "  banned: []",
    ])
    out.append("")
    out += _section("mentions", [
        "# The brand's official handles (exact spelling) and handles never to tag.",
        "mentions:",
        "  official: []",
        "  never_tag: []",
    ])
    out += [
        "",
        "# Brand rules: each one a rule kind with its options (see `brandvoice rules`), e.g.",
        "#   superlatives:",
        "#     kind: existence",
        "#     tokens: [incroyable, exceptionnel]" if french else "#     tokens: [amazing, revolutionary]",
        "#     level: warning",
        "rules: {}",
        "",
        "# A level (error, warning, suggestion or off) per rule id or id prefix, e.g. `typography.fr: off`.",
        "levels: {}",
    ]
    return "\n".join(out) + "\n"


def _default_description(answers: InitAnswers) -> str:
    if answers.language == "fr":
        return f"Voix de {answers.name.strip()} : on {'vouvoie' if answers.register == 'vous' else 'tutoie'} nos lecteurs."
    if not answers.register:
        return f"{answers.name.strip()}'s voice: clear and friendly."
    return f"{answers.name.strip()}'s voice: {answers.register}, clear and friendly."


def _voice_lines(answers: InitAnswers) -> list[str]:
    """The register as the voice section says it: tu/vous words, or English contractions."""
    pack = PACKS[answers.language]
    if not answers.register:
        return []
    if pack.register is not None:
        lines = [
            f"# How the brand addresses its readers: `{answers.register}` (the other form is flagged).",
            "voice:",
            f"  register: {answers.register}",
        ]
    else:  # casual or formal: contractions
        contractions = "required" if answers.register == "casual" else "forbidden"
        lines = [
            f"# A {answers.register} voice: contractions are {contractions} (“do not” vs “don’t”).",
            "voice:",
            f"  contractions: {contractions}",
        ]
    return _section("voice", lines) + [""]


def _channel_lines(answers: InitAnswers) -> list[str]:
    lines = [
        "# Channels the brand publishes on. A draft names its channel with `--channel x` or front",
        "# matter `channel: x`; each entry may override the shipped profile (max_length, max_hashtags,",
        "# nbsp...), and new channels need a max_length.",
    ]
    if not answers.channels:
        return lines + ["channels: {}"]
    return lines + ["channels:"] + [f"  {c}: {{}}" for c in answers.channels]


def write_guide(path: Path, text: str, force: bool = False) -> None:
    if path.exists() and not force:
        raise BrandvoiceError(f"{path} already exists (use --force to replace it)")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
