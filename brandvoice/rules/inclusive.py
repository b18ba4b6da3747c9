"""inclusive: the brand's policy on inclusive writing.

French (`language: fr`), with `policy`:
- `forbid`: flag abbreviated inclusive forms (client·e·s, client.e.s, client-e-s, client(e)s) and
  neologisms (iel, celleux, toustes), suggesting doublets;
- `point_median`: accept them, but written with the median point: client.e.s → client·e·s
  (a safe fix);
- `doublets`: write both forms in full: « les client·e·s » → « les clientes et les clients »;
- `off`: no check.

English (`language: en`): a lexicon of gendered or exclusionary terms with neutral alternatives
(chairman → chair), shipped in `brandvoice/data/inclusive_en.yaml`; a guide `add`s terms and
`allow`s others.

```yaml
inclusive:
  french: point_median
  english: {add: {rockstar: [expert]}, allow: [insane]}
```
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from importlib import resources
from typing import Annotated, Any, Literal

import regex
import yaml
from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, field_validator

from brandvoice.findings import Match
from brandvoice.guides.factory import RuleFactory
from brandvoice.guides.model import Rule, Section
from brandvoice.nlp.vocabulary import zipf
from brandvoice.messages import Joined, Messages
from brandvoice.rules.base import CheckContext, Example, Kind, RuleOptions
from brandvoice.rules.words import compile_phrases, match_case
from brandvoice.selectors import yaml_off

MESSAGES = Messages({
    "inclusive.default": "Inclusive writing: {match}.",
    "inclusive.median_point": "Write the inclusive form with the median point: {fixed}.",
    "inclusive.forbidden": "The guide does not use abbreviated inclusive forms: write « {full} » or rephrase.",
    "inclusive.doublets": "Write both forms in full: « {full} ».",
    "inclusive.neologism": "Write « {full} » rather than « {found} ».",
    "inclusive.english": "“{found}” excludes people: try {alternatives}.",
})

FrenchPolicy = Annotated[Literal["forbid", "point_median", "doublets", "off"], BeforeValidator(yaml_off)]
MEDIAN = "·"

# Feminine suffix → the masculine endings it replaces (acteur·rice → actrice; sportif·ve → sportive).
_FEMININE_REPLACES = {
    "rice": ("eur",), "trice": ("teur",), "euse": ("eur",), "ve": ("f",), "ère": ("er",), "se": ("x",),
    "esse": ("e",),
}
# What "·e" stands for after a masculine ending, French morphology first (pâtissier·e → pâtissière)
_FEMININE_E = (("er", "ère"), ("f", "ve"), ("x", "se"), ("en", "enne"), ("on", "onne"), ("el", "elle"),
               ("et", "ette"), ("c", "que"))
_SUFFIXES = r"e|le|ne|te|fe|rice|trice|euse|ve|ère|se|esse"
_SEPARATORS = r"[·•⋅.\-]"
_ABBREVIATED = regex.compile(
    rf"(?P<base>\p{{L}}{{2,}})(?:(?P<sep>{_SEPARATORS})(?P<suf>{_SUFFIXES})(?:(?P<sep2>{_SEPARATORS})?(?P<pl>s))?"
    rf"|\((?P<psuf>{_SUFFIXES})\)(?P<ppl>s)?)(?!\p{{L}})"
)
_NEOLOGISMS = {
    "iel": "il ou elle", "iels": "ils et elles", "ielle": "il ou elle", "ielles": "ils et elles",
    "celleux": "celles et ceux", "toustes": "toutes et tous", "elleux": "elles et eux", "cellui": "celui ou celle",
}
_NEOLOGISM = regex.compile(r"(?<![\p{L}\-])(?:" + "|".join(_NEOLOGISMS) + r")(?![\p{L}\-])", regex.IGNORECASE)
_PLURAL_DETERMINERS = {"les", "des", "aux", "nos", "vos", "leurs", "ces", "mes", "tes", "ses"}
_DETERMINER_BEFORE = regex.compile(r"(?<![\p{L}])(\p{L}+)[ \u00a0]+$")


class EnglishInclusive(BaseModel):
    model_config = ConfigDict(extra="forbid")

    lexicon: bool = Field(True, description="Use the shipped lexicon (brandvoice/data/inclusive_en.yaml).")
    add: dict[str, list[str]] = Field(default_factory=dict, description="More terms → alternatives.")
    allow: list[str] = Field(default_factory=list, description="Shipped terms this brand accepts.")


class InclusiveSection(BaseModel):
    """Guide section `inclusive:`."""

    model_config = ConfigDict(extra="forbid")

    french: FrenchPolicy = Field("off", description="forbid, point_median, doublets or off.")
    english: EnglishInclusive | bool = Field(False, description="true, or the lexicon's settings.")


class Options(RuleOptions):
    lang: Literal["fr", "en"]  # which texts this rule checks
    policy: FrenchPolicy = "forbid"
    lexicon: bool = True
    add: tuple[tuple[str, tuple[str, ...]], ...] = ()
    allow: tuple[str, ...] = ()

    @field_validator("add", mode="before")
    @classmethod
    def _mapping(cls, value: Any) -> Any:
        if isinstance(value, dict):
            return tuple((k, (v,) if isinstance(v, str) else tuple(v)) for k, v in value.items())
        return value


def _plural(word: str) -> str:
    return word if word[-1:] in "sxz" else word + "s"


def feminine(base: str, suffix: str) -> str:
    """The feminine form an abbreviated word stands for: the suffix replaces the masculine ending
    it stands for (direct·eur·rice → directrice, sportif·ve → sportive), or is added the way French
    morphology adds it (pâtissier·e → pâtissière, chef·fe → cheffe, employé·e → employée). Of the
    forms this gives, the first the French lexicon knows wins (wordfreq's word list), so accents
    and doubled consonants come from real words; an unknown word keeps the morphology's form."""
    lower = base.lower()
    candidates = [base[: -len(end)] + suffix for end in _FEMININE_REPLACES.get(suffix, ()) if lower.endswith(end)]
    if suffix == "e":
        candidates += [base[: -len(end)] + fem for end, fem in _FEMININE_E if lower.endswith(end)]
    candidates.append(base + suffix)
    known = next((c for c in candidates if zipf(c, "fr") > 0), None)
    return known or candidates[0]


def doublet(base: str, suffix: str, plural: bool, determiner: str | None) -> str:
    """The two full forms, feminine first: (les) client·e·s → (les) clientes et (les) clients."""
    female, male = feminine(base, suffix), base
    if plural:
        female, male = _plural(female), _plural(male)
    male = male[:1].lower() + male[1:]
    if determiner:
        return f"{determiner} {female} et {determiner.lower()} {male}"
    return female + (" et " if plural else " ou ") + male


def _skipped(ctx: CheckContext, start: int, end: int) -> bool:
    return ctx.prose.overlaps(start, end, ("url", "email", "mention", "hashtag"))


def _french(ctx: CheckContext, policy: FrenchPolicy) -> Iterator[Match]:
    if policy == "off":
        return
    text = ctx.text
    for m in _ABBREVIATED.finditer(text):
        if _skipped(ctx, m.start(), m.end()):
            continue
        base, suffix = m.group("base"), m.group("suf") or m.group("psuf")
        plural = bool(m.group("pl") or m.group("ppl"))
        sep = m.group("sep")
        if sep in (".", "-") and not plural and suffix != "e":
            continue  # "fin.le", "Jean-te": too ambiguous without the plural mark
        if sep == "-" and suffix in ("le", "ne", "te", "se"):
            continue  # "prends-les", "Dompierre-les-Ormes": pronouns and place names
        if policy == "point_median":
            if sep == MEDIAN and (not plural or m.group("sep2") in (MEDIAN, None)):
                continue
            fixed = f"{base}{MEDIAN}{suffix}" + (f"{MEDIAN}s" if plural else "")
            yield Match(m.start(), m.end(), message=MESSAGES.say("inclusive.median_point", fixed=fixed),
                        replacements=(fixed,), fix_safe=True)
            continue
        start = m.start()
        det = _DETERMINER_BEFORE.search(text[max(0, start - 12) : start])
        determiner = det.group(1) if plural and det and det.group(1).lower() in _PLURAL_DETERMINERS else None
        if determiner:
            start -= len(det.group(0))
        full = doublet(base, suffix, plural, determiner)
        which = "inclusive.forbidden" if policy == "forbid" else "inclusive.doublets"
        yield Match(start, m.end(), message=MESSAGES.say(which, full=full), replacements=(full,))
    if policy in ("forbid", "doublets"):
        for m in _NEOLOGISM.finditer(text):
            full = match_case(m.group(), _NEOLOGISMS[m.group().lower()])
            yield Match(m.start(), m.end(), message=MESSAGES.say("inclusive.neologism", full=full, found=m.group()),
                        replacements=(full,))


@cache
def _shipped_lexicon() -> tuple[tuple[str, tuple[str, ...]], ...]:
    raw = yaml.safe_load(resources.files("brandvoice.data").joinpath("inclusive_en.yaml").read_text("utf-8"))
    return tuple((term, tuple(alternatives)) for term, alternatives in raw.items())


@cache
def _english_matcher(options: Options) -> tuple[regex.Pattern | None, dict[str, tuple[str, ...]]]:
    lexicon = dict(_shipped_lexicon()) if options.lexicon else {}
    lexicon.update(dict(options.add))
    allowed = {a.casefold() for a in options.allow}
    lexicon = {k.casefold(): v for k, v in lexicon.items() if k.casefold() not in allowed}
    return compile_phrases(lexicon), lexicon


def _english(ctx: CheckContext, options: Options) -> Iterator[Match]:
    pattern, lexicon = _english_matcher(options)
    if pattern is None:
        return
    for m in pattern.finditer(ctx.text):
        key = regex.sub(r"[\s\u00a0\u202f]+", " ", m.group().replace("’", "'")).casefold()
        alternatives = lexicon.get(key)
        if alternatives and not _skipped(ctx, m.start(), m.end()):
            quoted = Joined(", ", tuple(f"“{a}”" for a in alternatives))
            yield Match(m.start(), m.end(), message=MESSAGES.say("inclusive.english", found=m.group(), alternatives=quoted),
                        replacements=tuple(match_case(m.group(), a) for a in alternatives))


def check(ctx: CheckContext, options: Options) -> Iterator[Match]:
    if ctx.lang != options.lang:
        return
    if options.lang == "fr":
        yield from sorted(_french(ctx, options.policy), key=lambda m: m.start)
    else:
        yield from _english(ctx, options)


EXAMPLES = (
    Example("Merci à tous les client·e·s fidèles !", expect=("les client·e·s",), language="fr-FR",
            options={"lang": "fr", "policy": "forbid"}),
    Example("Merci à nos client.e.s et à celleux qui viendront.", expect=("client.e.s",), language="fr-FR",
            options={"lang": "fr", "policy": "point_median"}, note="neologisms are accepted with point_median"),
    Example("Merci à nos client·e·s.", language="fr-FR", options={"lang": "fr", "policy": "point_median"}),
    Example("Bienvenue aux acteur·rice·s du tourisme", expect=("aux acteur·rice·s",), language="fr-FR",
            options={"lang": "fr", "policy": "doublets"}),
    Example("Merci à nos clientes et à nos clients.", language="fr-FR", options={"lang": "fr", "policy": "forbid"}),
    Example("Ask the chairman or any salesman", expect=("chairman", "salesman"), options={"lang": "en"}),
    Example("Ask the chair or any salesperson", options={"lang": "en"}),
)


KIND = Kind(
    name="inclusive", category="inclusive", level="warning", options=Options, check=check,
    messages=MESSAGES, examples=EXAMPLES, doc=__doc__,
)


def build_inclusive_rules(guide: BaseModel, factory: RuleFactory) -> Iterator[Rule | None]:
    """The guide's `inclusive:` section: `inclusive.fr` and `inclusive.en`."""
    section: InclusiveSection = guide.inclusive
    if section.french != "off":
        yield factory.rule("inclusive.fr", "inclusive", {"lang": "fr", "policy": section.french},
                           description=f"French inclusive writing policy: {section.french}.")
    english = section.english
    if english is True:
        english = EnglishInclusive()
    if english:
        yield factory.rule("inclusive.en", "inclusive", {"lang": "en", **english.model_dump()},
                           description="Gender-neutral and inclusive English terms.")


SECTION = Section("inclusive", InclusiveSection, build_inclusive_rules, description="Inclusive writing policy.")
