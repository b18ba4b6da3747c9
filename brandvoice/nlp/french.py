"""French verb forms from the model's own lemmatizer tables, independent of the tagger.

The small French model's morphologizer is unreliable on short imperative posts (it tags
"Découvre" as a proper noun and "Réserve" as a 3rd-person subjunctive), so the register kind asks
"is this word a conjugated verb form?" of the lemmatizer's lookup tables: the irregular forms
(`lemma_exc`, 114k forms), the suffix rules and the index of known infinitives (`lemma_index`).
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any


class VerbForms:
    def __init__(self, exceptions: Any, rules: list, infinitives: Any, nouns: Any = frozenset()) -> None:
        self._exceptions = exceptions
        self._rules = rules
        self._infinitives = infinitives
        self._nouns = nouns

    @classmethod
    def of(cls, nlp: Any) -> "VerbForms | None":
        """The tables of a loaded French model's lemmatizer, or None (blank pipeline)."""
        return _verb_forms(nlp)

    def lemmas(self, word: str) -> tuple[str, ...]:
        """Infinitives `word` may be a conjugated form of (empty when it is not a verb form)."""
        word = word.casefold()
        found = list(self._exceptions.get(word) or ())
        for old, new in self._rules:
            if word.endswith(old) and word[: len(word) - len(old)] + new in self._infinitives:
                found.append(word[: len(word) - len(old)] + new)
        if word.endswith("e") and word + "r" in self._infinitives:  # réserve → réserver
            found.append(word + "r")
        return tuple(lemma for lemma in dict.fromkeys(found) if lemma != word)

    def is_noun(self, word: str) -> bool:
        """Also a noun ("réserve", "offre", "chambre"): then only a determiner after it makes it a verb."""
        word = word.casefold()
        return word in self._nouns or (word[-1:] in "sx" and word[:-1] in self._nouns)


@lru_cache(maxsize=4)
def _verb_forms(nlp: Any) -> VerbForms | None:
    if nlp.lang != "fr" or not nlp.has_pipe("lemmatizer"):
        return None
    lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
    if lookups is None or not all(lookups.has_table(t) for t in ("lemma_exc", "lemma_rules", "lemma_index")):
        return None
    return VerbForms(
        lookups.get_table("lemma_exc").get("verb") or {},
        list(lookups.get_table("lemma_rules").get("verb") or ()),
        set(lookups.get_table("lemma_index").get("verb") or ()),
        set(lookups.get_table("lemma_index").get("noun") or ()),
    )
