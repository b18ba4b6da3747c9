"""readability: reading ease and grade within the brand's target band.

English: Flesch reading ease (`reading_ease`, higher is easier) and Flesch–Kincaid grade
(`grade`); French: Kandel & Moles' adaptation of Flesch (`reading_ease`) and LIX (`lix`, lower is
easier; it also applies to English). Bands are `[min, max]`, `null` for no bound. Texts under
`min_words` words (default 30) are not scored: on a 12-word post these formulas swing by
dozens of points for one long word. Scores appear on the file's `readability` metrics.

```yaml
voice:
  readability: {reading_ease: [60, null], grade: [null, 8], lix: [null, 45], min_words: 30}
```
"""

from __future__ import annotations

from collections.abc import Iterator

from pydantic import Field, field_validator

from brandvoice.findings import Match
from brandvoice.messages import Joined, Messages
from brandvoice.nlp.docs import get_doc
from brandvoice.nlp.measures import readability
from brandvoice.nlp.models import TOKENS
from brandvoice.rules.base import CheckContext, Example, Kind, RuleOptions

MESSAGES = Messages({
    "readability.default": "{measure} is {value}; the target is {target}.",
    "readability.hard_to_read": "Hard to read: {measures}. Shorter sentences and words help.",
    "readability.measure": "{measure} is {value:.1f}, the target is {target}",
    "readability.lix": "LIX",
    "readability.grade": "Flesch–Kincaid grade",
    "readability.band.between": "between {low:g} and {high:g}",
    "readability.band.at_least": "at least {low:g}",
    "readability.band.at_most": "at most {high:g}",
})

Band = tuple[float | None, float | None]


def check_band(band: Band | None) -> Band | None:
    if band is not None and band[0] is not None and band[1] is not None and band[0] > band[1]:
        raise ValueError(f"a band is [min, max]: {band[0]} > {band[1]}")
    return band


def describe_band(band: Band) -> str:
    """A target band in words ("between 0.1 and 0.4"), shared with the tone kind."""
    low, high = band
    if low is not None and high is not None:
        return MESSAGES.say("readability.band.between", low=low, high=high)
    if low is not None:
        return MESSAGES.say("readability.band.at_least", low=low)
    return MESSAGES.say("readability.band.at_most", high=high)


def outside(value: float, band: Band | None) -> bool:
    return band is not None and ((band[0] is not None and value < band[0]) or (band[1] is not None and value > band[1]))


def document_span(text: str) -> tuple[int, int]:
    """Where a finding about the whole text points: its first line."""
    start = len(text) - len(text.lstrip())
    end = text.find("\n", start)
    return start, end if end > start else len(text.rstrip()) or len(text)


class Options(RuleOptions):
    min_words: int = Field(30, ge=1)
    reading_ease: Band | None = (50, None)
    grade: Band | None = (None, 9)
    lix: Band | None = (None, 50)

    _bands = field_validator("reading_ease", "grade", "lix")(classmethod(lambda cls, v: check_band(v)))


_LIX = MESSAGES.say("readability.lix")
_GRADE = MESSAGES.say("readability.grade")


def check(ctx: CheckContext, options: Options) -> Iterator[Match]:
    scores = readability(get_doc(ctx, TOKENS), ctx.lang)
    if scores.words < options.min_words:
        ctx.metrics["readability"] = {"words": scores.words, "scored": False}
        return
    ctx.metrics["readability"] = scores.as_dict()
    measures = [(scores.reading_ease_formula, scores.reading_ease, options.reading_ease), (_LIX, scores.lix, options.lix)]
    if scores.grade is not None:
        measures.insert(1, (_GRADE, scores.grade, options.grade))
    # one finding per text (the engine keeps one finding per rule and span), naming every measure
    missed = [(measure, value, band) for measure, value, band in measures if outside(value, band)]
    if missed:
        start, end = document_span(ctx.text)
        parts = tuple(MESSAGES.say("readability.measure", measure=m, value=v, target=describe_band(b)) for m, v, b in missed)
        yield Match(
            start,
            end,
            message=MESSAGES.say("readability.hard_to_read", measures=Joined("; ", parts)),
            params=(("measure", missed[0][0]), ("value", f"{missed[0][1]:.1f}"), ("target", describe_band(missed[0][2]))),
            whole_document=True,
        )


_LONG_FR = (
    "Conformément aux dispositions réglementaires applicables, l’établissement informe son aimable clientèle "
    "que l’accessibilité temporaire des infrastructures aquatiques nécessite impérativement une réservation "
    "préalable auprès de la réception, notamment pendant les périodes d’affluence exceptionnelle."
)
_SHORT_FR = (
    "La piscine rouvre lundi. Elle est ouverte de 8 h à 20 h. Réservez votre créneau à l’accueil. "
    "Les enfants sont les bienvenus. Le bain est gratuit pour les clients. Apportez votre serviette. "
    "Bon séjour à tous."
)
EXAMPLES = (
    Example(_LONG_FR, expect=(_LONG_FR,), language="fr-FR", note="Kandel–Moles and LIX both out of band"),
    Example(_SHORT_FR, language="fr-FR"),
    Example(
        "Notwithstanding considerable infrastructural modifications, accommodation availability remains "
        "substantially constrained throughout the forthcoming operational period, necessitating "
        "comprehensive prioritisation of previously confirmed reservations.",
        expect=(
            "Notwithstanding considerable infrastructural modifications, accommodation availability remains "
            "substantially constrained throughout the forthcoming operational period, necessitating "
            "comprehensive prioritisation of previously confirmed reservations.",
        ),
        options={"min_words": 10},
    ),
    Example("Incomprehensibly multisyllabic terminology everywhere.", note="too short to score (under min_words)"),
)


KIND = Kind(
    name="readability", category="readability", level="warning", options=Options, check=check,
    messages=MESSAGES, examples=EXAMPLES, doc=__doc__, needs=frozenset({TOKENS}),
)
