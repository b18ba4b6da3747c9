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
from brandvoice.rules.base import CheckContext, Example, RuleOptions
from brandvoice.rules.words import compile_phrases

NAME = "person"
CATEGORY = "tone"
LEVEL = "warning"
MESSAGE = "“{match}”: the brand speaks as {speak_as}."

_SINGULAR = {
    "fr": ("je", "j'", "me", "m'", "moi", "moi-même", "mon", "ma", "mes", "mien", "mienne", "miens", "miennes"),
    "en": ("I", "I'm", "I've", "I'll", "I'd", "me", "my", "mine", "myself"),
}
_PLURAL = {
    "fr": ("nous", "nous-mêmes", "notre", "nos", "nôtre", "nôtres"),
    "en": ("we", "we're", "we've", "we'll", "we'd", "us", "our", "ours", "ourselves"),
}
_SPEAKER = {"we": {"fr": "« nous »", "en": "“we”"}, "third": {"fr": "son nom", "en": "its name"}}
_QUOTED = regex.compile(r"«[^»]*»|“[^”]*”|\"[^\"\n]*\"")
# "World War I", "Part I": a Roman numeral, not the speaker
_ROMAN_I = regex.compile(r"(?:War|Part|Chapter|Phase|Season|Vol\.?|Volume|Type|Level|Act|Book|Louis|Henry|Elizabeth)\s+$")


class Options(RuleOptions):
    speak_as: Literal["we", "third", "I"] = "we"


def _speaker_pattern(lang: str, options: Options):
    words = list(_SINGULAR[lang]) + (list(_PLURAL[lang]) if options.speak_as == "third" else [])
    # "I" only as a capital: "i" alone is more often a typo or a list marker
    return compile_phrases([w for w in words if w != "I"], ignorecase=True)


def check(ctx: CheckContext, options: Options) -> Iterator[Match]:
    if options.speak_as == "I" or ctx.lang not in _SINGULAR:
        return
    lang = ctx.lang
    pattern = options.compiled(f"speaker-{lang}", lambda: _speaker_pattern(lang, options))
    quoted = [m.span() for m in _QUOTED.finditer(ctx.text)]
    found = list(pattern.finditer(ctx.text))
    if lang == "en":
        found += list(regex.finditer(r"(?<![\p{L}\p{N}_#@'’-])I(?![\p{L}\p{N}_-])(?!['’][\p{L}])", ctx.text))
    speaker = _SPEAKER[options.speak_as][lang]
    for m in sorted(found, key=lambda m: m.start()):
        if any(s <= m.start() < e for s, e in quoted):
            continue
        if m.group() == "US" or (m.group() == "I" and _ROMAN_I.search(ctx.text[: m.start()])):
            continue
        yield Match(m.start(), m.end(), params=(("speak_as", speaker),))


EXAMPLES = (
    Example("Je vous attends à la réception, j’ai hâte !", expect=("Je", "j’"), language="fr-FR"),
    Example("Nous vous attendons à la réception. « J’ai adoré », dit Léa.", language="fr-FR", note="quotes are a customer's voice"),
    Example("I think my team will love it. I'm sure.", expect=("I", "my", "I'm")),
    Example("We ship to the US in two days.", note="“US” is the country"),
    Example("Nous livrons en 48 h.", expect=("Nous",), options={"speak_as": "third"}, language="fr-FR"),
    Example("Hotelia livre en 48 h.", options={"speak_as": "third"}, language="fr-FR"),
)
