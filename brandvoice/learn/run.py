"""`brandvoice learn` without the command line: read posts, check them, propose, diff, write."""

from __future__ import annotations

import datetime
import json
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from brandvoice.errors import BrandvoiceError
from brandvoice.guides.model import ResolvedGuide
from brandvoice.learn.analysis import LearnSettings, Proposal, guide_has, learn_from_results
from brandvoice.learn.corpus import Split, read_corpus
from brandvoice.learn.guidefile import apply_changes, unified_diff, validate_text, write_atomically
from brandvoice.runner import GuideCache, RunOptions, check_sources


@dataclass
class LearnRequest:
    paths: list[str]
    brand: str
    guides_dirs: list[Path] = field(default_factory=list)
    language: str | None = None
    grammar: bool = True
    split: Split = "auto"
    limit: int | None = None
    settings: LearnSettings = field(default_factory=LearnSettings)


@dataclass
class LearnOutcome:
    proposal: Proposal
    current: str  # the guide file as it is
    learned: str  # the guide file with the proposal applied
    diff: list[str]
    written: str | None = None


def learn(request: LearnRequest, write: bool = False, progress: Callable[[int, int], None] | None = None) -> LearnOutcome:
    """Check the posts, derive the proposal, diff it against the guide file, and write it if asked.
    `progress(done, total)` follows the check, the long part."""
    corpus = read_corpus(request.paths, request.split, request.limit)
    if not corpus.posts:
        raise BrandvoiceError("no posts found in " + ", ".join(request.paths))
    guide = GuideCache(request.guides_dirs, request.grammar).get(request.brand)
    if guide.path is None:
        raise BrandvoiceError(f"the guide “{request.brand}” has no file to learn into")
    with tempfile.TemporaryDirectory(prefix="brandvoice-learn-") as scratch:
        checking_guide = _with_tone_profile(guide, Path(scratch))
        options = RunOptions(
            brand=checking_guide, language=request.language, guides_dirs=request.guides_dirs, grammar=request.grammar
        )
        run = check_sources(corpus.posts, options, progress)
    proposal = learn_from_results(run.files, guide, request.settings)
    proposal.skipped = corpus.skipped + run.skipped
    proposal.spelling_checked = request.grammar

    path = Path(guide.path)
    with path.open(encoding="utf-8-sig", newline="") as handle:  # keep \r\n as written
        current = handle.read()
    note = f"Learned by `brandvoice learn` from {proposal.posts} approved posts on {datetime.date.today().isoformat()}."
    learned = apply_changes(current, proposal.changes, note=note, label=str(path))
    if learned != current:
        validate_text(path, learned)  # never propose (or write) a guide that would not load
    outcome = LearnOutcome(proposal, current, learned, unified_diff(current, learned, str(path)))
    if write and learned != current:
        write_atomically(path, learned)
        outcome.written = str(path)
    return outcome


def _with_tone_profile(guide: ResolvedGuide, scratch: Path) -> str:
    """The guide to check the posts with: the brand's own, or, when it has neither a `voice:` nor
    a `tone:` section (so no tone profile would be measured), a guide that extends it and only
    adds an empty-banded `tone:` section. Same file name, so rule ids stay the brand's."""
    assert guide.path is not None
    if guide.section("tone") or guide.section("voice") or not guide_has(("tone", "min_words")):
        return guide.path
    from brandvoice.guides.model import GuideFile
    from brandvoice.learn.analysis import model_of

    min_words = model_of(GuideFile.model_fields["tone"].annotation).model_fields["min_words"].default
    wrapper = scratch / Path(guide.path).name
    wrapper.write_text(f"extends: {json.dumps(str(Path(guide.path).resolve()))}\ntone: {{min_words: {min_words}}}\n", encoding="utf-8")
    return str(wrapper)
