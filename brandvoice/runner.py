"""A check run: from paths and options to a `RunResult`. No printing here.

Per file, settings resolve as: command line > front matter > project configuration
(`.brandvoice.yaml`: its path globs, then its defaults) > guide defaults. A file without a brand
is checked with the base guide of its language (`base-fr`, `base-en`).
"""

from __future__ import annotations

import difflib
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from brandvoice.cache import ResultCache
from brandvoice.config import FileSettings, Project, find_project
from brandvoice.engine import CheckItem, Engine, Selection
from brandvoice.errors import BrandvoiceError, GuideError
from brandvoice.files import SourceFile, decode_source, discover, read_source, read_stdin
from brandvoice.gitdiff import changes_since
from brandvoice.findings import FileResult, RunResult
from brandvoice.guides.loader import load_guide, load_guide_file
from brandvoice.guides.model import ResolvedGuide
from brandvoice.language import detect_language, normalise_language
from brandvoice.languagetool import URL_ENV, begin_run
from brandvoice.parsing.document import DocumentError, parse_document
from brandvoice.score import score_files


Progress = Callable[[int, int], None]  # (files done, files in all)


@dataclass
class RunOptions:
    brand: str | None = None
    channels: tuple[str, ...] = ()
    language: str | None = None  # a locale, "fr", "en" or "auto"
    guides_dirs: list[Path] = field(default_factory=list)
    grammar: bool = True
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    stdin_filename: str | None = None
    cache: bool = True
    diff_base: str | None = None  # report only findings on lines changed since this git ref
    changed_only: bool = False  # check only files changed (since diff_base, else HEAD), all their findings
    verbose: bool = False  # say where drafts are sent, every run


class GuideCache:
    """Each guide is loaded and its rules built once per run."""

    def __init__(self, guides_dirs: list[Path], grammar: bool) -> None:
        self.guides_dirs = guides_dirs
        self.grammar = grammar
        self._guides: dict[tuple, ResolvedGuide] = {}

    def get(self, ref: str, project: Project | None = None) -> ResolvedGuide:
        # a project adds its guide folders and may turn grammar off: guides are cached per project
        guides_dirs = self.guides_dirs + (project.guides_dirs if project else [])
        grammar = self.grammar and (project.grammar if project else True)
        key = (ref, tuple(guides_dirs), grammar)
        if key not in self._guides:
            path = Path(ref)
            if path.suffix in (".yaml", ".yml") and path.is_file():
                guide = load_guide_file(path, guides_dirs)
            else:
                guide = load_guide(ref, guides_dirs)
            if not grammar:
                guide.rules = [r for r in guide.rules if "languagetool" not in getattr(r.kind, "NEEDS", ())]
            self._guides[key] = guide
        return self._guides[key]


def collect_sources(paths: list[str], stdin_filename: str | None = None) -> list[SourceFile]:
    sources: list[SourceFile] = []
    file_paths: list[str] = []
    for raw in paths:
        if raw == "-":
            sources.append(decode_source(stdin_filename or "<stdin>", read_stdin(sys.stdin.buffer)))
        else:
            file_paths.append(raw)
    try:
        for path in discover(file_paths):
            project = find_project(path)
            if project is None or not project.ignores(path):
                sources.append(read_source(path))
    except FileNotFoundError as exc:
        raise BrandvoiceError(f"{exc.args[0]}: no such file or directory") from None
    return sources


def run_check(paths: list[str], options: RunOptions, progress: Progress | None = None) -> RunResult:
    sources = collect_sources(paths, options.stdin_filename)
    return check_sources(sources, options, progress)


def check_sources(sources: list[SourceFile], options: RunOptions, progress: Progress | None = None) -> RunResult:
    begin_run()  # the run's LanguageTool requests share one time budget
    guides = GuideCache(options.guides_dirs, options.grammar)
    run = RunResult()
    items: list[CheckItem] = []
    changes = changes_since(options.diff_base) if options.diff_base or options.changed_only else None
    if changes is not None:  # unchanged files cannot have findings on changed lines: not checked
        sources = [s for s in sources if s.path.startswith("<") or changes.touches(s.path)]
    for source in sources:
        if source.text is None:
            run.skipped.append((source.path, source.problem or "skipped"))
            continue
        try:
            items.append(_item(source, options, guides))
        except DocumentError as exc:
            where = f"{source.path}:{exc.line}" if exc.line else source.path
            raise BrandvoiceError(f"{where}: {exc}") from None
    engine = Engine(
        Selection(options.select, options.ignore),
        cache=ResultCache() if options.cache else None,
        progress=progress,
    )
    _say_where_drafts_go(items, engine, options.verbose)
    run.files = engine.check(items)
    run.rules = {rule.id: rule for item in items for rule in engine.rules_for(item.guide)}
    if changes is not None and not options.changed_only:
        for result in run.files:
            changes.restrict(result)
    score_files(run.files, items)  # after --diff-base: the score follows what is reported
    return run


