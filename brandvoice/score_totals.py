"""A brand's, a channel's and a run's voice score: the mean of its files' scores (each file scored
by brandvoice/score.py when it was checked); each post counts once, as the audience sees it,
whatever its length. No guide model here: reports of cached runs import nothing heavier."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable

from brandvoice.findings import FileResult, RunResult

NO_GROUP = "(none)"  # files without a brand or channel


def score_of(result: FileResult) -> float:
    """A file's score; 100 for results scored by nothing (e.g. built by hand in tests)."""
    value = result.metrics.get("score")
    return float(value) if value is not None else 100.0


def mean_score(results: Iterable[FileResult]) -> float | None:
    scores = [score_of(r) for r in results]
    return round(sum(scores) / len(scores), 1) if scores else None


def scores_by(results: Iterable[FileResult], key: Callable[[FileResult], Iterable[str | None]]) -> dict[str, float]:
    """Mean score per group; a file in several groups (several channels) counts in each."""
    groups: dict[str, list[FileResult]] = defaultdict(list)
    for result in results:
        for name in key(result):
            groups[name or NO_GROUP].append(result)
    return {name: mean_score(files) or 0.0 for name, files in sorted(groups.items())}


def by_brand(result: FileResult) -> tuple[str | None]:
    return (result.brand,)


def by_channel(result: FileResult) -> tuple[str | None, ...]:
    return result.channels or (result.channel,)


def run_scores(run: RunResult) -> dict[str, object]:
    """The run's score and its breakdowns, as the JSON summary shows them."""
    return {
        "score": mean_score(run.files),
        "scores": {"brand": scores_by(run.files, by_brand), "channel": scores_by(run.files, by_channel)},
    }


def below(results: Iterable[FileResult], minimum: float) -> list[FileResult]:
    """Files under a minimum score, worst first (the `--min-score` gate)."""
    return sorted((r for r in results if score_of(r) < minimum), key=score_of)


def worst_first(results: Iterable[FileResult]) -> list[FileResult]:
    return sorted(results, key=lambda r: (score_of(r), r.path))
