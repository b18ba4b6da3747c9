"""The client report's words in English, by id: what a client reads in the HTML report, its PDF,
the CSV, the score table and the annotated calendar. Other languages translate them in their
catalogues (`brandvoice/languages/<code>/messages.po`, context = the id); `labels.strings`
gathers them in the report's language. Numbers, dates and CSV conventions are the language
pack's (`LanguagePack.report`).
"""

from __future__ import annotations

from brandvoice.messages import MessageCatalog, Messages, Plural

# headings, column names and short words of the HTML report, the CSV and the annotated calendar
LABELS = Messages({
    "report.label.title": "Brand voice report",
    "report.label.generated": "Generated on",
    "report.label.summary": "Summary",
    "report.label.posts": "posts",
    "report.label.score": "Voice score",
    "report.label.mean_score": "mean voice score",
    "report.label.errors": "errors",
    "report.label.warnings": "warnings",
    "report.label.suggestions": "suggestions",
    "report.label.charts": "Charts",
    "report.label.chart_distribution": "Score distribution",
    "report.label.chart_brand": "Mean score by brand",
    "report.label.chart_channel": "Mean score by network",
    "report.label.chart_rules": "Most frequent rules",
    "report.label.chart_categories": "Findings by category",
    "report.label.chart_time": "Scores over time (last commit date)",
    "report.label.chart_author": "Mean score by author",
    "report.label.weekly_mean": "weekly mean",
    "report.label.daily_mean": "daily mean",
    "report.label.none": "(none)",
    "report.label.axis_score": "score",
    "report.label.axis_posts": "posts",
    "report.label.axis_findings": "findings",
    "report.label.files": "Posts, worst first",
    "report.label.findings": "Findings",
    "report.label.file": "File",
    "report.label.brand": "Brand",
    "report.label.channel": "Network",
    "report.label.author": "Author",
    "report.label.date": "Date",
    "report.label.words": "Words",
    "report.label.level": "Level",
    "report.label.rule": "Rule",
    "report.label.category": "Category",
    "report.label.line": "Line",
    "report.label.message": "Message",
    "report.label.match": "Text",
    "report.label.suggestion": "Suggestion",
    "report.label.all": "all",
    "report.label.search": "Search…",
    "report.label.shown": "shown",
    "report.label.of": "of",
    "report.label.no_findings": "No findings: every post is on-voice.",
    "report.label.skipped": "Skipped files",
    "report.label.error": "error",
    "report.label.warning": "warning",
    "report.label.suggestion_level": "suggestion",
    "report.label.training": "Worth a training session",
    "report.label.months": "Month by month",
    "report.label.month": "Month",
    "report.label.change": "Change",
    "report.label.chart_month": "Mean score by month",
    "report.label.vocabulary": "Words to add to the brand's vocabulary (brandvoice learn)",
    "report.label.rule_id": "Rule id",
    "report.label.cell": "Cell",
    "report.label.status": "brandvoice status",
    "report.label.week": "Week of",
    "report.label.summary_sheet": "brandvoice summary",
    "report.label.chart_week": "Mean score by week",
    "report.label.chart_network": "Mean score by network",
    "report.label.findings_count": "Findings",
    "report.label.post_score": "Post score",
    "report.label.pdf_chromium": "PDF export uses Chromium (or Google Chrome), which is not installed here. Install it "
    "(apt-get install chromium, brew install --cask chromium) or give its path in BRANDVOICE_CHROMIUM.",
})

# the summary's sentences
SENTENCES = Messages({
    "report.sentence.none": "No posts were checked.",
    "report.sentence.checked": "{posts} checked ({brands}, {channels}).",
    "report.sentence.score": "Mean voice score: {score}/100; {low} below {threshold}.",
    "report.sentence.channels": "Best network: {best} ({best_score}); weakest: {worst} ({worst_score}).",
    "report.sentence.counts": "{errors}, {warnings}, {suggestions}.",
    "report.sentence.training": "{rule} ({category}): {details}",
    "report.sentence.month": "{month}: {score}/100 ({change} on {previous}).",
    "report.sentence.comment": "brandvoice — score {score}/100: {counts}.",
})

