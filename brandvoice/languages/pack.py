"""What brandvoice knows about one language, in one record: a `LanguagePack`.

A pack is a folder, `brandvoice/languages/<code>/`: its `__init__.py` defines `PACK`, beside its
data (the lexicons the voice kinds read, `lexicons/<name>.txt`). Its base guide is
`styleguides/base-<code>.yaml`. Everything optional may be left out: a pack without `person`
words has no `person` checks, without a `report` format its reports are in English. Its words —
built-in messages, the interface, reports — are in its message catalogue, `messages.po` beside it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class ReadabilityFormula:
    """Reading ease = base − per_sentence × words per sentence − per_syllable × syllables per word
    (Flesch and its adaptations); syllables from pyphen's `hyphenation` dictionary."""

    name: str
    base: float
    per_sentence: float
    per_syllable: float
    hyphenation: str
    grade: bool = False  # also the Flesch–Kincaid grade (calibrated on US school grades)


@dataclass(frozen=True)
class PersonWords:
    """Who the brand speaks as (the `person` kind): first-person words."""

    singular: tuple[str, ...]  # flagged when the brand speaks as "we" (and as "third")
    plural: tuple[str, ...]  # flagged too when it speaks in the third person; the first is "we"
    capital_i: bool = False  # English: "I" is the speaker only as a capital, and not a Roman numeral


@dataclass(frozen=True)
class Contractions:
    """Contracted forms and their full forms (the `formality` kind's `contractions`)."""

    pairs: tuple[tuple[str, tuple[str, ...]], ...]  # (contracted, full forms...); the first full form is suggested
    not_contractible: frozenset[str] = frozenset()  # full forms a brand that contracts keeps ("I have" + noun)


@dataclass(frozen=True)
class RegisterWords:
    """The words the `register` kind reads to tell informal from formal address (French tu/vous);
    its reading of imperatives is French morphology, in the kind."""

    informal: Mapping[str, str]  # tu, te, ton... -> the formal word to suggest
    informal_possessives: Mapping[str, str]  # le tien... (after an article)
    formal: Mapping[str, str]  # vous, votre... -> the informal word to suggest ("" when it depends)
    formal_possessives: Mapping[str, str]
    articles: frozenset[str]
    noun_ton_after: frozenset[str]  # after these, "ton" is the noun (the tone of a voice)
    elided_verbs: Mapping[str, str]  # "t’as" -> "vous avez": reported as one address
    object_starters: frozenset[str]  # after a verb, these make it an imperative ("Réserve ta chambre")
    weak_starters: frozenset[str]  # enough after a verb that is not also a noun ("Profite de l’été")
    soft_breaks: frozenset[str]  # may start a new imperative clause after one ("Viens et profite")
    not_imperatives: frozenset[str]  # look like imperatives, never are ("vive", "merci", "rendez-vous")
    third_person_objects: frozenset[str]  # after a verb, a third-person headline: "Ouvre ses portes samedi"
    clitic: str  # regex: a hyphenated pronoun after a verb ("Inscris-toi")
    plural_markers: str  # regex: a sentence addressed to a group ("vous tous", "les amis")


@dataclass(frozen=True)
class ReportFormat:
    """How this language's reports write numbers, dates and CSV files (the report's words are in
    the language's message catalogue)."""

    locale: str = "en_US"  # Babel's locale for numbers and dates
    decimal_separator: str = "."
    thousands_separator: str = ","
    csv_separator: str = ","  # the separator this language's Excel expects
    csv_date: str = "%Y-%m-%d %H:%M"  # a date and time this language's Excel reads as one


@dataclass(frozen=True)
class LanguagePack:
    code: str  # ISO 639-1: fr
    name: str
    default_locale: str  # fr-FR: what `fr` means
    locales: tuple[str, ...]  # the variants LanguageTool and the guides know
    spacy_models: tuple[str, ...]  # candidates, first installed wins; none: a blank pipeline
    readability: ReadabilityFormula
    function_words: frozenset[str]  # telling languages apart (`--lang auto`)
    alphabet: str  # letters a typo may swap in (`learn` tells typos from brand words)
    marks: str = ""  # letters only this language uses among the packs: they settle a detection tie
    tokenizer_exceptions: tuple[str, ...] = ()  # words written with an apostrophe that is no elision
    capitalised_nouns: bool = False  # every noun takes a capital (German): a capital is no sign of a name
    elisions: tuple[str, ...] = ()  # words elided before a vowel ("l", "qu"): in "d’AGIR" the word is "AGIR"
    person: PersonWords | None = None
    contractions: Contractions | None = None
    spoken_forms: Mapping[str, str] = field(default_factory=dict)  # "y'a" -> "il y a" (formality)
    register: RegisterWords | None = None
    # subjects of a presentative "c’est + participle" ("c’est sacré", "c’est fermé"): an attribute, no passive
    presentative_subjects: frozenset[str] = frozenset()
    # what LanguageTool reads in place of an e-mail address or a mention ("Écrivez à Marie"): a
    # short first name starting with a consonant; None: sent as written
    stand_in_name: str | None = None
    guide_registers: tuple[str, ...] = ()  # what `guides init` asks: vous/tu, casual/formal
    default_market: str | None = None  # whose disclosure law `guides init` proposes
    report: ReportFormat | None = None  # a language reports can be written in

    @property
    def base_guide(self) -> str:
        return f"base-{self.code}"

    def lexicon_file(self, name: str) -> Path | None:
        """One of the pack's lexicons (`lexicons/hype.txt`), if it has it."""
        from importlib import resources  # 4 ms to import: only when a lexicon is read

        path = resources.files(f"brandvoice.languages.{self.code}").joinpath("lexicons", f"{name}.txt")
        return Path(str(path)) if path.is_file() else None
