"""capitalization: exact casing of brand and product names, and no ALL-CAPS shouting.

`words` lists names whose casing is fixed ("HoteliaClub"): any other casing is reported with the
exact name as a safe fix. With `shouting: true`, words in capitals that shout are reported, once
per run of capitals, and acronyms are spared: the shipped acronym list, `acronyms`, the guide's
accepted vocabulary, and any short word in capitals that is not a dictionary word ("NASA",
"SNCF"); the brand's names in any writing ("PATISSERIES MIRABELLE") are their own rule's
(`names:`), never shouting. A single word shouts from 4 letters when it is a dictionary word
("VRAIMENT"), or when it is a very common short word ("AND"); `min_length` (3) is the fewest
letters a word alone needs.
Hashtags, mentions, URLs, codes (`COP21`) and the medium's conventions are never words here.
How it is decided: `brandvoice.nlp.capitals`. In messages, `{expected}` is the exact name, or the
text in lower case (a capital at a sentence start, acronyms and English "I" kept).

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
from brandvoice.i18n import _
from brandvoice.messages import Messages
from brandvoice.nlp.capitals import shouts
from brandvoice.nlp.lexicons import load_lexicon
from brandvoice.rules.base import CheckContext, Example, Kind, RuleOptions
from brandvoice.rules.words import compile_names, compile_phrases

MESSAGES = Messages({"capitalization.default": "Write “{expected}”, not “{match}”."})


class Options(RuleOptions):
    words: tuple[str, ...] = ()
    shouting: bool = False
    min_length: int = 3
    acronyms: tuple[str, ...] = ()

    @model_validator(mode="after")
    def _needs_something(self) -> "Options":
        if not self.words and not self.shouting:
            raise ValueError(_("give `words`, `shouting: true` or both"))
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
        spared = (*load_lexicon("acronyms"), *options.acronyms, *ctx.accepted_words)
        spared += tuple(w for w in options.words if w.isupper())  # brand casing is the `words`/terms' job
        names = compile_names(ctx.accepted_words)  # the brand's names, in any writing
        skip = [m.span() for m in names.finditer(ctx.text)] if names is not None else ()
        for shout in shouts(ctx, spared, options.min_length, skip):
            yield Match(shout.start, shout.end, replacements=(shout.calm,), params=(("expected", shout.calm),))


EXAMPLES = (
    Example("Rejoignez le hoteliaclub !", expect=("hoteliaclub",), options={"words": ["HoteliaClub"]}, language="fr-FR"),
    Example("Rejoignez le HoteliaClub !", options={"words": ["HoteliaClub"]}, language="fr-FR"),
    Example("SOLDES MONSTRES au spa", expect=("SOLDES MONSTRES",), options={"shouting": True}, language="fr-FR",
            note="a run of capitals is one shout"),
    Example("C’est VRAIMENT beau, il faut d’AGIR", expect=("VRAIMENT", "AGIR"), options={"shouting": True},
            language="fr-FR"),
    Example("L’UE et la SNCF, l’OGM et la CNIL", options={"shouting": True}, language="fr-FR",
            note="acronyms: short words in capitals that are not dictionary words"),
    Example("Free WIFI and a SPA, see the FAQ, ask NASA", options={"shouting": True}),
)


KIND = Kind(
    name="capitalization", category="style", level="warning", options=Options, check=check,
    messages=MESSAGES, examples=EXAMPLES, doc=__doc__,
)
