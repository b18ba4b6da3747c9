"""tone: the text's tone profile, and a target band for one of its dimensions.

Every file checked under a guide with a `voice:` or `tone:` section gets a profile on its JSON
file object (`"tone": {"formality": 0.58, "energy": 0.25, ...}`; formulas in the README). A
guide's `tone:` section sets bands, `[min, max]` with `null` for no bound; a measured value
outside its band is a finding that states the value and the target.

```yaml
tone:
  energy: [0.1, 0.4]
  formality: [0.5, null]
  passive_share: [null, 0.2]
```
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Literal

from pydantic import Field, field_validator, model_validator

from brandvoice.findings import Match
from brandvoice.messages import Messages
from brandvoice.nlp.models import PARSE
from brandvoice.nlp.profile import tone_profile
from brandvoice.rules.base import CheckContext, Example, Kind, RuleOptions
from brandvoice.rules.readability import Band, check_band, describe_band, document_span, outside

MESSAGES = Messages({
    "tone.default": "{dimension} is {value}; the target is {target}.",
    "tone.dimension.formality": "Formality",
    "tone.dimension.energy": "Energy",
    "tone.dimension.confidence": "Confidence",
    "tone.dimension.readability": "Reading ease",
    "tone.dimension.passive_share": "Passive share",
    "tone.dimension.avg_sentence_length": "Average sentence length",
})

Dimension = Literal["formality", "energy", "confidence", "readability", "passive_share", "avg_sentence_length"]


class Options(RuleOptions):
    dimension: Dimension | None = None  # None: compute the profile only
    band: Band | None = None
    min_words: int = Field(30, ge=1)

    _band = field_validator("band")(classmethod(lambda cls, v: check_band(v)))

    @model_validator(mode="after")
    def _band_needs_dimension(self) -> "Options":
        if self.band is not None and self.dimension is None:
            raise ValueError("a `band` needs a `dimension`")
        return self


def check(ctx: CheckContext, options: Options) -> Iterator[Match]:
    if not ctx.text.strip():
        return
    profile = tone_profile(ctx, options.min_words)
    ctx.metrics["tone"] = dict(profile)
    if options.dimension is None or options.band is None:
        return
    value = profile[options.dimension]
    if value is None or not outside(value, options.band):
        return
    start, end = document_span(ctx.text)
    yield Match(
        start,
        end,
        params=(
            ("dimension", MESSAGES.say(f"tone.dimension.{options.dimension}")),
            ("value", f"{value:g}"),
            ("target", describe_band(options.band)),
        ),
        whole_document=True,
    )


EXAMPLES = (
    Example(
        "INCROYABLE !!! Des prix FOUS 🔥🔥 à ne pas manquer !",
        expect=("INCROYABLE !!! Des prix FOUS 🔥🔥 à ne pas manquer !",),
        options={"dimension": "energy", "band": [0.0, 0.4]},
        language="fr-FR",
    ),
    Example("Nos chambres rénovées vous attendent à Lyon, à deux pas de la gare.", options={"dimension": "energy", "band": [0.0, 0.4]}, language="fr-FR"),
    Example(
        "Maybe we could perhaps try it. It might work.",
        expect=("Maybe we could perhaps try it. It might work.",),
        options={"dimension": "confidence", "band": [0.6, None]},
    ),
    Example("Our boots keep your feet dry for 20 km.", options={"dimension": "confidence", "band": [0.6, None]}),
)


KIND = Kind(
    name="tone", category="tone", level="warning", options=Options, check=check,
    messages=MESSAGES, examples=EXAMPLES, doc=__doc__, needs=frozenset({PARSE}),
)
