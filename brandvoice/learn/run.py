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
from brandvoice.learn.analysis import LearnSettings, Proposal, learn_from_results
from brandvoice.learn.corpus import Split, read_corpus
from brandvoice.files import NotWritten
from brandvoice.fixes import FileChanged, write_atomically
from brandvoice.learn.guidefile import apply_changes, unified_diff, validate_text
from brandvoice.runner import Checker, GuideCache, RunOptions


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
        checking_guide = _checking_guide(guide, Path(scratch))
        options = RunOptions(
            brand=checking_guide, language=request.language, guides_dirs=request.guides_dirs, grammar=request.grammar
        )
        run = Checker(options, progress).check_sources(corpus.posts)
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
        try:  # in one step, and only if the guide still holds what was learned from
            write_atomically(path, current, learned)
        except FileChanged:
            raise BrandvoiceError(f"{path} changed while learning: run `brandvoice learn` again") from None
        except NotWritten as exc:  # read-only, hard links, another owner: never rewritten behind one's back
            raise BrandvoiceError(f"{path} not written: {exc}") from None
        outcome.written = str(path)
    return outcome


def _checking_guide(guide: ResolvedGuide, scratch: Path) -> str:
    """The guide to check the posts with: one that extends the brand's, where LanguageTool's
    unknown words that read as proper names stay misspellings (the brand's names are what `learn`
    looks for among them), plus an empty-banded `tone:` section when the brand's measures no tone
    profile (neither a `voice:` nor a `tone:` section). Same file name, so rule ids stay the brand's."""
    assert guide.path is not None
    body = f"extends: {json.dumps(str(Path(guide.path).resolve()))}\ngrammar: {{proper_names: false}}\n"
    if not any(rule.id == "tone.profile" for rule in guide.rules):
        from brandvoice.nlp.settings import ToneSection

        body += f"tone: {{min_words: {ToneSection.model_fields['min_words'].default}}}\n"
    wrapper = scratch / Path(guide.path).name
    wrapper.write_text(body, encoding="utf-8")
    return str(wrapper)
