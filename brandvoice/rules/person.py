"""person: who the brand speaks as — `we` ("nous", the default), `third` (the brand's name, no
first person at all) or `I` (a personal account: anything goes).

With `we`, first-person singular words are flagged ("je", "j’", "me", "moi", "mon"; "I", "me",
"my"); with `third`, first-person plural ones too ("nous", "notre"; "we", "our"). Quoted speech
(« … », “ … ”, "…") is a customer's voice and is skipped.

```yaml
voice:
  person: we        # or {speak_as: third}
```
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Literal

import regex

from brandvoice.findings import Match
from brandvoice.languages.pack import PersonWords
from brandvoice.languages.packs import pack_for
from brandvoice.messages import Messages
from brandvoice.rules.base import CheckContext, Example, Kind, RuleOptions
from brandvoice.rules.words import compile_phrases

MESSAGES = Messages({
    "person.default": "“{match}”: the brand speaks as “{we}”.",
    "person.third": "“{found}”: the brand speaks of itself by its name, not in the first person.",
})

_QUOTED = regex.compile(r"«[^»]*»|“[^”]*”|\"[^\"\n]*\"")
# "World War I", "Part I": a Roman numeral, not the speaker
_CAPITAL_I = regex.compile(r"(?<![\p{L}\p{N}_#@'’-])I(?![\p{L}\p{N}_-])(?!['’][\p{L}])")
_ROMAN_I = regex.compile(r"(?:War|Part|Chapter|Phase|Season|Vol\.?|Volume|Type|Level|Act|Book|Louis|Henry|Elizabeth)\s+$")


class Options(RuleOptions):
    speak_as: Literal["we", "third", "I"] = "we"


def _speaker_pattern(words: PersonWords, options: Options):
    found = list(words.singular) + (list(words.plural) if options.speak_as == "third" else [])
    # "I" only as a capital: "i" alone is more often a typo or a list marker
    return compile_phrases([w for w in found if w != "I"], ignorecase=True)


def check(ctx: CheckContext, options: Options) -> Iterator[Match]:
    pack = pack_for(ctx.lang)
    if options.speak_as == "I" or pack is None or pack.person is None:
        return
    words = pack.person
    pattern = options.compiled(f"speaker-{pack.code}", lambda: _speaker_pattern(words, options))
    quoted = [m.span() for m in _QUOTED.finditer(ctx.text)]
    found = list(pattern.finditer(ctx.text))
    if words.capital_i:
        found += list(_CAPITAL_I.finditer(ctx.text))
    for m in sorted(found, key=lambda m: m.start()):
        if any(s <= m.start() < e for s, e in quoted):
            continue
        if m.group() == "US" or (m.group() == "I" and _ROMAN_I.search(ctx.text[: m.start()])):
            continue
        if options.speak_as == "third":
            yield Match(m.start(), m.end(), message=MESSAGES.say("person.third", found=m.group()))
        else:
            yield Match(m.start(), m.end(), params=(("we", words.plural[0]),))


EXAMPLES = (
    Example("Je vous attends à la réception, j’ai hâte !", expect=("Je", "j’"), language="fr-FR"),
    Example("Nous vous attendons à la réception. « J’ai adoré », dit Léa.", language="fr-FR", note="quotes are a customer's voice"),
    Example("I think my team will love it. I'm sure.", expect=("I", "my", "I'm")),
    Example("We ship to the US in two days.", note="“US” is the country"),
    Example("Nous livrons en 48 h.", expect=("Nous",), options={"speak_as": "third"}, language="fr-FR"),
    Example("Hotelia livre en 48 h.", options={"speak_as": "third"}, language="fr-FR"),
)


KIND = Kind(
    name="person", category="tone", level="warning", options=Options, check=check,
    messages=MESSAGES, examples=EXAMPLES, doc=__doc__,
)
