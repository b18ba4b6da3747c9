"""Everything a report shows, computed once from a run: rows per file (a calendar's post) and
per finding (with the author and date of the calendar's row, else of git's last commit), scores
by group, rule and category counts with their names in the report's language, the month-by-month
comparison, and the rules most worth a training session. The HTML, PDF and CSV writers only lay
this out."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, timezone

import regex

from brandvoice.client_report.git import Commit
from brandvoice.client_report.labels import brand_names, category_label, channel_label, report_languages, rule_label
from brandvoice.findings import FileResult, Finding, Level, RunResult
from brandvoice.languages.packs import FALLBACK
from brandvoice.rules.grammar import accepted
from brandvoice.score import DEFAULT_SETTINGS
from brandvoice.score_totals import NO_GROUP, by_brand, by_channel, mean_score, score_of, scores_by

LOW_SCORE = 60  # "posts below 60" in the summary: clearly off-voice


VOCABULARY_POSTS = 3  # a "misspelling" in this many posts is the brand's word, not a typo (as `learn` says)


@dataclass(frozen=True)
class FileRow:
    path: str  # the file, and a calendar post's cell: "calendrier.xlsx Octobre!F4"
    brand: str
    channel: str
    language: str
    score: float
    words: int
    errors: int
    warnings: int
    suggestions: int
    author: str
    date: datetime | None


@dataclass(frozen=True)
class FindingRow:
    file: str
    brand: str
    channel: str
    author: str
    date: datetime | None
    rule: str
    category: str
    level: str
    message: str
    line: int
    column: int
    match: str
    suggestion: str
    rule_label: str = ""  # the rule's name in the report's language
    category_label: str = ""
    score: float = 100.0  # the post's score
    excerpt: str = ""  # the match with enough around it to be seen ("l'hôtel" for an apostrophe)
    cell: str = ""  # a calendar post's cell: Octobre!F4


@dataclass(frozen=True)
class MonthRow:
    month: date  # its first day
    posts: int
    score: float
    errors: int
    change: float | None  # on the month before


@dataclass(frozen=True)
class TrainingRule:
    """A rule worth a training session: broken in many posts, by many writers, seriously."""

    rule: str
    category: str
    impact: float
    posts: int
    findings: int
    writers: int
    message: str  # its most frequent message, as an example
    match: str


@dataclass
class ReportData:
    language: str  # "fr" or "en": the report's own language
    generated: datetime
    files: list[FileRow]
    findings: list[FindingRow]
    score: float | None
    brand_scores: dict[str, float]
    channel_scores: dict[str, float]
    brand_counts: dict[str, int]
    channel_counts: dict[str, int]
    level_counts: dict[str, int]
    rule_counts: dict[str, Counter]  # rule -> Counter of levels
    category_counts: dict[str, Counter]
    training: list[TrainingRule]
    skipped: list[tuple[str, str]] = field(default_factory=list)
    rule_labels: dict[str, str] = field(default_factory=dict)
    category_labels: dict[str, str] = field(default_factory=dict)
    months: list[MonthRow] = field(default_factory=list)  # when the posts span several months
    vocabulary: list[tuple[str, int]] = field(default_factory=list)  # (word, posts) to accept, not to train on

    @property
    def has_git(self) -> bool:
        """Whether posts have dates (a calendar's, or git's)."""
        return any(f.date is not None for f in self.files)

    @property
    def low_scores(self) -> int:
        return sum(1 for f in self.files if f.score < LOW_SCORE)


def report_language(run: RunResult, override: str | None = None) -> str:
    """The report speaks the language most checked files were written in (among the languages
    reports are written in); English on a tie."""
    if override:
        return override
    languages = list(report_languages())
    counts = Counter(code for r in run.files if (code := (r.language or "en").split("-")[0].lower()) in languages)
    best = max(counts.values(), default=0)
    winners = [code for code in languages if counts[code] == best]
    return FALLBACK.code if FALLBACK.code in winners else winners[0]


def suggestion_text(finding: Finding) -> str:
    return " / ".join(finding.replacements[:3])


def build_report_data(
    run: RunResult,
    commits: dict[str, Commit] | None = None,
    language: str | None = None,
    now: datetime | None = None,
) -> ReportData:
    commits = commits or {}
    language = report_language(run, language)
    names = brand_names(run.guides)
    vocabulary = vocabulary_words(run)
    file_rows: list[FileRow] = []
    finding_rows: list[FindingRow] = []
    rule_labels: dict[str, str] = {}
    for result in run.files:
        author, when = author_and_date(result, commits)
        brand = names.get(result.brand, result.brand) if result.brand else NO_GROUP
        channel = channel_label(result.channel) if result.channel else NO_GROUP
        score = score_of(result)
        file_rows.append(
            FileRow(
                path=result.where,
                brand=brand,
                channel=channel,
                language=result.language or "",
                score=score,
                words=int(result.metrics.get("words", 0)),
                errors=result.count(Level.ERROR),
                warnings=result.count(Level.WARNING),
                suggestions=result.count(Level.SUGGESTION),
                author=author,
                date=when,
            )
        )
        for f in result.findings:
            label = rule_labels.setdefault(f.rule, rule_label(f.rule, language, run.rules, f.category))
            finding_rows.append(
                FindingRow(
                    file=result.path,
                    brand=brand,
                    channel=channel,
                    author=author,
                    date=when,
                    rule=f.rule,
                    category=f.category,
                    level=str(f.level),
                    message=f.message,
                    line=f.line,
                    column=f.column,
                    match=f.match,
                    suggestion=suggestion_text(f),
                    rule_label=label,
                    category_label=category_label(f.category, language),
                    score=score,
                    excerpt=visible_match(result.source, f),
                    cell=result.post.place if result.post else "",
                )
            )
    file_rows.sort(key=lambda r: (r.score, r.path))
    rule_counts: dict[str, Counter] = defaultdict(Counter)
    category_counts: dict[str, Counter] = defaultdict(Counter)
    for row in finding_rows:
        rule_counts[row.rule][row.level] += 1
        category_counts[row.category][row.level] += 1

    def named(scores: dict[str, float | int], label) -> dict[str, float | int]:
        return {label(k): v for k, v in scores.items()}

    brand_label = lambda k: names.get(k, k)  # noqa: E731
    chan_label = lambda k: k if k == NO_GROUP else channel_label(k)  # noqa: E731
    return ReportData(
        language=language,
        generated=now or datetime.now(timezone.utc),
        files=file_rows,
        findings=finding_rows,
        score=mean_score(run.files),
        brand_scores=named(scores_by(run.files, by_brand), brand_label),
        channel_scores=named(scores_by(run.files, by_channel), chan_label),
        brand_counts=named(dict(Counter(g or NO_GROUP for r in run.files for g in by_brand(r))), brand_label),
        channel_counts=named(dict(Counter(g or NO_GROUP for r in run.files for g in by_channel(r))), chan_label),
        level_counts={str(level): run.count(level) for level in sorted(Level, reverse=True)},
        rule_counts=dict(rule_counts),
        category_counts=dict(category_counts),
        training=training_rules(run.files, commits, run=run, vocabulary={w for w, _ in vocabulary}),
        skipped=list(run.skipped),
        rule_labels=rule_labels,
        category_labels={c: category_label(c, language) for c in category_counts},
        months=month_rows(file_rows),
        vocabulary=vocabulary,
    )


def author_and_date(result: FileResult, commits: dict[str, Commit]) -> tuple[str, datetime | None]:
    """A calendar row's author and publication date, else the last commit's."""
    commit = commits.get(result.path)
    post = result.post
    author = (post.author if post else "") or (commit.author if commit else "")
    if post is not None and post.date is not None:
        return author, datetime(post.date.year, post.date.month, post.date.day, tzinfo=timezone.utc)  # a day
    return author, commit.date if commit else None


def visible_match(source: str, finding: Finding, context: int = 12) -> str:
    """The matched text as a reader can see it: a match of only spaces or punctuation (an
    apostrophe, a space before "!") comes with the words around it, on one line."""
    start, end = finding.offset, finding.offset + finding.length
    if regex.search(r"[\p{L}\p{N}]", source[start:end]) or not source:
        return source[start:end] if source else finding.match
    line_start = source.rfind("\n", 0, start) + 1
    line_end = source.find("\n", end)
    line_end = len(source) if line_end < 0 else line_end
    before = regex.search(r"\S*$", source[max(line_start, start - context) : start])
    after = regex.match(r"^\S*", source[end : min(line_end, end + context)])
    return (before.group(0) if before else "") + source[start:end] + (after.group(0) if after else "")


def month_rows(files: list[FileRow]) -> list[MonthRow]:
    """Posts by month of their date, each month compared with the one before; empty when the
    dated posts fall in one month."""
    by_month: dict[date, list[FileRow]] = defaultdict(list)
    for row in files:
        if row.date is not None:
            by_month[date(row.date.year, row.date.month, 1)].append(row)
    if len(by_month) < 2:
        return []
    rows: list[MonthRow] = []
    for month in sorted(by_month):
        posts = by_month[month]
        score = round(sum(p.score for p in posts) / len(posts), 1)
        change = round(score - rows[-1].score, 1) if rows else None
        rows.append(MonthRow(month, len(posts), score, sum(p.errors for p in posts), change))
    return rows


def vocabulary_words(run: RunResult, min_posts: int = VOCABULARY_POSTS) -> list[tuple[str, int]]:
    """Words LanguageTool calls misspelled in several posts: the brand's own words (names, jargon)
    to accept in its guide, not a writers' habit to train on. Most frequent first."""
    posts: Counter = Counter()
    shown: dict[str, str] = {}
    for result in run.files:
        for word in {_word(f) for f in result.findings if _is_spelling(f)}:
            posts[word.casefold()] += 1
            shown.setdefault(word.casefold(), word)
    return [(shown[w], n) for w, n in sorted(posts.items(), key=lambda kv: (-kv[1], kv[0])) if n >= min_posts]


