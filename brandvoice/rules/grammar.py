"""grammar: grammar, spelling and typography checked by a real LanguageTool server.

Built from the guide's `grammar:` section (on by default; `--no-grammar` turns it off). Each
LanguageTool match becomes a finding `languagetool.<RULE_ID>` with `source: languagetool`, a
category from LanguageTool's issue type and category (misspelling → spelling, grammar,
typographical → typography, style), its message and up to 5 replacements. Hashtags, @mentions,
URLs, e-mail addresses, emoji, inline code and the medium's conventions (`RT @user:`, `cc @user`,
emoticons, HTML entities) never produce findings: a match inside one is dropped, and a match that
only partly covers one is trimmed to its part outside the token when its suggestions leave the
token as it is (`@Apple 's` → ` 's`, fixed to `'s`), else dropped. Words of the guide's
`vocabulary.accept` (and their plural, possessive or inflected forms) are never misspellings, nor
are words in capitals that read as acronyms (the shipped list, or 5 letters at most and not a
dictionary word: "GPII", "LSI"), as word processors ignore words in upper case; a long word in
capitals keeps its spelling finding ("DEVELOPPEMENT"). Nor are proper names: a word written as a
name that spaCy reads as one in its sentence ("Whoopi said", "Dylann Roof wants"), unless a
suggestion respells the same letters ("Ecologie" → "Écologie"); see `nlp.proper_names`
(`proper_names: false` turns that reading off, as `brandvoice learn` does to find a brand's names).

Levels: misspellings and grammar errors are errors, typography and style warnings; override per
rule (`languagetool.FRENCH_WHITESPACE: suggestion`) or per category
(`languagetool.category.TYPOS: warning`, `languagetool.category.style: off`) in `levels`.

```yaml
grammar:
  disabled_rules: [WHITESPACE_RULE]
  picky: true
```
"""

from __future__ import annotations

import bisect
import functools
from collections.abc import Iterator

import regex

from brandvoice.findings import Match
from brandvoice.languagetool import service
from brandvoice.messages import Messages
from brandvoice.nlp.proper_names import reads_as_name
from brandvoice.parsing.prose import ProseText
from brandvoice.parsing.social import NOT_PROSE
from brandvoice.rules.base import CheckContext, Example, Kind, RuleOptions

MESSAGES = Messages({"grammar.default": "{match}"})

LEVEL = "error"
MASKED_KINDS = (*NOT_PROSE, "emoji")

CATEGORY_LEVELS = {"spelling": "error", "grammar": "error", "typography": "warning", "style": "warning"}

_ISSUE_TYPES = {
    "misspelling": "spelling",
    "grammar": "grammar",
    "typographical": "typography",
    "whitespace": "typography",
    "duplication": "grammar",
    "inconsistency": "style",
    "style": "style",
    "register": "style",
    "locale-violation": "style",
}
# LanguageTool category ids (English and French modules) for issue types such as `uncategorized`
_CATEGORY_IDS = {
    "TYPOS": "spelling",
    "SPELLING": "spelling",
    "CAT_ORTHOGRAPHE": "spelling",
    "GRAMMAR": "grammar",
    "CAT_GRAMMAIRE": "grammar",
    "AGREEMENT": "grammar",
    "CONFUSED_WORDS": "grammar",
    "CONFUSION": "grammar",
    "CAT_HOMONYMES_PARONYMES": "grammar",
    "CAT_ELISION": "grammar",
    "CAT_TOURS_CRITIQUES": "grammar",
    "NONSTANDARD_PHRASES": "grammar",
    "COLLOCATIONS": "grammar",
    "SEMANTICS": "grammar",
    "TYPOGRAPHY": "typography",
    "CAT_TYPOGRAPHIE": "typography",
    "PUNCTUATION": "typography",
    "CASING": "typography",
    "COMPOUNDING": "typography",
    "MISC": "typography",
    "STYLE": "style",
    "CAT_STYLE": "style",
    "REDUNDANCY": "style",
    "REPETITIONS": "style",
    "REPETITIONS_STYLE": "style",
    "PLAIN_ENGLISH": "style",
    "CAT_REGLES_DE_BASE": "grammar",
    "CREATIVE_WRITING": "style",
    "GENDER_NEUTRALITY": "style",
    "FALSE_FRIENDS": "grammar",
    "REGIONALISMS": "style",
    "AMERICAN_ENGLISH_STYLE": "style",
    "AMERICAN_ENGLISH": "style",
    "BRITISH_ENGLISH": "style",
    "BRE_STYLE_OXFORD_SPELLING": "style",
    "MULTITOKEN_SPELLING": "spelling",
    "PROPER_NOUNS": "typography",
    "CAT_MAJUSCULES": "typography",
    "CAT_MARQUES_DE_COMMERCE": "typography",
    "PONCTUATION_VIRGULE": "typography",
    "PONCTUATION_POINT": "typography",
    "PONCTUATION_STYLE_OS": "typography",
    "CAT_PLEONASMES": "style",
    "CAT_REGIONALISMES": "style",
    "CAT_ARCHAISMES": "style",
    "CAT_CALQUES": "style",
    "CAT_ANGLICISMES_FOREIGN_TERMS": "style",
    "TON_ACADEMIC": "style",
    "WIKIPEDIA": "style",
    "AI_RULES": "style",
}
# plural, possessive and common inflection endings that keep an accepted word accepted
_INFLECTIONS = ("s", "es", "x", "'s", "’s", "'", "’", "e", "es", "ed", "ing", "er", "ers")
_WORDS = regex.compile(r"[\p{L}\p{N}]+(?:['’][\p{L}]+)?")
_APOSTROPHE_MARKS = ("'", "’")
# a quotation mark that opens: a curly or angle opener, or a straight quote not glued to a word before it
_OPENING_QUOTE = regex.compile(r"[“‘«‹„]|(?<![\p{L}\p{N}])['\"](?=\S)")


