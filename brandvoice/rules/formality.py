"""formality: contractions, slang, and not mixing "can't" with "cannot" in one text.

`contractions` (English): `required` flags full forms that read stiff ("do not" → "don't"; not
at the end of a clause, where only the full form works: "Yes, we are."), `forbidden` flags
contractions ("don't" → "do not"; ambiguous ones such as "he'd" get both readings), `any`
(default) lets both through. With `consistent` (default), a text that uses both forms of the same
pair gets the later form flagged, whatever the mode. In French, `forbidden` flags spoken elisions
("y’a", "j’suis", "p’tit").

`slang` (default true) flags the shipped informal words (`brandvoice/data/lexicons/slang-*.txt`),
extended by `slang_add` and pruned by `slang_remove`.

```yaml
voice:
  contractions: required     # shorthand for formality: {contractions: required}
  formality: {slang_remove: [cool]}
```
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from typing import Literal

import regex

from brandvoice.findings import Match
from brandvoice.nlp.lexicons import LexiconOptions, find
from brandvoice.rules.base import CheckContext, Example, RuleOptions
from brandvoice.rules.words import match_case

NAME = "formality"
CATEGORY = "tone"
LEVEL = "warning"
MESSAGE = "“{match}” does not fit the brand’s register."

# (contracted, full forms...). The first full form is the suggestion; "required" only suggests
# contractions from the full forms marked in _CONTRACTIBLE (the "have" ones need a participle).
_PAIRS_EN: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("don't", ("do not",)), ("doesn't", ("does not",)), ("didn't", ("did not",)),
    ("isn't", ("is not",)), ("aren't", ("are not",)), ("wasn't", ("was not",)), ("weren't", ("were not",)),
    ("haven't", ("have not",)), ("hasn't", ("has not",)), ("hadn't", ("had not",)),
    ("won't", ("will not",)), ("wouldn't", ("would not",)), ("can't", ("cannot", "can not")),
    ("couldn't", ("could not",)), ("shouldn't", ("should not",)), ("mustn't", ("must not",)),
    ("I'm", ("I am",)), ("you're", ("you are",)), ("we're", ("we are",)), ("they're", ("they are",)),
    ("it's", ("it is", "it has")), ("that's", ("that is", "that has")), ("there's", ("there is", "there has")),
    ("here's", ("here is",)), ("what's", ("what is", "what has")), ("he's", ("he is", "he has")), ("she's", ("she is", "she has")),
    ("I'll", ("I will",)), ("you'll", ("you will",)), ("we'll", ("we will",)), ("they'll", ("they will",)), ("it'll", ("it will",)),
    ("I've", ("I have",)), ("you've", ("you have",)), ("we've", ("we have",)), ("they've", ("they have",)),
    ("I'd", ("I would", "I had")), ("you'd", ("you would", "you had")), ("we'd", ("we would", "we had")),
    ("they'd", ("they would", "they had")), ("he'd", ("he would", "he had")), ("she'd", ("she would", "she had")),
    ("he'll", ("he will",)), ("she'll", ("she will",)), ("that'll", ("that will",)), ("there'll", ("there will",)),
    ("who's", ("who is", "who has")), ("where's", ("where is",)), ("how's", ("how is",)),
)
_NOT_CONTRACTIBLE = {"it has", "that has", "there has", "what has", "he has", "she has", "who has", "I have", "you have",
                     "we have", "they have", "I had", "you had", "we had", "they had", "he had", "she had"}
# spoken French elisions → the written form
_SPOKEN_FR = {"y'a": "il y a", "y'avait": "il y avait", "j'suis": "je suis", "chuis": "je suis", "p'tit": "petit",
              "p'tite": "petite", "p'tits": "petits", "p'tites": "petites", "m'sieur": "monsieur", "t'es": "tu es",
              "t'étais": "tu étais", "j'sais": "je sais", "j'peux": "je peux", "j'vais": "je vais", "ch'sais": "je sais"}
_EDGE_BEFORE = r"(?<![\p{L}\p{N}_#@'’-])"
_EDGE_AFTER = r"(?![\p{L}\p{N}_'’-])"


class Options(RuleOptions):
    contractions: Literal["required", "forbidden", "any"] = "any"
    consistent: bool = True
    slang: bool = True
    slang_add: tuple[str, ...] = ()
    slang_remove: tuple[str, ...] = ()


def _form_pattern(form: str) -> str:
    body = r"[ \u00a0]+".join(regex.escape(word).replace("'", "['’]") for word in form.split())
    return _EDGE_BEFORE + body + _EDGE_AFTER


@cache
def _compiled(form: str) -> regex.Pattern:
    return regex.compile(_form_pattern(form), regex.IGNORECASE)


def _norm(s: str) -> str:
    return " ".join(s.replace("’", "'").split()).casefold()


def _apostrophe_like(original: str, suggestion: str) -> str:
    return suggestion.replace("'", "’") if "’" in original else suggestion


def _clause_end_follows(text: str, end: int) -> bool:
    """Full forms at a clause end cannot contract ("Yes, we are.", "That is, ...")."""
    return regex.match(r"[ \t]*(?:[.,;:!?…)»”\"]|$)", text[end:]) is not None


def check(ctx: CheckContext, options: Options) -> Iterator[Match]:
    found: list[Match] = []
    if ctx.lang == "en":
        found.extend(_contractions_en(ctx, options))
    elif ctx.lang == "fr" and options.contractions == "forbidden":
        for spoken, written in _SPOKEN_FR.items():
            for m in _compiled(spoken).finditer(ctx.text):
                found.append(Match(m.start(), m.end(), message=f"“{m.group()}” is spoken French: write “{written}”.",
                                   replacements=(match_case(m.group(), written),)))
    if options.slang:
        lexicon = LexiconOptions(add=options.slang_add, remove=options.slang_remove)
        for m in find(ctx, "slang", lexicon):
            found.append(Match(m.start(), m.end(), message=f"“{m.group()}” is slang."))
    taken: list[tuple[int, int]] = []
    for match in sorted(found, key=lambda m: (m.start, -m.end)):
        if not any(s < match.end and match.start < e for s, e in taken):
            taken.append((match.start, match.end))
            yield match


def _contractions_en(ctx: CheckContext, options: Options) -> Iterator[Match]:
    text = ctx.text
    for contracted, fulls in _PAIRS_EN:
        short = [m for m in _compiled(contracted).finditer(text)]
        long = [(m, full) for full in fulls for m in _compiled(full).finditer(text)]
        if options.contractions == "forbidden":
            for m in short:
                suggestions = tuple(_apostrophe_like(m.group(), match_case(m.group(), f)) for f in fulls)
                yield Match(m.start(), m.end(), message=f"Write “{' or '.join(suggestions)}”: this brand does not use contractions.",
                            replacements=suggestions, fix_safe=len(suggestions) == 1)
            continue
        if options.contractions == "required":
            for m, full in long:
                if full in _NOT_CONTRACTIBLE or _clause_end_follows(text, m.end()):
                    continue
                suggestion = match_case(m.group(), contracted)
                yield Match(m.start(), m.end(), message=f"Write “{suggestion}”: this brand uses contractions.",
                            replacements=(suggestion,), fix_safe=True)
            continue
        if options.consistent and short and long:
            # "cannot" then "can't": the form used first wins
            long_forms = [m for m, full in long if full not in _NOT_CONTRACTIBLE]
            if not long_forms:
                continue
            first_short, first_long = short[0].start(), min(m.start() for m in long_forms)
            later = long_forms if first_short < first_long else short
            first = short[0].group() if first_short < first_long else min(long_forms, key=lambda m: m.start()).group()
            for m in later:
                yield Match(m.start(), m.end(), message=f"“{m.group()}” and “{first}” in the same text: pick one.",
                            replacements=(match_case(m.group(), first),))


EXAMPLES = (
    Example("Do not miss our sale: we are open late.", expect=("Do not", "we are"), options={"contractions": "required"}),
    Example("Yes, we are. Don't miss it.", options={"contractions": "required"}, note="a clause-final full form stays"),
    Example("Don't miss it, it's ending soon.", expect=("Don't", "it's"), options={"contractions": "forbidden"}),
    Example("You can't miss it. You cannot be late.", expect=("cannot",)),
    Example("We're gonna love this, lol.", expect=("gonna", "lol")),
    Example("Y’a un p’tit souci avec ta réservation.", expect=("Y’a", "p’tit"), options={"contractions": "forbidden"}, language="fr-FR"),
    Example("Il y a un petit souci avec votre réservation, on vous rappelle.", options={"contractions": "forbidden"}, language="fr-FR"),
    Example("Ce spa, c’est trop bien, on kiffe !", expect=("trop bien", "kiffe"), language="fr-FR"),
)
