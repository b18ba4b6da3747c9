"""jargon: corporate words that readers skim past ("synergie", "leverage", "impacter").

Shipped lexicons for French and English (`brandvoice/languages/<lang>/lexicons/jargon.txt`); `add` extends
and `remove` prunes them per guide, `lexicon: false` keeps only `add`.

```yaml
voice:
  jargon: {remove: [onboarding]}
```
"""

from __future__ import annotations

from brandvoice.messages import Messages
from brandvoice.nlp.lexicons import LexiconOptions, lexicon_check
from brandvoice.rules.base import Example, Kind

MESSAGES = Messages({"jargon.default": "“{match}” is jargon: use an everyday word."})

LEXICON = "jargon"


Options = LexiconOptions
check = lexicon_check(LEXICON)


EXAMPLES = (
    Example("Nos équipes vont impacter positivement votre séjour grâce à leurs synergies.", expect=("impacter", "synergies"), language="fr-FR"),
    Example("Nos équipes rendent votre séjour plus simple.", language="fr-FR"),
    Example("We leverage synergies across our ecosystem.", expect=("leverage", "synergies", "ecosystem")),
    Example("Our team makes booking simple.", options={"add": ["touchpoint"]}),
    Example("Join the #synergy challenge", note="hashtags are not prose"),
)


KIND = Kind(
    name="jargon", category="style", level="suggestion", options=Options, check=check,
    messages=MESSAGES, examples=EXAMPLES, doc=__doc__,
)