class Options(RuleOptions):
    disabled_rules: tuple[str, ...] = ()
    enabled_rules: tuple[str, ...] = ()
    disabled_categories: tuple[str, ...] = ()
    picky: bool = False
    mother_tongue: str | None = None
    proper_names: bool = True  # unknown words that read as proper names are no misspellings


def category_for(issue_type: str, category_id: str) -> str:
    """brandvoice's category for a LanguageTool match: by issue type, else by category id (French
    rules are mostly `uncategorized`), else grammar."""
    if issue_type in _ISSUE_TYPES:
        return _ISSUE_TYPES[issue_type]
    return _CATEGORY_IDS.get(category_id, "grammar")


def _touches_placeholder(points: tuple[int, ...], start: int, end: int) -> bool:
    """Whether a removed-markup point lies in [start, end] (points are in order)."""
    i = bisect.bisect_left(points, start)
    return i < len(points) and points[i] <= end


def accepted(word: str, accepted_words: frozenset[str]) -> bool:
    """Whether a flagged word is an accepted one, or its plural/possessive/inflected form."""
    if not accepted_words:
        return False
    folded = _folded(accepted_words)
    tokens = _WORDS.findall(word) or [word]
    return all(_accepted_token(token.casefold(), folded) for token in tokens)


@functools.cache
def _folded(accepted_words: frozenset[str]) -> frozenset[str]:
    """The accepted words and each of their words, case-folded: built once per guide."""
    return frozenset(
        {w.casefold() for entry in accepted_words for w in _WORDS.findall(entry)}
        | {entry.casefold() for entry in accepted_words}
    )


def _accepted_token(token: str, folded: set[str]) -> bool:
    if token in folded:
        return True
    return any(token.endswith(suffix) and token[: -len(suffix)] in folded for suffix in _INFLECTIONS)


def _known_word(word: str, ctx: CheckContext) -> bool:
    """An accepted word of the guide, or an acronym: not a misspelling whatever LanguageTool knows."""
    from brandvoice.nlp.capitals import is_acronym
    from brandvoice.nlp.lexicons import load_lexicon

    return accepted(word, ctx.accepted_words) or is_acronym(word, ctx.language, load_lexicon("acronyms"))


def _apostrophe(text: str, start: int, end: int) -> bool:
    """Whether an unpaired quote LanguageTool reports is an apostrophe: one that ends a word
    (elision "Ridin'", plural possessive "the players'") while no quotation opened before it, in
    its paragraph, that it could close ("“Worry … never have'." is a closing quote)."""
    if text[start:end] not in _APOSTROPHE_MARKS or not text[start - 1 : start].isalpha():
        return False
    if text[end : end + 1].isalpha():
        return False
    paragraph = text[text.rfind("\n\n", 0, start) + 1 : start]
    return not _OPENING_QUOTE.search(paragraph)


