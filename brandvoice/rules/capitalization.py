"""capitalization: exact casing of brand and product names, and no ALL-CAPS shouting.

`words` lists names whose casing is fixed ("HoteliaClub"): any other casing is reported with the
exact name as a safe fix. With `shouting: true`, words of `min_length` letters or more written in
capitals are reported, sparing `acronyms`, the guide's accepted vocabulary (in any casing), and hashtags,
mentions and URLs. In messages, `{expected}` is the exact name, or the word in lower case.

```yaml
rules:
  casse:
    kind: capitalization
    words: [Hotelia, HoteliaClub]
    shouting: true
    acronyms: [SPA, TGV, WIFI]
```
"""

from __future__ import annotations

from collections.abc import Iterator

from pydantic import model_validator

from brandvoice.findings import Match
from brandvoice.messages import Messages
from brandvoice.rules.base import CheckContext, Example, Kind, RuleOptions
from brandvoice.rules.words import compile_phrases, words

MESSAGES = Messages({"capitalization.default": "Write “{expected}”, not “{match}”."})

DEFAULT_ACRONYMS = (
    "OK", "USA", "UK", "EU", "UE", "FAQ", "PDF", "URL", "SMS", "TV", "CEO", "PDG", "SNCF", "RATP",
    "TGV", "SPA", "WIFI", "WI-FI", "RSVP", "DIY", "NYC", "HTML", "API", "ID", "VIP", "RGPD", "GDPR",
)


class Options(RuleOptions):
    words: tuple[str, ...] = ()
    shouting: bool = False
    min_length: int = 3
    acronyms: tuple[str, ...] = ()

    @model_validator(mode="after")
    def _needs_something(self) -> "Options":
        if not self.words and not self.shouting:
            raise ValueError("give `words`, `shouting: true` or both")
        return self


def _names(options: Options):
    return compile_phrases(options.words, ignorecase=True), {w.casefold(): w for w in options.words}


def check(ctx: CheckContext, options: Options) -> Iterator[Match]:
    text = ctx.text
    if options.words:
        pattern, canonical = options.compiled("names", lambda: _names(options))
        for m in pattern.finditer(text):
            expected = canonical[m.group().casefold()] if m.group().casefold() in canonical else None
            if expected and m.group() != expected:
                yield Match(
                    m.start(), m.end(), replacements=(expected,), params=(("expected", expected),), fix_safe=True
                )
    if options.shouting:
        spared = {a.upper() for a in (*DEFAULT_ACRONYMS, *options.acronyms)}
        spared |= {w.upper() for w in ctx.accepted_words}  # brand casing is the `words`/terms' job
        spared |= {w.upper() for w in options.words if w.isupper()}
        for m in words(text):
            word = m.group()
            letters = [c for c in word if c.isalpha()]
            if (
                len(letters) >= options.min_length
                and all(c.isupper() for c in letters)
                and word.upper() not in spared
                and not ctx.prose.overlaps(m.start(), m.end(), ("url", "email", "mention", "hashtag"))
            ):
                calm = word.lower()
                yield Match(m.start(), m.end(), replacements=(calm,), params=(("expected", calm),))


EXAMPLES = (
    Example("Rejoignez le hoteliaclub !", expect=("hoteliaclub",), options={"words": ["HoteliaClub"]}, language="fr-FR"),
    Example("Rejoignez le HoteliaClub !", options={"words": ["HoteliaClub"]}, language="fr-FR"),
    Example("SOLDES MONSTRES au spa", expect=("SOLDES", "MONSTRES"), options={"shouting": True}, language="fr-FR"),
    Example("Free WIFI and a SPA, see the FAQ", options={"shouting": True}),
)


KIND = Kind(
    name="capitalization", category="style", level="warning", options=Options, check=check,
    messages=MESSAGES, examples=EXAMPLES, doc=__doc__,
)
