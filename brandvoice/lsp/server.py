"""The language server: pygls over stdio, checking open drafts with the warm engine.

One process per editor keeps spaCy's pipelines, the guides and the connection to the shared local
LanguageTool server loaded (the resident server's way), and checks with `runner.Checker`, like the
CLI. A draft is checked when it opens and again after each change, debounced; a check still running
for an older version of the text is cancelled (it stops at the engine's next step, and its result
is never published). Checks run one at a time on a worker thread; everything that talks to the
client runs on the event loop.

Guides and project configuration are re-read when they change (the loaded guide files' stamps are
compared before each check; saves and the client's file events re-check the open drafts); a guide
that cannot be used becomes a diagnostic on the guide file, and one on the draft, never a crash.
"""

from __future__ import annotations

import asyncio
import logging
import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.uris import from_fs_path, to_fs_path

from brandvoice import __version__
from brandvoice.config import CONFIG_FILES, PYPROJECT
from brandvoice.engine import CheckCancelled
from brandvoice.errors import BrandvoiceError
from brandvoice.findings import FileResult
from brandvoice.guides.model import ResolvedGuide
from brandvoice.lsp.diagnostics import Explanations, diagnostic, error_diagnostics
from brandvoice.lsp.positions import PositionMap
from brandvoice.parsing.document import MARKDOWN_SUFFIXES, TEXT_SUFFIXES
from brandvoice.runner import Checker, RunOptions, file_stamp

logger = logging.getLogger(__name__)

CHECKED_LANGUAGES = {"markdown", "plaintext", "text"}
GUIDE_SUFFIXES = (".yaml", ".yml")
CONFIG_NAMES = (*CONFIG_FILES, PYPROJECT)
STATUS_PLACES = ("codeLens", "inlayHint", "off")


@dataclass
class Settings:
    """What the editor asks for (`initializationOptions`, or `brandvoice` in its settings), over
    what `brandvoice lsp` was started with; the names are the command line's, in camelCase."""

    brand: str | None = None
    channels: tuple[str, ...] = ()
    lang: str | None = None
    guides_dirs: tuple[str, ...] = ()
    grammar: bool = True
    languagetool_url: str | None = None
    debounce: float = 0.05  # seconds of quiet after a change before checking (a running check is cancelled anyway)
    status: str = "codeLens"  # where the post's length and score show: codeLens, inlayHint or off

    def updated(self, data: Any) -> Settings:
        if not isinstance(data, dict):
            return self
        data = data.get("brandvoice", data)
        if not isinstance(data, dict):
            return self
        changes: dict[str, Any] = {}
        for key, name in (("brand", "brand"), ("lang", "lang"), ("languagetoolUrl", "languagetool_url")):
            if isinstance(data.get(key), str) or (key in data and data[key] is None):
                changes[name] = data[key] or None
        for key, name in (("channels", "channels"), ("guidesDirs", "guides_dirs")):
            value = data.get(key)
            if isinstance(value, str):
                value = [value]
            if isinstance(value, list) and all(isinstance(v, str) for v in value):
                changes[name] = tuple(value)
        if isinstance(data.get("grammar"), bool):
            changes["grammar"] = data["grammar"]
        if isinstance(data.get("debounce"), (int, float)) and data["debounce"] >= 0:
            changes["debounce"] = float(data["debounce"])
        if data.get("status") in STATUS_PLACES:
            changes["status"] = data["status"]
        return replace(self, **changes)

    def run_options(self) -> RunOptions:
        return RunOptions(
            brand=self.brand, channels=self.channels, language=self.lang,
            guides_dirs=[Path(d) for d in self.guides_dirs], grammar=self.grammar,
            languagetool_url=self.languagetool_url,
            cache=False,  # the server holds its drafts' results; a disk entry per keystroke helps no one
        )


@dataclass
class Checked:
    """One check of one version of a draft, as the client saw it."""

    version: int | None
    text: str
    positions: PositionMap
    result: FileResult | None = None
    diagnostics: list[types.Diagnostic] = field(default_factory=list)  # one per finding, same order
    rules: dict[str, Any] = field(default_factory=dict)
    guide: ResolvedGuide | None = None
    related: dict[str, list[types.Diagnostic]] = field(default_factory=dict)  # other files (guides)


