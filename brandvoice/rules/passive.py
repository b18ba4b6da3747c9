"""passive: passive voice, found in the dependency parse, with a maximum share per text.

English passives carry the `auxpass`/`nsubjpass` labels ("The rooms were renovated"), French ones
`aux:pass`/`nsubj:pass` ("Les chambres ont été rénovées"). Without an agent ("par nos équipes"),
an attribute the tagger calls an adjective, or one after a presentative "c’est" ("Les chouquettes
du dimanche, c’est sacré"), describes a state: no passive. A sentence with a passive counts
once. When more than `max_share` of the text's sentences are passive (default 0.25: one in
four), each passive construction is reported. Needs the parser; skipped without a model.

```yaml
voice:
  passive: {max_share: 0.2}
```
"""

from __future__ import annotations

from collections.abc import Iterator

from pydantic import Field

from brandvoice.findings import Match
from brandvoice.messages import Messages
from brandvoice.nlp.docs import get_doc
from brandvoice.nlp.measures import passive_spans, sentences
from brandvoice.nlp.models import PARSE
from brandvoice.rules.base import CheckContext, Example, Kind, RuleOptions

MESSAGES = Messages({
    "passive.default": "Passive voice (“{match}”): {passive} of {total} sentences are passive (at most {max_share}). "
    "Say who does what."
})


class Options(RuleOptions):
    max_share: float = Field(0.25, ge=0, le=1)


def check(ctx: CheckContext, options: Options) -> Iterator[Match]:
    doc = get_doc(ctx, PARSE)
    found = passive_spans(doc)
    total = len(sentences(doc))
    passive = len({sent.start for sent, _, _ in found})
    if not total or passive / total <= options.max_share:
        return
    params = (("passive", passive), ("total", total), ("max_share", f"{options.max_share:.0%}"))
    for _, start, end in found:
        yield Match(start, end, params=params)


EXAMPLES = (
    Example("Les chambres ont été rénovées par nos équipes.", expect=("été rénovées",), language="fr-FR"),
    Example("Nos équipes ont rénové les chambres.", language="fr-FR"),
    Example("Les chouquettes du dimanche, c’est sacré…", language="fr-FR", note="an attribute, not a passive"),
    Example("The rooms were renovated last spring.", expect=("were renovated",)),
    Example("We renovated the rooms last spring. Come and see.", options={"max_share": 0.25}),
    Example("The rooms were renovated. We added a spa. We moved the bar. Come and see.", options={"max_share": 0.25},
            note="one passive sentence in four is within the share"),
)


KIND = Kind(
    name="passive", category="style", level="suggestion", options=Options, check=check,
    messages=MESSAGES, examples=EXAMPLES, doc=__doc__, needs=frozenset({PARSE}),
    skipped_without_model=True,
)
