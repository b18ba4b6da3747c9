"""hedging: words that weaken what the brand says ("maybe", "peut-être", "we think").

Shipped lexicons for French and English (`brandvoice/languages/<lang>/lexicons/hedging.txt`); `add` extends
and `remove` prunes them per guide, `lexicon: false` keeps only `add`. `max` hedges per text are
let through (default 0). The tone profile's confidence counts the same words.

```yaml
voice:
  hedging: {max: 1, add: [normally], remove: [rather]}
```
"""

from __future__ import annotations

from collections.abc import Iterator

from brandvoice.findings import Match
from brandvoice.messages import Messages
from brandvoice.nlp.lexicons import LexiconOptions, find
from brandvoice.rules.base import CheckContext, Example, Kind

MESSAGES = Messages({"hedging.default": "“{match}” hedges: say it with confidence."})

LEXICON = "hedging"


class Options(LexiconOptions):
    max: int = 0


def check(ctx: CheckContext, options: Options) -> Iterator[Match]:
    for m in list(find(ctx, LEXICON, options))[options.max :]:
        yield Match(m.start(), m.end())


EXAMPLES = (
    Example("Vous allez peut-être adorer notre spa, il semble.", expect=("peut-être", "il semble"), language="fr-FR"),
    Example("Vous allez adorer notre spa.", language="fr-FR"),
    Example("We think you might like our new trail shoes.", expect=("We think", "might")),
    Example("You'll love our new trail shoes.", options={"max": 1}),
    Example("Perhaps the best view, maybe.", expect=("maybe",), options={"max": 1}, note="the first `max` are let through"),
)


KIND = Kind(
    name="hedging", category="tone", level="suggestion", options=Options, check=check,
    messages=MESSAGES, examples=EXAMPLES, doc=__doc__,
)
