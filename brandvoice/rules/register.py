"""register: French "vous" or "tu" — address the reader the way the brand does.

`use: vous` flags second-person-singular address: the pronouns tu, te, t’, toi, the determiners
ton, ta, tes, the possessives le tien, la tienne…, and 2nd-person-singular imperatives at the
start of a clause ("Réserve ta chambre", "Découvre nos offres", "Inscris-toi"). `use: tu` flags
formal address: vous, votre, vos, le vôtre… and "-ez" imperatives ("Réservez", "Profitez-en"),
except in sentences clearly addressed to a group (see below). English texts are not checked.

The small French model gets these wrong on its own (it tags "Tu" as a 3rd person, "vas" as a
pronoun, "Découvre" as a proper noun), so the kind combines a lexicon of address words, the
position of the word (an imperative starts a clause and has no subject), the lemmatizer's tables
of French verb forms ("découvre" is a form of "découvrir"), and the ending (-ez formal; -e, -s,
-x singular, but -er verbs take no s: "Soldes d’été" is not an order). A word that is also a noun
("Offre spéciale", "Chambre double") counts as an imperative only when a determiner or a
hyphenated pronoun follows it ("Réserve ta chambre", "Offre-toi"); the tagger's part of speech
is only a tie-breaker.

Plural "vous" in a `tu` brand: "vous" is legitimate when the sentence is clearly addressed to a
group: "vous tous/toutes/deux…", "chacun d’entre vous", "à tous", "tout le monde", a vocative
such as "les amis", "la team", "mesdames et messieurs", or a plural adjective or participle
after "vous êtes" ("vous êtes nombreux", "vous êtes prêts"). Otherwise "vous" is taken as formal.

```yaml
voice:
  register: vous      # shorthand for register: {use: vous}
```
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from typing import Any, Literal

import regex

from brandvoice.findings import Match
from brandvoice.languages.pack import RegisterWords
from brandvoice.languages.packs import pack_for
from brandvoice.messages import Messages
from brandvoice.nlp.docs import get_doc, pipeline_of, sentence_spans
from brandvoice.nlp.french import VerbForms
from brandvoice.nlp.models import TAGS
from brandvoice.nlp.tokenizer import social_kind, token_text
from brandvoice.rules.base import CheckContext, Example, Kind, RuleOptions

MESSAGES = Messages({"register.default": "“{match}”: this brand says “{use}” to its readers."})

_CLAUSE_BREAKS = {":", ";", "—", "–", "(", "«", "“", '"', "…", "!", "?", "•", "·", "→", "➡", "*", "-", "/"}
_OPENING_QUOTES = {"«", "“", '"'}
_BEFORE_EN_OR_Y = regex.compile(r"-(?:en|y)\b")
_NOT_VERB_POS = {"DET", "PRON", "ADP", "CCONJ", "SCONJ", "NUM", "PUNCT", "SYM", "INTJ"}


@cache
def _pattern(source: str) -> regex.Pattern:
    return regex.compile(source, regex.IGNORECASE)


class Options(RuleOptions):
    use: Literal["vous", "tu", "any"] = "vous"


def _norm(text: str) -> str:
    return text.replace("’", "'").casefold()


def check(ctx: CheckContext, options: Options) -> Iterator[Match]:
    # once per text and register: the tone profile counts the same addresses
    return iter(ctx.once(("register", options.use), lambda: list(_check(ctx, options))))


def _check(ctx: CheckContext, options: Options) -> Iterator[Match]:
    pack = pack_for(ctx.lang)
    if pack is None or pack.register is None or options.use == "any" or not ctx.text.strip():
        return
    w = pack.register
    if options.use == "tu" and not _may_address_formally(ctx.text, w):
        return
    doc = get_doc(ctx, TAGS)
    verbs = VerbForms.of(pipeline_of(ctx).nlp)
    text = ctx.text
    for sent in sentence_spans(doc):
        tokens = [t for t in sent if not t.is_space]
        if options.use == "vous":
            yield from _tu_address(text, tokens, verbs, w)
        elif not _clearly_plural(text, sent, tokens, w):
            yield from _vous_address(text, tokens, verbs, w)


def _may_address_formally(text: str, w: RegisterWords) -> bool:
    """Whether the text holds a formal address word or an "-ez" ending anywhere: without one, no
    sentence need be read (most posts; the tone profile asks of every French post)."""
    folded = _norm(text)
    return "ez" in folded or any(word in folded for word in (*w.formal, *w.formal_possessives))


def _words(text: str, tokens: list[Any]) -> list[str]:
    return [_norm(token_text(text, t)).lstrip("-") if not social_kind(t) else "" for t in tokens]


def _tu_address(text: str, tokens: list[Any], verbs: VerbForms | None, w: RegisterWords) -> Iterator[Match]:
    words = _words(text, tokens)
    imperative = False
    for i, (tok, word) in enumerate(zip(tokens, words)):
        start, end = tok.idx, tok.idx + len(tok.text)
        if text[start] == "-":
            start += 1
        before = words[i - 1] if i else ""
        after = words[i + 1] if i + 1 < len(words) else ""
        if word in w.informal:
            if word == "ton" and (before in w.noun_ton_after or (tok.pos_ == "NOUN" and tokens[i - 1].pos_ == "DET" if i else False)):
                continue
            suggestion = w.informal[word]
            if word == "t'" and after in w.elided_verbs:  # "t’as vu ?" is one address: report it whole
                end = tokens[i + 1].idx + len(tokens[i + 1].text)
                suggestion = w.elided_verbs[after]
            yield _match(text, start, end, suggestion, "vous")
        elif word in w.informal_possessives and before in w.articles:
            yield _match(text, start, end, w.informal_possessives[word], "vous")
        elif _starts_clause(text, tokens, words, i, w, imperative) and _imperative_person(text, tokens, words, i, verbs, w) == "tu":
            imperative = True
            original = token_text(text, tok)
            yield _match(text, start, end, original + "z" if original.endswith("e") else "", "vous")


def _vous_address(text: str, tokens: list[Any], verbs: VerbForms | None, w: RegisterWords) -> Iterator[Match]:
    words = _words(text, tokens)
    nouns = _rendez_vous_nouns(words)
    imperative = False
    for i, (tok, word) in enumerate(zip(tokens, words)):
        if i in nouns:
            continue
        start, end = tok.idx, tok.idx + len(tok.text)
        if text[start] == "-":
            start += 1
        before = words[i - 1] if i else ""
        if word in w.formal:
            yield _match(text, start, end, w.formal[word], "tu")
        elif word in w.formal_possessives and before in w.articles:
            yield _match(text, start, end, "", "tu")
        elif _starts_clause(text, tokens, words, i, w, imperative) and _imperative_person(text, tokens, words, i, verbs, w) == "vous":
            imperative = True
            original = token_text(text, tok)
            suggestion = ""
            if verbs is None or any(lemma.endswith("er") for lemma in verbs.lemmas(word)):
                # Réservez → Réserve; before "-en" / "-y" the 2sg keeps an s: Profitez-en → Profites-en
                suggestion = original[:-1] + ("s" if _BEFORE_EN_OR_Y.match(text, end) else "")
            yield _match(text, start, end, suggestion, "tu")


def _rendez_vous_nouns(words: list[str]) -> set[int]:
    """Indices of "rendez-vous" used as a noun ("Rendez-vous le 12 mai"), not as "go to"
    ("Rendez-vous sur notre site")."""
    found = set()
    for i in range(len(words) - 1):
        if words[i] == "rendez" and words[i + 1] == "vous":
            following = words[i + 2] if i + 2 < len(words) else ""
            if following not in ("sur", "à", "au", "aux", "chez", "dans", "en"):
                found.update((i, i + 1))
    return found


def _match(text: str, start: int, end: int, suggestion: str, use: str) -> Match:
    if suggestion and text[start].isupper():
        suggestion = suggestion[0].upper() + suggestion[1:]
    return Match(start, end, replacements=(suggestion,) if suggestion else (), params=(("use", use),))


def _starts_clause(
    text: str, tokens: list[Any], words: list[str], i: int, w: RegisterWords, after_imperative: bool = False
) -> bool:
    """No word before it in the sentence, or a clause break (colon, dash, emoji...) just before.

    A hashtag or a mention before a verb is usually its subject ("#PLTE rassemble", "@marie
    présente"), so only emoji are skipped ("👉 Réserve"). After a comma or "et", a verb starts a
    new imperative clause only when the sentence already began with one ("Viens et profite"):
    otherwise it shares the subject ("Le CO2 est un gaz et contribue...").
    """
    if not words[i]:
        return False
    j = i - 1
    while j >= 0 and social_kind(tokens[j]) == "emoji":
        j -= 1
    if j < 0:
        return True
    previous = token_text(text, tokens[j])
    gap = text[tokens[j].idx + len(tokens[j].text) : tokens[i].idx]
    if "\n" in gap and not token_text(text, tokens[i])[:1].islower():
        return True  # a new line; in lower case, it goes on ("Pâtisseries Mirabelle\nrecrute des vendeurs")
    if previous in _OPENING_QUOTES and j and words[j - 1][-1:].isalpha():
        return False  # a quotation inside the clause: "Royal « assassine l’écologie »" (Royal does)
    if previous in _CLAUSE_BREAKS:
        # a hyphen glued to the word is a compound ("chauves-souris"), not a dash
        return not (previous in "-–—/" and not gap and (j == 0 or not text[tokens[j].idx - 1 : tokens[j].idx].isspace()))
    return after_imperative and words[j] in w.soft_breaks and tokens[i].pos_ == "VERB"


def _imperative_person(
    text: str, tokens: list[Any], words: list[str], i: int, verbs: VerbForms | None, w: RegisterWords
) -> str | None:
    """"tu", "vous" or None for a clause-initial word, by its ending once it looks like a verb."""
    tok, word = tokens[i], words[i]
    if word in w.not_imperatives or not word.isalpha() or tok.pos_ in _NOT_VERB_POS:
        return None
    if _has_subject(text, tok) or _named(text, tokens, words, i):
        return None  # a third person: "Marie, notre cheffe, prépare…" is an announcement, not an order
    if word.endswith(("é", "ée", "és", "ées")) or "Part" in tok.morph.get("VerbForm"):
        return None  # participles: "Réservée aux membres"
    original = token_text(text, tok)
    if len(original) > 1 and original.isupper():
        return None  # a label in capitals ("ENQUÊTE", "PROMO"), not an order
    lemmas = verbs.lemmas(word) if verbs is not None else ()
    if verbs is not None and not lemmas:
        return None  # not a conjugated verb form (an infinitive, a noun, a name)
    if word.endswith(("ie", "ies", "ue", "ues", "us")) and not any(lemma.endswith("er") for lemma in lemmas):
        return None  # participles of -ir/-re verbs ("rajeunie", "venue", "corrompus"); "Essaie" is -er
    after = words[i + 1] if i + 1 < len(words) else ""
    homograph = verbs is None or verbs.is_noun(word)
    # "des"/"du" after a noun is "of the" ("Massacre des loups"), after a verb an article
    starters = w.object_starters - {"des", "du"} if homograph else w.object_starters
    strong = _pattern(w.clitic).match(text, tok.idx + len(tok.text)) is not None or after in starters
    after_text = text[tok.idx + len(tok.text) :].lstrip(" \u00a0")
    weak = after in w.weak_starters or not after_text or after_text[0] in "!.,;:?…\n" or tok.pos_ in ("VERB", "AUX")
    if word.endswith("ez"):
        return "vous" if strong or weak else None  # not a name such as "Martinez-Alier"
    if word.endswith(("ons", "er", "ir")):
        return None
    if after in w.third_person_objects:
        return None  # a headline in the third person: "Ouvre ses portes samedi !" (the shop does)
    if word.endswith("es") and lemmas and all(lemma.endswith("er") for lemma in lemmas):
        return None  # "-er" verbs have no s in the imperative: "Soldes" is not one
    if not (word.endswith(("e", "s", "x")) or word == "va"):
        return None
    if strong:
        return "tu"
    # without a determiner after it, a word that is also a noun ("Chambre double") is a noun
    if homograph:
        return None
    if after in ("de", "d'", "du", "des") and tok.pos_ in ("NOUN", "PROPN"):
        return None  # "Visite de l’usine": the tagger's noun reading wins before "de"
    return "tu" if weak else None


def _has_subject(text: str, tok: Any) -> bool:
    """A subject before the verb in its clause, in the parse when the text was parsed (`nsubj`,
    `expl:subj`): an imperative has none. The small models' parses are only trusted to veto, and
    not across a colon, a dash or a line break ("Pâtisseries Mirabelle : découvre nos galettes")."""
    for child in tok.children:
        if child.dep_.startswith(("nsubj", "expl:subj")) and child.i < tok.i:
            between = text[child.idx : tok.idx]
            if "\n" not in between and not any(mark in between for mark in _CLAUSE_BREAKS - {"-", "/"}):
                return True
    return False


def _named(text: str, tokens: list[Any], words: list[str], i: int) -> bool:
    """A capitalised word followed by an apposition is a name ("Marie, notre cheffe, prépare"),
    not the imperative of a verb it happens to spell ("marier")."""
    if not token_text(text, tokens[i])[:1].isupper() or i + 2 >= len(tokens) or words[i + 1] != ",":
        return False
    return tokens[i + 2].pos_ == "DET" or words[i + 2] in ("notre", "votre", "leur", "la", "le", "l'", "un", "une")


def _clearly_plural(text: str, sent: Any, tokens: list[Any], w: RegisterWords) -> bool:
    if _pattern(w.plural_markers).search(text, sent.start_char, sent.end_char):
        return True
    for i, tok in enumerate(tokens[:-1]):
        # "vous êtes prêts": a plural agreement after "vous êtes" addresses several people
        if _norm(tok.text) in ("êtes", "étiez", "serez") and i and _norm(tokens[i - 1].text) == "vous":
            nxt = tokens[i + 1]
            if nxt.pos_ in ("ADJ", "VERB") and "Plur" in nxt.morph.get("Number") and _norm(nxt.text).endswith("s"):
                return True
    return False


EXAMPLES = (
    Example("t’as vu ? Découvre nos offres.", expect=("t’as", "Découvre"), language="fr-FR"),
    Example("Réserve ta chambre dès aujourd’hui.", expect=("Réserve", "ta"), language="fr-FR"),
    Example("Inscris-toi vite, tu ne le regretteras pas.", expect=("Inscris", "toi", "tu"), language="fr-FR"),
    Example("Profitez-en : réservez votre chambre dès aujourd’hui.", language="fr-FR"),
    Example("Le ton de la marque est sobre. Offre spéciale ce week-end.", language="fr-FR", note="a noun, not an address"),
    Example("Profitez-en vite ! Votre chambre vous attend.", expect=("Profitez", "Votre", "vous"), options={"use": "tu"}, language="fr-FR"),
    Example("Vous êtes nombreux à nous écrire : merci à vous tous ! Profite de l’été.", options={"use": "tu"}, language="fr-FR", note="a group"),
    Example("Book your room today.", note="English texts are not checked"),
)


KIND = Kind(
    name="register", category="tone", level="warning", options=Options, check=check,
    messages=MESSAGES, examples=EXAMPLES, doc=__doc__, needs=frozenset({TAGS}),
)
