"""formality: contractions, slang, and not mixing "can't" with "cannot" in one text.

`contractions` (English): `required` flags full forms that read stiff ("do not" → "don't"; not
at the end of a clause, where only the full form works: "Yes, we are."), `forbidden` flags
contractions ("don't" → "do not"; ambiguous ones such as "he'd" get both readings), `any`
(default) lets both through. With `consistent` (default), a text that uses both forms of the same
pair gets the later form flagged, whatever the mode. In French, `forbidden` flags spoken elisions
("y’a", "j’suis", "p’tit").

`slang` (default true) flags the shipped informal words (`brandvoice/languages/<lang>/lexicons/slang.txt`),
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
from brandvoice.languages.pack import Contractions
from brandvoice.languages.packs import pack_for
from brandvoice.messages import Listed, Messages
from brandvoice.nlp.lexicons import LexiconOptions, find
from brandvoice.rules.base import CheckContext, Example, Kind, RuleOptions
from brandvoice.rules.words import match_case

MESSAGES = Messages({
    "formality.default": "“{match}” does not fit the brand’s register.",
    "formality.spoken": "“{found}” is spoken French: write “{written}”.",
    "formality.slang": "“{found}” is slang.",
    "formality.no_contractions": "Write {written}: this brand does not use contractions.",
    "formality.written": "“{word}”",
    "formality.contractions": "Write “{written}”: this brand uses contractions.",
    "formality.mixed": "“{found}” and “{first}” in the same text: pick one.",
})

_EDGE_BEFORE = r"(?<![\p{L}\p{N}_#@'’-])"
_EDGE_AFTER = r"(?![\p{L}\p{N}_'’-])"
_CLAUSE_END = regex.compile(r"[ \t]*(?:[.,;:!?…)»”\"]|$)")


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
    return _CLAUSE_END.match(text, end) is not None


def check(ctx: CheckContext, options: Options) -> Iterator[Match]:
    found: list[Match] = []
    folded = _fold(ctx.text)
    pack = pack_for(ctx.lang)
    if pack is not None and pack.contractions is not None:
        found.extend(_contractions(ctx, options, pack.contractions, folded))
    elif pack is not None and options.contractions == "forbidden":
        for spoken, written in pack.spoken_forms.items():
            for m in _matches(spoken, _key(spoken), ctx.text, folded):
                message = MESSAGES.say("formality.spoken", found=m.group(), written=written)
                found.append(Match(m.start(), m.end(), message=message,
                                   replacements=(match_case(m.group(), written),)))
    if options.slang:
        lexicon = options.compiled("slang", lambda: LexiconOptions(add=options.slang_add, remove=options.slang_remove))
        for m in find(ctx, "slang", lexicon):
            found.append(Match(m.start(), m.end(), message=MESSAGES.say("formality.slang", found=m.group())))
    taken: list[tuple[int, int]] = []
    for match in sorted(found, key=lambda m: (m.start, -m.end)):
        if not any(s < match.end and match.start < e for s, e in taken):
            taken.append((match.start, match.end))
            yield match


def _fold(text: str) -> str:
    """The text as the patterns' case-insensitive matching reads it: both apostrophes alike, and
    the dotted and dotless i of Turkish as i (the patterns equate them with i)."""
    return text.casefold().replace("’", "'").replace("i\u0307", "i").replace("ı", "i")


@cache
def _key(form: str) -> str:
    """The form's longest word, folded: a text without it cannot match the form."""
    return max(_fold(form).split(), key=len)


@cache
def _pair_keys(contractions: Contractions) -> tuple[tuple[str, tuple[str, ...]], ...]:
    return tuple((_key(contracted), tuple(_key(full) for full in fulls)) for contracted, fulls in contractions.pairs)


def _matches(form: str, key: str, text: str, folded: str) -> list[regex.Match]:
    # one substring test spares a regex scan per form and text, most forms being absent
    return list(_compiled(form).finditer(text)) if key in folded else []


def _contractions(ctx: CheckContext, options: Options, contractions: Contractions, folded: str) -> Iterator[Match]:
    text = ctx.text
    for (contracted, fulls), (short_key, full_keys) in zip(contractions.pairs, _pair_keys(contractions)):
        short = _matches(contracted, short_key, text, folded)
        long = [(m, full) for full, key in zip(fulls, full_keys) for m in _matches(full, key, text, folded)]
        if options.contractions == "forbidden":
            for m in short:
                suggestions = tuple(_apostrophe_like(m.group(), match_case(m.group(), f)) for f in fulls)
                written = Listed((MESSAGES.say("formality.written", word=s) for s in suggestions[:2]), style="or")
                yield Match(m.start(), m.end(), message=MESSAGES.say("formality.no_contractions", written=written),
                            replacements=suggestions, fix_safe=len(suggestions) == 1)
            continue
        if options.contractions == "required":
            for m, full in long:
                if full in contractions.not_contractible or _clause_end_follows(text, m.end()):
                    continue
                suggestion = match_case(m.group(), contracted)
                yield Match(m.start(), m.end(), message=MESSAGES.say("formality.contractions", written=suggestion),
                            replacements=(suggestion,), fix_safe=True)
            continue
        if options.consistent and short and long:
            # "cannot" then "can't": the form used first wins
            long_forms = [m for m, full in long if full not in contractions.not_contractible]
            if not long_forms:
                continue
            first_short, first_long = short[0].start(), min(m.start() for m in long_forms)
            later = long_forms if first_short < first_long else short
            first = short[0].group() if first_short < first_long else min(long_forms, key=lambda m: m.start()).group()
            for m in later:
                yield Match(m.start(), m.end(), message=MESSAGES.say("formality.mixed", found=m.group(), first=first),
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


KIND = Kind(
    name="formality", category="tone", level="warning", options=Options, check=check,
    messages=MESSAGES, examples=EXAMPLES, doc=__doc__,
)