def _is_spelling(finding: Finding) -> bool:
    return finding.source == "languagetool" and finding.category == "spelling"


def _word(finding: Finding) -> str:
    return finding.match.strip(" '’.,;:!?«»\"")


def training_rules(
    results: list[FileResult],
    commits: dict[str, Commit],
    top: int = 3,
    run: RunResult | None = None,
    vocabulary: set[str] | None = None,
) -> list[TrainingRule]:
    """Rules ranked by impact: each post counts once per rule, weighted by its worst finding there.

    A rule broken once in each of twenty posts is a team habit worth training; the same rule
    broken twenty times in one post is one writer's bad day. Weights are the default score
    weights, so the ranking is the same for every brand. LanguageTool's spelling findings on the
    brand's vocabulary — words its guide accepts, or recurring words (`vocabulary`) — are never
    trained on: the answer is the guide's `vocabulary.accept`, not a training session.
    """
    guides = run.guides if run is not None else {}
    vocabulary = {w.casefold() for w in vocabulary or ()}
    impact: dict[str, float] = defaultdict(float)
    posts: Counter = Counter()
    findings: Counter = Counter()
    writers: dict[str, set[str]] = defaultdict(set)
    messages: dict[str, Counter] = defaultdict(Counter)
    matches: dict[str, Counter] = defaultdict(Counter)
    categories: dict[str, str] = {}
    for result in results:
        worst: dict[str, float] = {}
        guide = guides.get(result.guide)
        accepted_words = guide.accepted_words if guide is not None else frozenset()
        for f in result.findings:
            if _is_spelling(f) and (_word(f).casefold() in vocabulary or accepted(_word(f), accepted_words)):
                continue
            weight = DEFAULT_SETTINGS.penalty(f)
            worst[f.rule] = max(worst.get(f.rule, 0.0), weight)
            findings[f.rule] += 1
            messages[f.rule][f.message] += 1
            matches[f.rule][f.match] += 1
            categories[f.rule] = f.category
        author, _ = author_and_date(result, commits)
        for rule, weight in worst.items():
            impact[rule] += weight
            posts[rule] += 1
            writers[rule].add(author)
    ranked = sorted(impact, key=lambda r: (-impact[r], -posts[r], r))[:top]
    return [
        TrainingRule(
            rule=rule,
            category=categories[rule],
            impact=round(impact[rule], 2),
            posts=posts[rule],
            findings=findings[rule],
            writers=len(writers[rule] - {""}),
            message=messages[rule].most_common(1)[0][0],
            match=matches[rule].most_common(1)[0][0],
        )
        for rule in ranked
    ]
