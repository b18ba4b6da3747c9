"""Everything a report shows, computed once from a run: rows per file and per finding (with git
author and date when known), scores by group, rule and category counts, and the rules most worth
a training session. The HTML and CSV writers only lay this out."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import datetime, timezone

from brandvoice.client_report.git import Commit
from brandvoice.findings import FileResult, Finding, Level, RunResult
from brandvoice.languages.packs import FALLBACK, PACKS
from brandvoice.score import DEFAULT_SETTINGS, NO_GROUP, by_brand, by_channel, mean_score, score_of, scores_by

LOW_SCORE = 60  # "posts below 60" in the summary: clearly off-voice


@dataclass(frozen=True)
class FileRow:
    path: str
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

    @property
    def has_git(self) -> bool:
        return any(f.date is not None for f in self.files)

    @property
    def low_scores(self) -> int:
        return sum(1 for f in self.files if f.score < LOW_SCORE)


def report_language(run: RunResult, override: str | None = None) -> str:
    """The report speaks the language most checked files were written in (among the languages
    with report strings); English on a tie."""
    if override:
        return override
    languages = [code for code, pack in PACKS.items() if pack.report is not None]
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
    file_rows: list[FileRow] = []
    finding_rows: list[FindingRow] = []
    for result in run.files:
        commit = commits.get(result.path)
        author = commit.author if commit else ""
        date = commit.date if commit else None
        brand = result.brand or NO_GROUP
        channel = result.channel or NO_GROUP
        file_rows.append(
            FileRow(
                path=result.path,
                brand=brand,
                channel=channel,
                language=result.language or "",
                score=score_of(result),
                words=int(result.metrics.get("words", 0)),
                errors=result.count(Level.ERROR),
                warnings=result.count(Level.WARNING),
                suggestions=result.count(Level.SUGGESTION),
                author=author,
                date=date,
            )
        )
        for f in result.findings:
            finding_rows.append(
                FindingRow(
                    file=result.path,
                    brand=brand,
                    channel=channel,
                    author=author,
                    date=date,
                    rule=f.rule,
                    category=f.category,
                    level=str(f.level),
                    message=f.message,
                    line=f.line,
                    column=f.column,
                    match=f.match,
                    suggestion=suggestion_text(f),
                )
            )
    file_rows.sort(key=lambda r: (r.score, r.path))
    rule_counts: dict[str, Counter] = defaultdict(Counter)
    category_counts: dict[str, Counter] = defaultdict(Counter)
    for row in finding_rows:
        rule_counts[row.rule][row.level] += 1
        category_counts[row.category][row.level] += 1
    return ReportData(
        language=report_language(run, language),
        generated=now or datetime.now(timezone.utc),
        files=file_rows,
        findings=finding_rows,
        score=mean_score(run.files),
        brand_scores=scores_by(run.files, by_brand),
        channel_scores=scores_by(run.files, by_channel),
        brand_counts=dict(Counter(g or NO_GROUP for r in run.files for g in by_brand(r))),
        channel_counts=dict(Counter(g or NO_GROUP for r in run.files for g in by_channel(r))),
        level_counts={str(level): run.count(level) for level in sorted(Level, reverse=True)},
        rule_counts=dict(rule_counts),
        category_counts=dict(category_counts),
        training=training_rules(run.files, commits),
        skipped=list(run.skipped),
    )


def training_rules(results: list[FileResult], commits: dict[str, Commit], top: int = 3) -> list[TrainingRule]:
    """Rules ranked by impact: each post counts once per rule, weighted by its worst finding there.

    A rule broken once in each of twenty posts is a team habit worth training; the same rule
    broken twenty times in one post is one writer's bad day. Weights are the default score
    weights, so the ranking is the same for every brand.
    """
    impact: dict[str, float] = defaultdict(float)
    posts: Counter = Counter()
    findings: Counter = Counter()
    writers: dict[str, set[str]] = defaultdict(set)
    messages: dict[str, Counter] = defaultdict(Counter)
    matches: dict[str, Counter] = defaultdict(Counter)
    categories: dict[str, str] = {}
    for result in results:
        worst: dict[str, float] = {}
        for f in result.findings:
            weight = DEFAULT_SETTINGS.penalty(f)
            worst[f.rule] = max(worst.get(f.rule, 0.0), weight)
            findings[f.rule] += 1
            messages[f.rule][f.message] += 1
            matches[f.rule][f.match] += 1
            categories[f.rule] = f.category
        commit = commits.get(result.path)
        for rule, weight in worst.items():
            impact[rule] += weight
            posts[rule] += 1
            writers[rule].add(commit.author if commit else "")
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