# what the summary counts
NOUNS = Messages({
    "report.noun.post_checked": Plural("{count} post", "{count} posts"),
    "report.noun.post": Plural("{count} post", "{count} posts"),
    "report.noun.brand": Plural("{count} brand", "{count} brands"),
    "report.noun.channel": Plural("{count} network", "{count} networks"),
    "report.noun.error": Plural("{count} error", "{count} errors"),
    "report.noun.warning": Plural("{count} warning", "{count} warnings"),
    "report.noun.suggestion": Plural("{count} suggestion", "{count} suggestions"),
    "report.noun.writer": Plural("{count} writer", "{count} writers"),
    "report.noun.finding": Plural("{count} finding", "{count} findings"),
})

# a rule's name by its id, or an id prefix (the longest wins); `{name}` is the rest of the id
RULES = Messages({
    "report.rule.voice.register": "Tu/vous register",
    "report.rule.voice.formality": "Formality and contractions",
    "report.rule.voice.person": "Who speaks (we, I)",
    "report.rule.voice.passive": "Passive voice",
    "report.rule.voice.sentence_length": "Sentence length",
    "report.rule.voice.readability": "Readability",
    "report.rule.voice.hedging": "Hedging",
    "report.rule.voice.hype": "Hype",
    "report.rule.voice.cliches": "Clichés",
    "report.rule.voice.jargon": "Jargon",
    "report.rule.voice.energy": "Exclamation marks, capitals and emoji",
    "report.rule.tone.formality": "Tone: formality",
    "report.rule.tone.energy": "Tone: energy",
    "report.rule.tone.confidence": "Tone: confidence",
    "report.rule.tone.readability": "Tone: readability",
    "report.rule.tone.passive_share": "Share of passive sentences",
    "report.rule.tone.avg_sentence_length": "Average sentence length",
    "report.rule.channel.length": "Network length limit",
    "report.rule.channel.length.near": "Close to the length limit",
    "report.rule.channel.hashtags": "Hashtags",
    "report.rule.channel.hashtags.camel-case": "CamelCase hashtags",
    "report.rule.channel.mentions": "Account mentions",
    "report.rule.channel.mentions.never-tag": "Accounts never to tag",
    "report.rule.channel.links": "Links",
    "report.rule.channel.emoji": "Emoji use",
    "report.rule.disclosure.fr": "Sponsorship disclosure (France)",
    "report.rule.disclosure.fr.images": "“Retouched images” or “Virtual images” notice",
    "report.rule.disclosure.us": "Sponsorship disclosure (FTC)",
    "report.rule.typography.fr.nbsp": "No-break spaces (French)",
    "report.rule.typography.fr.apostrophe": "Typographic apostrophe (French)",
    "report.rule.typography.fr.quotes": "French quotation marks",
    "report.rule.typography.fr.currency": "Currency sign (French)",
    "report.rule.typography.fr.ellipsis": "Ellipsis (French)",
    "report.rule.inclusive": "Inclusive language",
    "report.rule.languagetool.MORFOLOGIK_RULE": "Spelling",
    "report.rule.languagetool.HUNSPELL": "Spelling",
    "report.rule.languagetool.FR_SPELLING_RULE": "Spelling",
    "report.rule.languagetool": "{category} ({name})",
    "report.rule.*.terms": "Terminology: “{name}”",
    "report.rule.*.names": "Brand name",
    "report.rule.*.vocabulary.reject": "Banned words",
})

# categories by name
CATEGORIES = Messages({
    "report.category.grammar": "grammar",
    "report.category.spelling": "spelling",
    "report.category.typography": "typography",
    "report.category.terminology": "terminology",
    "report.category.tone": "tone",
    "report.category.readability": "readability",
    "report.category.platform": "social network",
    "report.category.disclosure": "disclosure",
    "report.category.inclusive": "inclusive language",
    "report.category.style": "style",
})

# a post's status
STATUSES = Messages({
    "report.status.ok": "OK",
    "report.status.review": "To review",
    "report.status.blocking": "Blocking",
})
TABLES = (LABELS, SENTENCES, NOUNS, RULES, CATEGORIES, STATUSES)
CATALOG = MessageCatalog(TABLES)
