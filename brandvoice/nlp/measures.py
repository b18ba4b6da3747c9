"""Measurements on a parsed text, shared by the voice kinds and the tone profile.

Counting is done once on spaCy tokens: a *word* is a token with a letter that is not
punctuation, a URL, an e-mail, a mention, a hashtag or an emoji; a *sentence* is a spaCy sentence
with at least one word. Syllables come from pyphen's hyphenation dictionaries (hyphenation points
+ 1, textstat's own method when a word is not in the CMU dictionary; textstat's CMU path needs an
NLTK download at run time, so it is not used), not from hand-written rules.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from brandvoice.languages.pack import ReadabilityFormula
from brandvoice.languages.packs import FALLBACK, pack_for
from brandvoice.nlp.docs import sentence_spans, word_tokens
from brandvoice.nlp.tokenizer import social_kind

# dependency labels of a passive auxiliary / subject: English (ClearNLP) and French (UD)
PASSIVE_AUX = {"auxpass", "aux:pass"}
PASSIVE_SUBJ = {"nsubjpass", "csubjpass", "nsubj:pass", "csubj:pass"}
PASSIVE_AGENT = {"agent", "obl:agent"}
_PASSIVE_MARKS = PASSIVE_AUX | PASSIVE_SUBJ
LONG_WORD = 7  # LIX counts words of more than six letters


def _per_doc(doc: Any, key: Hashable, compute: Callable[[], Any]) -> Any:
    """A measure computed once per parsed text (kept in the doc's `user_data`): the voice kinds and
    the tone profile ask for the same words, sentences and scores."""
    data = doc.user_data
    if ("brandvoice", key) not in data:
        data[("brandvoice", key)] = compute()
    return data[("brandvoice", key)]


def words(doc: Any) -> list[Any]:
    """The doc's word tokens (`word_tokens`), in order."""
    return _per_doc(doc, "words", lambda: list(word_tokens(doc)))


def _word_indices(doc: Any) -> list[int]:
    return _per_doc(doc, "word_indices", lambda: [t.i for t in words(doc)])


def sentences(doc: Any) -> list[Any]:
    """The doc's sentences with at least one word."""
    return _per_doc(doc, "sentences", lambda: [sent for sent in sentence_spans(doc) if word_count(sent)])


def word_count(span: Any) -> int:
    """Words in a sentence (a span of a doc), counted from the doc's word list."""
    indices = _word_indices(span.doc)
    return bisect_left(indices, span.end) - bisect_left(indices, span.start)


def passive_spans(doc: Any) -> list[tuple[Any, int, int]]:
    """(sentence, start, end) of each passive construction, from the auxiliary to the participle.

    Needs a dependency parse; an unparsed doc has none. Without an agent ("par nos équipes"), a
    participle the tagger calls an adjective, or one after a presentative subject ("c’est sacré",
    "c’est fermé le lundi"), is an attribute describing a state, not a passive.
    """
    if not doc.has_annotation("DEP"):
        return []
    return _per_doc(doc, "passive_spans", lambda: _passive_spans(doc))


def _passive_spans(doc: Any) -> list[tuple[Any, int, int]]:
    pack = pack_for(doc.lang_)
    presentatives = pack.presentative_subjects if pack else frozenset()
    # a passive is built on the head of a passive auxiliary or subject: only those are looked at
    heads = sorted({t.head.i for t in doc if t.dep_ in _PASSIVE_MARKS and t.head.i != t.i})
    if not heads:
        return []
    found = []
    for sent in sentences(doc):
        for i in heads[bisect_left(heads, sent.start) : bisect_left(heads, sent.end)]:
            token = doc[i]
            aux = [c for c in token.children if c.dep_ in PASSIVE_AUX]
            subjects = [c for c in token.children if c.dep_ in PASSIVE_SUBJ]
            if not aux and not subjects or social_kind(token):
                continue  # no passive, or a parse of hashtags ("#EELV #MULHOUSE")
            if not any(c.dep_ in PASSIVE_AGENT for c in token.children) and (
                token.pos_ == "ADJ" or any(c.lower_ in presentatives for c in subjects)
            ):
                continue
            start = min([token.idx, *(a.idx for a in aux)])
            found.append((sent, start, token.idx + len(token.text)))
    return found


def passive_share(doc: Any) -> float | None:
    if not doc.has_annotation("DEP"):
        return None
    total = sentences(doc)
    if not total:
        return 0.0
    passive_starts = {sent.start for sent, _, _ in passive_spans(doc)}
    return len(passive_starts) / len(total) if passive_starts else 0.0


@dataclass(frozen=True)
class Readability:
    formula: ReadabilityFormula  # the language pack's
    words: int
    sentences: int
    syllables: int
    long_words: int

    @property
    def words_per_sentence(self) -> float:
        return self.words / self.sentences if self.sentences else 0.0

    @property
    def syllables_per_word(self) -> float:
        return self.syllables / self.words if self.words else 0.0

    @property
    def reading_ease(self) -> float:
        """The language's adaptation of Flesch's reading ease (Kandel & Moles in French): higher is easier."""
        f = self.formula
        return f.base - f.per_sentence * self.words_per_sentence - f.per_syllable * self.syllables_per_word

    @property
    def reading_ease_formula(self) -> str:
        return self.formula.name

    @property
    def grade(self) -> float | None:
        """Flesch–Kincaid grade level (English only: the formula is calibrated on US grades)."""
        if not self.formula.grade:
            return None
        return 0.39 * self.words_per_sentence + 11.8 * self.syllables_per_word - 15.59

    @property
    def lix(self) -> float:
        """Björnsson's LIX: words per sentence + percentage of words of seven letters or more."""
        return self.words_per_sentence + (100 * self.long_words / self.words if self.words else 0.0)

    def as_dict(self) -> dict[str, Any]:
        found: dict[str, Any] = {
            "words": self.words,
            "sentences": self.sentences,
            "reading_ease": round(self.reading_ease, 1),
            "formula": self.reading_ease_formula,
            "lix": round(self.lix, 1),
        }
        if self.grade is not None:
            found["grade"] = round(self.grade, 1)
        return found


@lru_cache(maxsize=4)
def _hyphenator(dictionary: str) -> Any:
    import pyphen

    return pyphen.Pyphen(lang=dictionary)


def count_syllables(word: str, formula: ReadabilityFormula) -> int:
    return _syllables(word.casefold(), formula.hyphenation)


@lru_cache(maxsize=65536)
def _syllables(word: str, dictionary: str) -> int:
    """Hyphenation points + 1 (words repeat from post to post: each is hyphenated once)."""
    return len(_hyphenator(dictionary).positions(word)) + 1


def readability(doc: Any, lang: str) -> Readability:
    """Readability with the formula of the text's language pack (English's for a language without one)."""
    formula = (pack_for(lang) or FALLBACK).readability
    return _per_doc(doc, ("readability", formula), lambda: _readability(doc, formula))


def _readability(doc: Any, formula: ReadabilityFormula) -> Readability:
    texts = [t.text for t in words(doc)]
    return Readability(
        formula=formula,
        words=len(texts),
        sentences=len(sentences(doc)),
        syllables=sum(count_syllables(w, formula) for w in texts),
        long_words=sum(1 for w in texts if sum(c.isalpha() for c in w) >= LONG_WORD),
    )


# Heylighen & Dewaele's formality score: deictic (context-dependent) parts of speech lower it
_FORMAL_POS = {"NOUN", "PROPN", "ADJ", "ADP"}
_DEICTIC_POS = {"PRON", "VERB", "AUX", "ADV", "INTJ"}


def formality_score(doc: Any) -> float | None:
    """F = (noun + adjective + preposition + article − pronoun − verb − adverb − interjection
    frequencies, in %, + 100) / 2, scaled to 0–1. Needs part-of-speech tags."""
    if not doc.has_annotation("POS"):
        return None
    tagged = [t for t in words(doc) if t.pos_]
    if not tagged:
        return None
    formal = sum(1 for t in tagged if t.pos_ in _FORMAL_POS or (t.pos_ == "DET" and "Art" in t.morph.get("PronType")))
    deictic = sum(1 for t in tagged if t.pos_ in _DEICTIC_POS)
    score = ((formal - deictic) * 100 / len(tagged) + 100) / 2
    return max(0.0, min(1.0, score / 100))
