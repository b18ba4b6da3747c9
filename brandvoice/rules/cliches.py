"""cliches: worn-out marketing phrases ("havre de paix", "hidden gem", "next level").

Shipped lexicons for French and English (`brandvoice/languages/<lang>/lexicons/cliches.txt`); `add` extends
and `remove` prunes them per guide, `lexicon: false` keeps only `add`.

```yaml
voice:
  cliches: {add: [expérience inoubliable]}
```
"""

from __future__ import annotations

from brandvoice.messages import Messages
from brandvoice.nlp.lexicons import LexiconOptions, lexicon_check
from brandvoice.rules.base import Example, Kind

MESSAGES = Messages({"cliches.default": "“{match}” is a cliché: say what is specific about this place or product."})

LEXICON = "cliches"


Options = LexiconOptions
check = lexicon_check(LEXICON)


EXAMPLES = (
    Example("Un véritable havre de paix, au cœur de Lyon.", expect=("havre de paix", "au cœur de"), language="fr-FR"),
    Example("Quarante chambres calmes, à dix minutes de la gare Part-Dieu.", language="fr-FR"),
    Example("This hidden gem takes hiking to the next level.", expect=("hidden gem", "next level")),
    Example("This trail climbs 600 m in 4 km.", options={"add": ["breathtaking views"]}),
    Example("A hidden gem.", options={"remove": ["hidden gem"]}),
)


KIND = Kind(
    name="cliches", category="style", level="suggestion", options=Options, check=check,
    messages=MESSAGES, examples=EXAMPLES, doc=__doc__,
)
