"""What an editor shows of a check: findings as diagnostics (rule id as `code`, a link to the
rule's explanation, severity from the level), errors in guides as diagnostics on the guide file,
the post's status line (`X 212/280 · score 86`), and the rules' explanations."""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from lsprotocol import types

from brandvoice.channels.profiles import shipped_profiles
from brandvoice.project_files import CONFIG_FILES, PYPROJECT
from brandvoice.errors import BrandvoiceError, GuideError, GuideErrors
from brandvoice.findings import FileResult, Finding, Level
from brandvoice.guides.model import ResolvedGuide
from brandvoice.i18n import _, ui_language, ui_number
from brandvoice.lsp.positions import PositionMap

SOURCE = "brandvoice"
SEVERITY = {
    Level.ERROR: types.DiagnosticSeverity.Error,
    Level.WARNING: types.DiagnosticSeverity.Warning,
    Level.SUGGESTION: types.DiagnosticSeverity.Information,
}


def finding_range(finding: Finding, positions: PositionMap) -> types.Range:
    """The finding's span; a whole-document finding (tone, length) only on its first line, so it
    does not underline, and hover over, the whole post."""
    span = positions.range(finding.offset, finding.offset + finding.length)
    if finding.whole_document and span.end.line > span.start.line:
        return types.Range(start=span.start, end=positions.line_range(span.start.line).end)
    return span


def diagnostic(finding: Finding, positions: PositionMap, index: int, explanation_uri: str | None) -> types.Diagnostic:
    return types.Diagnostic(
        range=finding_range(finding, positions),
        message=finding.message,
        severity=SEVERITY[finding.level],
        code=finding.rule,
        code_description=types.CodeDescription(href=explanation_uri) if explanation_uri else None,
        source=SOURCE if finding.source == "brandvoice" else f"{SOURCE} ({finding.source})",
        data={"index": index},
    )


def status(result: FileResult) -> str:
    """`X 212/280 · LinkedIn 212/3,000 · score 86`: each targeted channel's length and the score,
    in the interface language (`LinkedIn 212/3 000 · score 86` in French)."""
    labels = {name: profile.label for name, profile in shipped_profiles().items()}
    lengths, limits = result.metrics.get("lengths", {}), result.metrics.get("limits", {})
    parts = [
        f"{labels.get(name, name)} {ui_number(lengths[name], ',')}/{ui_number(limit, ',')}"
        for name, limit in limits.items()
        if name in lengths and not name.endswith("_bytes")
    ]
    score = result.metrics.get("score")
    if score is not None:
        parts.append(_("score {score}").format(score=ui_number(score, ".0f")))
    return " · ".join(parts)


# --- errors that stop a check --------------------------------------------------------------------

_WHERE = re.compile(r"^(?P<path>[^\n]+?)(?::(?P<line>\d+))?: ")


def error_diagnostics(error: BrandvoiceError, draft: str) -> dict[str, list[types.Diagnostic]]:
    """A check that could not run, as diagnostics by file path: each guide error on its guide
    file (line and key), a project configuration's on `.brandvoice.yaml`, and one on the draft
    saying why it was not checked (at its line for a front matter problem)."""
    found: dict[str, list[types.Diagnostic]] = {}
    problems = error.errors if isinstance(error, GuideErrors) else [error] if isinstance(error, GuideError) else []
    for problem in problems:
        message = f"{problem.key}: {problem.problem}" if problem.key else problem.problem
        found.setdefault(problem.path, []).append(
            types.Diagnostic(range=_file_line(problem.path, problem.line), message=message,
                             severity=types.DiagnosticSeverity.Error, code="guide", source=SOURCE)
        )
    line = None
    where = _WHERE.match(str(error))
    if where and not problems:
        path, number = where["path"], int(where["line"]) if where["line"] else None
        if os.path.abspath(path) == os.path.abspath(draft):
            line = number
        elif Path(path).name in (*CONFIG_FILES, PYPROJECT) and Path(path).is_file():  # the project's file
            found[path] = [types.Diagnostic(range=_file_line(path, number), message=str(error)[where.end():],
                                            severity=types.DiagnosticSeverity.Error, code="config", source=SOURCE)]
    found.setdefault(draft, []).append(
        types.Diagnostic(range=_file_line(None, line), message=str(error),
                         severity=types.DiagnosticSeverity.Error, code="config", source=SOURCE)
    )
    return found


def _file_line(path: str | None, line: int | None) -> types.Range:
    """Line `line` (1-based) of a file on disk, whole; the first line when unknown."""
    number = max(0, (line or 1) - 1)
    text = ""
    if path is not None:
        try:
            text = Path(path).read_text(encoding="utf-8-sig").splitlines()[number]
        except (OSError, UnicodeDecodeError, IndexError):
            text = ""
    return types.Range(start=types.Position(line=number, character=0),
                       end=types.Position(line=number, character=len(text.encode("utf-16-le")) // 2))


# --- explanations: hover text, and the file a diagnostic's code links to --------------------------


class Explanations:
    """`brandvoice explain RULE` for the rules of a check, in memory (hover) and as Markdown files
    (the `codeDescription` link opens one in the editor). Files are named by their content, so
    several editors' servers never overwrite each other's."""

    def __init__(self, folder: Path | None = None) -> None:
        from brandvoice.cache import cache_folder

        self.folder = folder or cache_folder("explain")
        self._texts: dict[tuple[str, str, str], str] = {}  # by rule, guide and interface language
        self._uris: dict[str, str] = {}

    def text(self, rule_id: str, rules: Mapping[str, Any], guide: ResolvedGuide | None, guides_dirs: list[Path]) -> str:
        """The explanation of a finding's rule: the guide's rule (`rules`, as the check ran them),
        or, for finer ids (`languagetool.D_N`), `brandvoice explain`'s."""
        from brandvoice.docs import explain_guide_rule, explain_rule

        rule = rules.get(rule_id)
        key = (rule_id, guide.fingerprint() if guide is not None else "", ui_language())
        if key not in self._texts:
            guide_id = guide.id if guide is not None else rule_id.split(".")[0]
            if rule is not None:
                self._texts[key] = explain_guide_rule(rule, guide_id)
            else:
                try:
                    self._texts[key] = explain_rule(rule_id, guide_id, guides_dirs)
                except BrandvoiceError as exc:
                    self._texts[key] = str(exc)
        return self._texts[key]

    def uri(self, rule_id: str, text: str) -> str:
        digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]
        if digest not in self._uris:
            self.folder.mkdir(mode=0o700, parents=True, exist_ok=True)
            name = re.sub(r"[^\w.-]", "_", rule_id)[:80]
            path = self.folder / f"{name}-{digest}.md"
            if not path.exists():
                temporary = path.with_suffix(f".{os.getpid()}.tmp")
                temporary.write_text(f"# {rule_id}\n\n```text\n{text}\n```\n", encoding="utf-8")
                temporary.replace(path)
            self._uris[digest] = path.as_uri()
        return self._uris[digest]