def check(ctx: CheckContext, options: Options) -> Iterator[Match]:
    if service.NAME not in ctx.services:
        service.send([(ctx, options)])  # a text checked on its own (rule examples, `explain`)
    result = ctx.services[service.NAME]
    prose = ctx.prose
    for m in result.matches:
        if m.end <= m.start:
            continue
        outside = outside_masked(prose, m.start, m.end, m.replacements)
        if outside is None:
            continue
        start, end, replacements = outside
        if "UNPAIRED" in m.rule_id and _apostrophe(prose.text, start, end):
            continue
        if _touches_placeholder(result.placeholders, start, end):
            continue  # touches removed inline code or an image
        category = category_for(m.issue_type, m.category_id)
        if category == "spelling" and (
            _known_word(prose.text[start:end], ctx)
            or (options.proper_names and reads_as_name(ctx, start, end, replacements))
        ):
            continue
        yield Match(
            start,
            end,
            message=m.message,
            replacements=replacements,
            rule_id=f"languagetool.{m.rule_id}",
            level=CATEGORY_LEVELS.get(category, LEVEL),
            source="languagetool",
            category=category,
            source_category=m.category_id,
        )


def outside_masked(
    prose: ProseText, start: int, end: int, replacements: tuple[str, ...]
) -> tuple[int, int, tuple[str, ...]] | None:
    """A match's part outside the masked tokens it touches, with its replacements cut to match; None
    when it lies inside a token, spans one, or its replacements would change the token."""
    text = prose.text
    trimmed = False
    for span in prose.overlapping(start, end, MASKED_KINDS):  # by bisection: linear over a draft
        if not (span.start < end and start < span.end):
            continue  # no longer overlaps the match trimmed so far
        if span.start <= start and end <= span.end or start < span.start and span.end < end:
            return None
        trimmed = True
        if span.start <= start:  # the token's tail opens the match: "@Apple 's"
            head = text[start : span.end]
            if not all(r.startswith(head) for r in replacements):
                return None
            replacements, start = tuple(r[len(head) :] for r in replacements), span.end
            while start < end and text[start].isspace() and all(r[:1] == text[start] for r in replacements):
                replacements, start = tuple(r[1:] for r in replacements), start + 1
        else:  # the token's head closes the match: "a recrutement@mirabelle.fr"
            tail = text[span.start : end]
            if not all(r.endswith(tail) for r in replacements):
                return None
            replacements, end = tuple(r[: len(r) - len(tail)] for r in replacements), span.start
            while end > start and text[end - 1].isspace() and all(r[-1:] == text[end - 1] for r in replacements):
                replacements, end = tuple(r[:-1] for r in replacements), end - 1
    if trimmed and not text[start:end].strip():
        return None  # nothing but the space next to the token was left
    return start, end, replacements


EXAMPLES = (
    Example("Les enfant sont allé à l'école.", expect=("Les enfant", "allé"), language="fr-FR"),
    Example("Les enfants sont allés à l'école.", language="fr-FR"),
    Example("He go to school every day, its teh best.", expect=("go", "teh"), language="en-US"),
    Example("He goes to school every day. It is the best.", language="en-US"),
    Example(
        "On adore #JeudiPhoto avec @marie_dpt 📸 https://exemple.fr/jeudiphoto",
        language="fr-FR",
        note="hashtags, mentions, emoji and URLs are masked",
    ),
    Example("Merci pour l’info cc @bob &amp; @ann :(", language="fr-FR",
            note="cc before a handle, HTML entities and emoticons are conventions of the medium"),
    Example("I love @Apple 's new phone.", expect=(" 's",),
            note="a match partly on a handle is trimmed to its part outside the handle"),
    Example("Same as what Whoopi said about it.", note="a proper name is not a misspelling"),
    Example("Ségolène Royal face à sa première crise au ministère de l'Ecologie.", expect=("Ecologie",),
            language="fr-FR", note="a name-shaped word a suggestion respells (Écologie) is misspelled"),
)


def without_languagetool_rules(options: Options, rule_ids: frozenset[str]) -> Options:
    """The options with these LanguageTool rules turned off (another kind checks what they check)."""
    merged = tuple(dict.fromkeys((*options.disabled_rules, *sorted(rule_ids))))
    return options.model_copy(update={"disabled_rules": merged})


KIND = Kind(
    name="grammar", category="grammar", level=LEVEL, options=Options, check=check,
    messages=MESSAGES, examples=EXAMPLES, doc=__doc__, needs=frozenset({service.NAME}),
    fine_ids=True,  # findings carry LanguageTool's rule ids: selection applies per finding
    without_languagetool_rules=without_languagetool_rules,
)
