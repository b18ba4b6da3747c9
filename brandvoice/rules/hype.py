"""hype: superlatives, empty intensifiers and clickbait ("incroyable", "best ever",
"you won't believe").

Shipped lexicons for French and English (`brandvoice/languages/<lang>/lexicons/hype.txt`); `add` extends
and `remove` prunes them per guide, `lexicon: false` keeps only `add`. The tone profile's energy
counts the same words.

```yaml
voice:
  hype: {remove: [stunning], add: [insanely good]}
```
"""

from __future__ import annotations

from brandvoice.messages import Messages
from brandvoice.nlp.lexicons import LexiconOptions, lexicon_check
from brandvoice.rules.base import Example, Kind

MESSAGES = Messages({"hype.default": "“{match}” oversells: show what makes it good instead."})

LEXICON = "hype"


Options = LexiconOptions
check = lexicon_check(LEXICON)


EXAMPLES = (
    Example(
        "Une vue incroyable, à couper le souffle !",
        expect=("incroyable", "à couper le souffle"),
        language="fr-FR",
    ),
    Example("Une vue dégagée sur la baie depuis chaque chambre.", language="fr-FR"),
    Example("You won't believe this AMAZING deal", expect=("You won't believe", "AMAZING")),
    Example("Our new boots are waterproof and weigh 400 g.", options={"remove": ["amazing"]}),
    Example("Simply amazing.", options={"remove": ["amazing"]}, note="`remove` prunes the shipped list"),
)


KIND = Kind(
    name="hype", category="tone", level="warning", options=Options, check=check,
    messages=MESSAGES, examples=EXAMPLES, doc=__doc__,
)
