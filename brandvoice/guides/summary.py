"""What answering a file from the result cache needs of its guide, kept in the user cache: a run
whose files are all answered neither reads YAML nor validates a guide nor imports a rule kind.

A summary names the guide's id and fingerprint (what the cached facts of a file are compared with)
and each rule's id, needs and whether its kind reports finer ids (whether the run's rule selection
sends texts to LanguageTool). It is trusted only while it still describes the guide that loading would give: every name
of the chain (the guide asked for, each `extends`) still leads to the same file, and every file of
the chain still holds the very bytes the guide was built from. Its key holds what else decides the
guide: the brandvoice version and code fingerprint (`ResultCache.key`), the guide folders, grammar
on or off, and the working folder (relative names). Anything else is a miss: the guide is loaded,
and its summary written again.
"""

from __future__ import annotations

import dataclasses
import hashlib
import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from brandvoice.guides.lookup import find_guide
from brandvoice.reading import SETTINGS_MAX_BYTES, Unreadable, read_regular_file

if TYPE_CHECKING:
    from brandvoice.guides.model import ResolvedGuide
    from brandvoice.selectors import Selection


@dataclass(frozen=True)
class GuideSummary:
    id: str
    fingerprint: str
    rules: tuple[tuple[str, bool, tuple[str, ...]], ...]  # (rule id, its kind reports finer ids, its needs)
    guides_dirs: tuple[str, ...]
    lookups: tuple[tuple[str, str | None, str], ...]  # (guide name, file it was named in, file found)
    sources: tuple[tuple[str, str], ...]  # each file of the chain, and the SHA-256 of its bytes

    @classmethod
    def of(cls, guide: ResolvedGuide, guides_dirs: list[Path]) -> GuideSummary:
        return cls(
            id=guide.id,
            fingerprint=guide.fingerprint(),
            rules=tuple((rule.id, rule.kind.fine_ids, tuple(sorted(rule.needs))) for rule in guide.rules),
            guides_dirs=tuple(str(d) for d in guides_dirs),
            lookups=guide.lookups,
            sources=guide.sources,
        )

    def holds(self) -> bool:
        """Whether loading the guide now would give the guide summarised: the same files, found by
        the same names, holding the same bytes."""
        dirs = [Path(d) for d in self.guides_dirs]
        for name, named_in, found in self.lookups:
            try:
                if str(find_guide(name, dirs, Path(named_in) if named_in else None)) != found:
                    return False
            except (FileNotFoundError, OSError):
                return False
        for path, sha256 in self.sources:
            try:
                if hashlib.sha256(read_regular_file(Path(path), SETTINGS_MAX_BYTES)).hexdigest() != sha256:
                    return False
            except (Unreadable, OSError):
                return False
        return True

    def needs(self, selection: Selection) -> frozenset[str]:
        """What the rules the selection may report need (as `Engine.rules_for` selects them)."""
        return frozenset(
            need for rule_id, fine_ids, needs in self.rules if selection.may_report(rule_id, fine_ids) for need in needs
        )


    def to_json(self) -> dict[str, Any]:
        return dataclasses.asdict(self)

    @classmethod
    def from_json(cls, data: Any) -> GuideSummary | None:
        """The summary an entry holds, or None unless every field has its shape."""
        try:
            summary = cls(
                id=data["id"], fingerprint=data["fingerprint"],
                rules=tuple((rule_id, fine_ids, tuple(needs)) for rule_id, fine_ids, needs in data["rules"]),
                guides_dirs=tuple(data["guides_dirs"]),
                lookups=tuple((name, named_in, found) for name, named_in, found in data["lookups"]),
                sources=tuple((path, sha256) for path, sha256 in data["sources"]),
            )
        except (KeyError, TypeError, ValueError):
            return None
        strings = [summary.id, summary.fingerprint, *summary.guides_dirs, *(x for pair in summary.sources for x in pair),
                   *(x for name, named_in, found in summary.lookups for x in (name, found)),
                   *(x for rule_id, _, needs in summary.rules for x in (rule_id, *needs))]
        if data.keys() != {f.name for f in dataclasses.fields(cls)} or not all(type(x) is str for x in strings):
            return None
        if not all(type(fine_ids) is bool for _, fine_ids, _ in summary.rules):
            return None
        if not all(named_in is None or type(named_in) is str for _, named_in, _ in summary.lookups):
            return None
        return summary


def summary_key(ref: str, guides_dirs: list[Path], grammar: bool) -> dict[str, Any]:
    """The parts of a summary's cache key (`ResultCache.key` adds the version and the code)."""
    return {"guide_summary": [ref, [str(d) for d in guides_dirs], grammar, os.getcwd()]}