def _item(source: SourceFile, options: RunOptions, guides: GuideCache) -> CheckItem:
    markdown = None
    if source.path == "<stdin>":
        markdown = True  # stdin without a filename: Markdown is a superset of plain text posts
    doc = parse_document(source.path, source.text or "", markdown=markdown)
    fm = doc.front_matter
    project = find_project(Path.cwd() if source.path.startswith("<") else Path(source.path))
    conf = project.settings_for(Path(source.path)) if project else FileSettings()
    # command line > front matter > project config (its path globs, then its defaults) > guide
    language_hint = (
        options.language or _str(fm, "lang", source.path) or _str(fm, "language", source.path) or conf.language
    )
    brand = options.brand or _str(fm, "brand", source.path) or conf.brand
    if brand:
        guide = guides.get(brand, project)
    else:
        language = _resolve_language(language_hint, None, doc.prose.text)
        guide = guides.get(f"base-{language.split('-')[0]}", project)
    language = _resolve_language(language_hint, guide.language, doc.prose.text)
    channels = options.channels or _channels_from_front_matter(fm, source.path) or conf.channels or ()
    _check_channels(channels, guide, source.path)
    # --languagetool-url and BRANDVOICE_LANGUAGETOOL_URL win over the file's own project
    languagetool_url = os.environ.get(URL_ENV) or (project.languagetool_url if project else None)
    return CheckItem(
        doc, guide, language, channels, brand=guide.id if brand else None, languagetool_url=languagetool_url
    )


def _say_where_drafts_go(items: list[CheckItem], engine: Engine, verbose: bool) -> None:
    """Drafts leave this machine only for a server the user configured: said the first time for
    each such server (and every time with --verbose), before anything is sent."""
    from brandvoice.languagetool import announce_server
    from brandvoice.rules.base import rule_needs

    servers: dict[str | None, str] = {}
    for item in items:
        if any("languagetool" in rule_needs(rule) for rule in engine.rules_for(item.guide)):
            if os.environ.get(URL_ENV):
                origin = f"--languagetool-url or {URL_ENV}"
            else:
                project = find_project(Path.cwd() if item.document.path.startswith("<") else Path(item.document.path))
                origin = f"{project.file}, languagetool.url" if project and project.languagetool_url else "default"
            servers.setdefault(item.languagetool_url, origin)
    for url, origin in servers.items():
        announce_server(url, origin, verbose)


def _check_channels(channels: tuple[str, ...], guide: ResolvedGuide, path: str) -> None:
    from brandvoice.channels import known_channels

    known = known_channels(guide)
    for channel in channels:
        if channel not in known:
            close = difflib.get_close_matches(channel, known, n=1)
            hint = f" Did you mean “{close[0]}”?" if close else ""
            raise BrandvoiceError(f"{path}: unknown channel “{channel}” (known: {', '.join(known)}).{hint}")


def _resolve_language(hint: str | None, guide_language: str | None, text: str) -> str:
    if hint and hint != "auto":
        return normalise_language(hint, guide_language)
    if hint == "auto" or not guide_language:
        return normalise_language(detect_language(text), guide_language)
    return guide_language


def _str(front_matter: dict, key: str, path: str) -> str | None:
    value = front_matter.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        raise BrandvoiceError(f"{path}: front matter `{key}` must be a string, got {type(value).__name__}")
    return value


def _channels_from_front_matter(fm: dict, path: str) -> tuple[str, ...]:
    value = fm.get("channels", fm.get("channel"))
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return tuple(value)
    raise BrandvoiceError(f"{path}: front matter `channels` must be a name or a list of names")


__all__ = ["RunOptions", "run_check", "check_sources", "collect_sources", "FileResult", "GuideError"]
