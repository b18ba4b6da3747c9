"""Whether a word a spell checker does not know reads as a proper name in its text.

A spell checker's dictionary cannot list every person, place, brand or product ("Popovich",
"Whoopi", "Juncker", "Glass-Steagall"), and a community manager writes them all the time. A word
reads as a name when every signal below agrees:

- **its shape**: a capital then lower-case letters, for each part of a hyphenated word
  ("Knauss", "Sarah-Brockett"; not "MarketWatch", "Bourdin@", "tx");
- **no respelling of a known word**: none of the checker's suggestions writes the same letters
  with other accents, apostrophes or inner capitals ("Ecologie" → "Écologie", "Wikileaks" →
  "WikiLeaks": a known word misspelled, not a name). The same letters in capitals ("Tipp" →
  "TIPP") are only the acronym reading, and say nothing;
- **no slip of the guide's own words**: one edit away from a name or an accepted word of the guide
  ("Brisalunne" for the brand's "Brisalune") is that word misspelled;
- **the capital is evidence**: inside a sentence (not at a line's start), the writer chose the
  capital, and spaCy's tagger must read the word as a proper noun in its context (PROPN); at a
  sentence's or a line's start the capital is the sentence's, so only spaCy's entity recogniser
  counts: the word lies in the name of a person, an organisation, a place or a product ("Dylann
  Roof wants…"; not "Thechicago firehouse…", nor "Omg" opening a line).

Typos that happen to look like a name (a capitalised word mid-sentence the tagger calls a proper
noun: "Wallst" for "Wall St") are lost with them: measured on real posts in
`benchmarks/bench_precision.py`, that is two real problems ("Wallst", "Suki" for "Sookie") for
sixteen false alarms in English, and eight false alarms and no real problem in French.
In a language that capitalises every noun (German: the pack's `capitalised_nouns`), a capital is
never evidence: only the entity recogniser counts, wherever the word stands. Without a spaCy model
for the language, no word reads as a name.
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Iterable, Sequence
from typing import Any

import regex

from brandvoice.languages.packs import pack_for
from brandvoice.learn.typos import is_edit1
from brandvoice.nlp.vocabulary import strip_accents
from brandvoice.parsing.prose import ProseText
from brandvoice.rules.base import CheckContext

_NAME_SHAPE = regex.compile(r"\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)*")
_APOSTROPHES = regex.compile(r"['’]")
_WORD_CHAR = regex.compile(r"[\p{L}\p{N}]")
_GUIDE_WORD = regex.compile(r"\p{L}+")
# spaCy's entity labels for names (English OntoNotes, French WikiNER); not dates, numbers or MISC
NAME_ENTITIES = frozenset({"PERSON", "PER", "ORG", "GPE", "LOC", "FAC", "PRODUCT"})

_lock = threading.Lock()
_recognisers: dict[str, Any] = {}


def reads_as_name(ctx: CheckContext, start: int, end: int, suggestions: Sequence[str]) -> bool:
    """Whether the text's word at [start, end), unknown to a spell checker that suggests
    `suggestions`, reads as a proper name (see the module docstring)."""
    word = ctx.text[start:end]
    if not _NAME_SHAPE.fullmatch(word) or respells(word, suggestions) or slip_of(word, ctx.accepted_words):
        return False
    from brandvoice.nlp.models import resolve_model

    if resolve_model(ctx.lang) is None:
        return False
    pack = pack_for(ctx.lang)
    if opens_sentence(ctx.prose, start) or (pack is not None and pack.capitalised_nouns):
        return bool(_entity_labels(ctx, start, end) & NAME_ENTITIES)
    return _tagged_proper_noun(ctx, start, end)


def respells(word: str, suggestions: Sequence[str]) -> bool:
    """Whether a suggestion writes the word's letters otherwise: accents, apostrophes or capitals
    inside it ("Ecologie" → "Écologie", "OBrien" → "O'Brien"), not merely all in capitals."""
    key = _letters(word)
    return any(_letters(s) == key and not (s.isupper() and not word.isupper()) for s in suggestions)


def slip_of(word: str, accepted_words: Iterable[str]) -> bool:
    """Whether the word is one slip (an edit) away from a word of the guide's own names or accepted
    vocabulary: "Brisalunne" is the brand's "Brisalune" misspelled, not another name."""
    folded = word.casefold()
    return any(is_edit1(folded, part) for part in _guide_words(frozenset(accepted_words)))


@functools.cache
def _guide_words(accepted_words: frozenset[str]) -> frozenset[str]:
    return frozenset(w.casefold() for entry in accepted_words for w in _GUIDE_WORD.findall(entry))


def _letters(word: str) -> str:
    return strip_accents(_APOSTROPHES.sub("", word.casefold()))


def opens_sentence(prose: ProseText, offset: int) -> bool:
    """Whether only punctuation, spaces, mentions, hashtags, links or emoji come before `offset` in
    its sentence or its line (`@user Dylann Roof…` opens one: the reply's handle is no part of it;
    a post's lines start with a capital whatever ends the line before)."""
    start = max((s for s, _ in prose.sentences if s <= offset), default=0)
    start = max(start, prose.text.rfind("\n", 0, offset) + 1)
    head = list(prose.text[start:offset])
    for span in prose.social_spans:
        for i in range(max(span.start, start), min(span.end, offset)):
            head[i - start] = " "
    return not _WORD_CHAR.search("".join(head))


def _tokens(doc: Any, start: int, end: int) -> list[Any]:
    return [t for t in doc if t.idx < end and start < t.idx + len(t.text) and _WORD_CHAR.search(t.text)]


def _tagged_proper_noun(ctx: CheckContext, start: int, end: int) -> bool:
    from brandvoice.nlp.docs import get_doc
    from brandvoice.nlp.models import TAGS

    tokens = _tokens(get_doc(ctx, TAGS), start, end)
    return bool(tokens) and all(t.pos_ == "PROPN" for t in tokens)


def _entity_labels(ctx: CheckContext, start: int, end: int) -> set[str]:
    from brandvoice.nlp.tokenizer import normalise

    doc = _recogniser(ctx.lang)(normalise(ctx.text))
    return {t.ent_type_ for t in _tokens(doc, start, end) if t.ent_type_}


def _recogniser(lang: str) -> Any:
    """The language model's entity recogniser alone (it has its own token vectors), loaded once per
    process and only when a sentence opens with a word a spell checker does not know."""
    with _lock:
        if lang not in _recognisers:
            import spacy

            from brandvoice.nlp.models import resolve_model
            from brandvoice.nlp.tokenizer import customise

            model = resolve_model(lang)
            nlp = spacy.load(model, exclude=[name for name in _components(model) if name != "ner"])
            customise(nlp)
            _recognisers[lang] = nlp
        return _recognisers[lang]


def _components(model: str) -> list[str]:
    from spacy.util import get_model_meta, get_package_path

    return list(get_model_meta(get_package_path(model)).get("components", []))
