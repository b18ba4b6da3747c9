"""sentence_length: at most `max_words` words per sentence (default 25) and, optionally, at most
`max_sentences` sentences per paragraph.

Sentences are spaCy's; words exclude punctuation, numbers alone, URLs, mentions, hashtags and
emoji, so a trail of hashtags does not make a sentence long.

```yaml
voice:
  sentence_length: {max_words: 20, max_sentences: 3}
```
"""

from __future__ import annotations

from collections.abc import Iterator

from pydantic import Field

from brandvoice.findings import Match
from brandvoice.nlp.docs import get_doc
from brandvoice.nlp.measures import sentences, word_count
from brandvoice.nlp.models import TOKENS
from brandvoice.messages import Messages
from brandvoice.rules.base import CheckContext, Example, Kind, RuleOptions

MESSAGES = Messages({
    "sentence_length.default": "{count} words in this sentence (at most {max}): split it.",
    "sentence_length.paragraph": "{count} sentences in this paragraph (at most {max}): make two.",
})


class Options(RuleOptions):
    max_words: int | None = Field(25, ge=1)
    max_sentences: int | None = Field(None, ge=1)


def check(ctx: CheckContext, options: Options) -> Iterator[Match]:
    doc = get_doc(ctx, TOKENS)
    sents = sentences(doc)
    if options.max_words is not None:
        for sent in sents:
            count = word_count(sent)
            if count > options.max_words:
                yield Match(sent.start_char, sent.end_char, params=(("count", count), ("max", options.max_words)))
    if options.max_sentences is not None:
        for start, end in ctx.prose.paragraphs:
            inside = [s for s in sents if start <= s.start_char < end]
            if len(inside) > options.max_sentences:
                first = inside[options.max_sentences]
                yield Match(
                    first.start_char,
                    inside[-1].end_char,
                    message=MESSAGES.say("sentence_length.paragraph", count=len(inside), max=options.max_sentences),
                )


EXAMPLES = (
    Example(
        "Notre hôtel, situé au cœur de la ville, à deux pas de la gare et des musées, vous accueille toute l’année dans un cadre calme.",
        expect=("Notre hôtel, situé au cœur de la ville, à deux pas de la gare et des musées, vous accueille toute l’année dans un cadre calme.",),
        options={"max_words": 15},
        language="fr-FR",
    ),
    Example("Notre hôtel est au cœur de la ville. La gare est à deux pas.", options={"max_words": 15}, language="fr-FR"),
    Example("New boots. New trails. New you. Go.", expect=("New you. Go.",), options={"max_words": None, "max_sentences": 2}),
    Example("Ready for the trail? #hiking #outdoors #boots #summer #trailrunning #adventure", options={"max_words": 5},
            note="hashtags are not words"),
)


KIND = Kind(
    name="sentence_length", category="readability", level="warning", options=Options, check=check,
    messages=MESSAGES, examples=EXAMPLES, doc=__doc__, needs=frozenset({TOKENS}),
)