@dataclass
class Draft:
    task: asyncio.Task | None = None
    cancel: threading.Event | None = None  # set: the running check stops
    checked: Checked | None = None


class BrandvoiceServer(LanguageServer):
    def __init__(self, settings: Settings | None = None) -> None:
        super().__init__("brandvoice", __version__, text_document_sync_kind=types.TextDocumentSyncKind.Incremental)
        self.settings = settings or Settings()
        self.pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="brandvoice-check")
        self.drafts: dict[str, Draft] = {}
        self.explanations = Explanations()
        self._checker: Checker | None = None
        self._stamps: dict[str, tuple[int, int] | None] = {}
        self._guide_reports: dict[str, dict[str, list[types.Diagnostic]]] = {}  # owner -> path -> diagnostics
        self._published_related: dict[str, list[types.Diagnostic]] = {}

    # --- the checker: one per state of the guides ---------------------------------------------

    def checker(self) -> Checker:
        """The checker for the guides as they are on disk now (worker thread)."""
        checker = self._checker
        if checker is None or any(file_stamp(p) != stamp for p, stamp in self._stamps.items()):
            checker = Checker(self.settings.run_options())
            self._checker, self._stamps = checker, {}
        return checker

    def _remember_guides(self, checker: Checker) -> None:
        for guide in checker.guides.loaded():
            for path in guide.chain:
                self._stamps.setdefault(path, file_stamp(path))

    def reset(self) -> None:
        self._checker = None

    # --- checking drafts ----------------------------------------------------------------------

    def schedule(self, uri: str, delay: float) -> None:
        draft = self.drafts.setdefault(uri, Draft())
        if draft.task is not None and not draft.task.done():
            draft.task.cancel()
        if draft.cancel is not None:
            draft.cancel.set()  # a check of an older version stops at its next step
        draft.task = asyncio.get_running_loop().create_task(self._check_later(uri, delay))

    def recheck_all(self) -> None:
        for uri in list(self.drafts):
            self.schedule(uri, 0)

    async def _check_later(self, uri: str, delay: float) -> None:
        if delay:
            await asyncio.sleep(delay)
        document = self.workspace.get_text_document(uri)
        draft = self.drafts.get(uri)
        if draft is None or not checkable(document):
            return
        cancel = threading.Event()
        draft.cancel = cancel
        text, version = document.source, document.version
        loop = asyncio.get_running_loop()
        try:  # cancelling this task drops a check still queued; a running one stops at its next step
            checked = await loop.run_in_executor(self.pool, self._check, path_of(document), text, version, cancel)
        except asyncio.CancelledError:
            cancel.set()
            raise
        except CheckCancelled:
            return
        except Exception:  # a bug must not take the server down: say it, keep serving
            logger.exception("checking %s failed", uri)
            return
        if draft.cancel is cancel:
            draft.cancel = None
        if self.drafts.get(uri) is not draft or document.version != version:
            return
        draft.checked = checked
        self.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=uri, diagnostics=checked.diagnostics, version=version)
        )
        self._report_related(uri, checked.related)
        self._refresh_status()

    def _check(self, path: str, text: str, version: int | None, cancel: threading.Event) -> Checked:
        """Worker thread: one check, turned into what the client is sent."""
        from brandvoice.config import find_project
        from brandvoice.files import SourceFile

        positions = PositionMap(text, self.workspace.position_encoding or types.PositionEncodingKind.Utf16)
        checked = Checked(version, text, positions)
        try:
            project = find_project(Path(path)) if Path(path).is_absolute() else None
            if project is not None and project.ignores(Path(path)):
                return checked
            checker = self.checker()
            run = checker.check_sources([SourceFile(path, text)], cancelled=cancel.is_set)
        except BrandvoiceError as exc:
            for file, found in error_diagnostics(exc, path).items():
                if file == path:
                    checked.diagnostics = found
                else:
                    checked.related[file] = found
            return checked
        finally:
            if self._checker is not None:
                self._remember_guides(self._checker)
        if not run.files:
            return checked
        result = checked.result = run.files[0]
        checked.rules = run.rules
        checked.guide = _guide_of(result, checker)
        for index, finding in enumerate(result.findings):
            explanation = self.explanations.text(finding.rule, run.rules, checked.guide, checker.options.guides_dirs)
            uri = self.explanations.uri(finding.rule, explanation)
            checked.diagnostics.append(diagnostic(finding, positions, index, uri))
        return checked

    def _report_related(self, owner: str, related: dict[str, list[types.Diagnostic]]) -> None:
        """Diagnostics on other files (a broken guide), merged over every draft and guide that
        reports them; a file no one reports any more is cleared."""
        if related:
            self._guide_reports[owner] = related
        else:
            self._guide_reports.pop(owner, None)
        merged: dict[str, list[types.Diagnostic]] = {}
        for report in self._guide_reports.values():
            for path, found in report.items():
                bucket = merged.setdefault(path, [])
                bucket.extend(d for d in found if all((d.message, d.range) != (o.message, o.range) for o in bucket))
        for path in set(self._published_related) | set(merged):
            found = merged.get(path, [])
            if self._published_related.get(path) != found:
                self.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=_file_uri(path), diagnostics=found))
        self._published_related = {path: found for path, found in merged.items()}

    def _refresh_status(self) -> None:
        workspace = self.client_capabilities.workspace
        if self.settings.status == "codeLens" and workspace and workspace.code_lens and workspace.code_lens.refresh_support:
            self.workspace_code_lens_refresh(None)
        if self.settings.status == "inlayHint" and workspace and workspace.inlay_hint and workspace.inlay_hint.refresh_support:
            self.workspace_inlay_hint_refresh(None)

    def current(self, uri: str) -> Checked | None:
        """The last check of a draft, if it is of the text the client has now."""
        draft = self.drafts.get(uri)
        if draft is None or draft.checked is None:
            return None
        document = self.workspace.get_text_document(uri)
        checked = draft.checked
        return checked if checked.version == document.version and checked.text == document.source else None

    def fixed(self, path: str, text: str) -> str:
        """Worker thread: what `--fix` would make of a draft (safe fixes, round after round)."""
        from brandvoice.files import SourceFile
        from brandvoice.fixes import fix_run

        checker = self.checker()
        run = checker.check_sources([SourceFile(path, text)])
        outcome = fix_run(run, checker.check_sources)
        return outcome.files[0].fixed if outcome.files else text

    # --- guides -------------------------------------------------------------------------------

    def validate_guide(self, path: str) -> None:
        """A guide file the editor opened or saved: its errors on it, or none."""
        from brandvoice.registry import GUIDES

        try:
            GUIDES.load_file(Path(path), [Path(d) for d in self.settings.guides_dirs])
        except BrandvoiceError as exc:
            found = error_diagnostics(exc, path)
            own = [d for d in found.pop(path, []) if d.code == "guide"]  # not "this draft was not checked"
            self._report_related(f"guide:{path}", {**found, **({path: own} if own else {})})
        else:  # fixed: what drafts said about it is stale too
            for report in self._guide_reports.values():
                report.pop(path, None)
            self._report_related(f"guide:{path}", {})

    def is_guide(self, path: str) -> bool:
        from brandvoice.guides.loader import guide_search_path

        if any(path in report for report in self._guide_reports.values()) or path in self._stamps:
            return True
        folders = [Path(d).resolve() for d in guide_search_path([Path(d) for d in self.settings.guides_dirs])]
        return Path(path).resolve().parent in folders


def path_of(document) -> str:
    path = to_fs_path(document.uri) if document.uri.startswith("file:") else None
    if path:
        return path
    suffix = ".md" if document.language_id == "markdown" else ".txt"
    return f"<{Path(document.path or 'untitled').stem}>{suffix}"


def _file_uri(path: str) -> str:
    return from_fs_path(path) or path


def checkable(document) -> bool:
    suffix = Path(document.path or "").suffix.lower()
    return suffix in MARKDOWN_SUFFIXES or suffix in TEXT_SUFFIXES or document.language_id in CHECKED_LANGUAGES


def _guide_of(result: FileResult, checker: Checker) -> ResolvedGuide | None:
    """The guide a draft was checked with: its brand's, else its language's base guide."""
    from brandvoice.languages.packs import pack_for

    guide_id = result.brand
    if guide_id is None and result.language:
        pack = pack_for(result.language.split("-")[0])
        guide_id = pack.base_guide if pack else None
    return next((g for g in reversed(checker.guides.loaded()) if g.id == guide_id), None)
