"""Checking, for every front end: `Checker` takes `RunOptions` and files, sources or texts, and
returns results. The CLI (`check`, `score`, `report`, `learn`), `watch` and the resident server
go through it; an editor integration calls `Checker(options).check_texts(...)`. No printing here.

Per document, settings resolve as: run options (the command line) > front matter > project
configuration (`.brandvoice.yaml`: its path globs, then its defaults) > guide defaults. A document
without a brand is checked with the base guide of its language (`base-fr`, `base-en`...).
"""

from __future__ import annotations

import difflib
import os
import sys
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from brandvoice.cache import FileFacts, ResultCache, result_key
from brandvoice.config import FileSettings, Project, find_project, one_lookup_per_folder, project_of
from brandvoice.errors import BrandvoiceError
from brandvoice.files import SourceFile, decode_source, discover, read_source
from brandvoice.findings import FileResult, RunResult
from brandvoice.guides.summary import GuideSummary, summary_key
from brandvoice.i18n import N_, _
from brandvoice.languagetool import URL_ENV, begin_run
from brandvoice.parsing.lines import LineIndex
from brandvoice.parsing.readers import MARKDOWN, STDIN, TEXT, Reading, reader_for
from brandvoice.reading import read_stdin
from brandvoice.selectors import Selection

if TYPE_CHECKING:
    from brandvoice.engine import CheckItem, Engine
    from brandvoice.guides.model import ResolvedGuide
    from brandvoice.parsing.document import Document

# A run whose files are all answered from the cache imports no more than this: parsing, the rule
# kinds, spaCy and the guide format are imported when a file is checked.

Progress = Callable[[int, int], None]  # (documents done, documents in all)


@dataclass
class RunOptions:
    """What a run is asked to do, from the command line (or an editor's settings)."""

    brand: str | None = None
    channels: tuple[str, ...] = ()
    language: str | None = None  # a locale, "fr", "en" or "auto"
    guides_dirs: list[Path] = field(default_factory=list)
    grammar: bool = True
    languagetool_url: str | None = None  # wins over BRANDVOICE_LANGUAGETOOL_URL and the project's
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    stdin_filename: str | None = None
    cache: bool = True
    diff_base: str | None = None  # report only findings on lines changed since this git ref
    changed_only: bool = False  # check only files changed (since diff_base, else HEAD), all their findings
    verbose: bool = False  # say where drafts are sent, every run


class GuideCache:
    """Each guide is loaded and its rules built once per checker; its summary (what answering a
    file from the result cache needs) is kept in the user cache too (guides/summary.py)."""

    def __init__(self, guides_dirs: list[Path], grammar: bool) -> None:
        self.guides_dirs = guides_dirs
        self.grammar = grammar
        self._guides: dict[tuple, ResolvedGuide] = {}
        self._summaries: dict[tuple, GuideSummary] = {}
        self._stamps: dict[str, tuple[int, int] | None] = {}  # each loaded guide file as it was read

    def _settings(self, ref: str, project: Project | None) -> tuple[list[Path], bool, tuple]:
        # a project adds its guide folders and may turn grammar off: guides are cached per project
        guides_dirs = self.guides_dirs + (project.guides_dirs if project else [])
        grammar = self.grammar and (project.grammar if project else True)
        return guides_dirs, grammar, (ref, tuple(guides_dirs), grammar)

    def summary(self, ref: str, project: Project | None, cache: ResultCache) -> GuideSummary:
        """The guide's summary: from this checker, else from the user cache while it still holds,
        else from the guide, loaded (and the summary stored for the next runs)."""
        guides_dirs, grammar, key = self._settings(ref, project)
        if key not in self._summaries:
            stored_key = ResultCache.key(summary_key(ref, guides_dirs, grammar))
            summary = cache.guide_summary(stored_key) if key not in self._guides else None
            if summary is None or not summary.holds():
                summary = GuideSummary.of(self.get(ref, project), guides_dirs)
                cache.put_guide_summary(stored_key, summary)
            for file, _sha256 in summary.sources:  # `watch` sees an edit of a guide it never loaded
                self._stamps.setdefault(file, file_stamp(file))
            self._summaries[key] = summary
        return self._summaries[key]

    def get(self, ref: str, project: Project | None = None) -> ResolvedGuide:
        guides_dirs, grammar, key = self._settings(ref, project)
        if key not in self._guides:
            from brandvoice.registry import GUIDES

            path = Path(ref)
            if path.suffix in (".yaml", ".yml") and path.is_file():
                guide = GUIDES.load_file(path, guides_dirs)
            else:
                guide = GUIDES.load(ref, guides_dirs)
            if not grammar:
                guide.rules = [r for r in guide.rules if "languagetool" not in r.needs]
            self._guides[key] = guide
            for file in guide.chain:
                self._stamps.setdefault(file, file_stamp(file))
        return self._guides[key]

    def changed_on_disk(self) -> bool:
        """Whether a loaded guide's file changed since it was read (`watch` then makes a new checker)."""
        return any(file_stamp(file) != stamp for file, stamp in self._stamps.items())

    def loaded(self) -> list[ResolvedGuide]:
        """The guides loaded so far (an editor watches their files)."""
        return list(self._guides.values())


def file_stamp(path: str | Path) -> tuple[int, int] | None:
    """What tells a file's versions apart cheaply: its modification time and size (None: gone)."""
    try:
        info = os.stat(path)
    except OSError:
        return None
    return info.st_mtime_ns, info.st_size


def collect_sources(paths: list[str], stdin_filename: str | None = None) -> list[SourceFile]:
    sources: list[SourceFile] = []
    file_paths: list[str] = []
    for raw in paths:
        if raw == "-":
            sources.append(decode_source(stdin_filename or STDIN, read_stdin(sys.stdin.buffer)))
        else:
            file_paths.append(raw)
    try:
        for path in discover(file_paths):
            project = find_project(path)
            if project is None or not project.ignores(path):
                sources.append(read_source(path))
    except FileNotFoundError as exc:
        raise BrandvoiceError(_("{path}: no such file or directory").format(path=exc.args[0])) from None
    return sources


class Checker:
    """Checks with one set of options; guides are loaded once per checker (make a new one to see
    edited guides)."""

    def __init__(self, options: RunOptions, progress: Progress | None = None) -> None:
        self.options = options
        self.progress = progress
        self.guides = GuideCache(options.guides_dirs, options.grammar)
        self._environment_url = os.environ.get(URL_ENV)  # read once: it is asked for each file

    def check_paths(self, paths: list[str]) -> RunResult:
        """Files and folders (`-`: standard input), as `brandvoice check` takes them."""
        with one_lookup_per_folder():
            return self.check_sources(collect_sources(paths, self.options.stdin_filename))

    def check_texts(
        self, texts: Iterable[tuple[str, str]], cancelled: Callable[[], bool] | None = None
    ) -> list[FileResult]:
        """Texts that need not be saved (an editor's buffers): (path, text) pairs; the path says
        how to read the text and which project configuration applies. `cancelled()` is asked
        along the way: when it says yes, the check stops with `engine.CheckCancelled`."""
        return self.check_sources([SourceFile(path, text) for path, text in texts], cancelled).files

    def check_sources(self, sources: list[SourceFile], cancelled: Callable[[], bool] | None = None) -> RunResult:
        with one_lookup_per_folder():
            return self._check_sources(sources, cancelled)

    def _check_sources(self, sources: list[SourceFile], cancelled: Callable[[], bool] | None) -> RunResult:
        options = self.options
        begin_run()  # the run's LanguageTool requests share one time budget
        run = RunResult()
        changes = None
        if options.diff_base or options.changed_only:
            from brandvoice.gitdiff import changes_since

            changes = changes_since(options.diff_base)
        if changes is not None:  # unchanged files cannot have findings on changed lines: not checked
            sources = [s for s in sources if s.path.startswith("<") or changes.touches(s.path)]
        cache = ResultCache() if options.cache else None
        selection = Selection(options.select, options.ignore)
        # a report restricted to changed lines scores what it reports: only whole files are answered before parsing
        restricted = changes is not None and not options.changed_only
        answers = None if restricted else cache
        engine = _Engine(selection, cache, cancelled)
        planned = self._plan_sources(sources, run, engine, answers)
        to_check = [p for p in planned if isinstance(p, _Planned)]
        self._say_where_drafts_go(planned, engine)
        if to_check:
            checking = engine.get()
            checking.progress = _counting_answered(self.progress, len(planned) - len(to_check))
            kept = {i for i, p in enumerate(to_check) if answers is not None and p.pre_parse_key}
            checked = iter(checking.check([p.item for p in to_check], kept_with_facts=kept))
        run.files = [p.result if isinstance(p, _Answered) else next(checked) for p in planned]
        run.rules = _Lazy(lambda: {rule.id: rule for p in planned for rule in engine.get().rules_for(self._guide_of(p))})
        run.guides = _Lazy(lambda: {guide.id: guide for guide in map(self._guide_of, planned)})
        if restricted:
            for result in run.files:
                changes.restrict(result)
        for result, p in zip(run.files, planned):  # after --diff-base: the score follows what is reported
            if isinstance(p, _Planned):
                from brandvoice.score import count_words, record_score

                record_score(result, count_words(p.item.document.prose.text), p.guide.section("score"))
                if answers is not None and p.pre_parse_key and not result.cut_short:
                    answers.put_facts(p.pre_parse_key, p.facts(result), engine.get().cache_key(p.item), result)
                    # what answering it next time needs: its guide's summary, the services' fingerprints
                    summary = self.guides.summary(p.guide_ref, project_of(p.path), answers)
                    engine.engines_of(summary, lambda: p.guide, p.item.language, p.languagetool_url)
        if answers is not None:
            answers.prune()  # the files' entries are written here, after the engine's
        return run

    def _guide_of(self, p: _Answered | _Planned) -> ResolvedGuide:
        return p.guide if isinstance(p, _Planned) else self.guides.get(p.guide_ref, p.project)

    def _plan_sources(
        self, sources: list[SourceFile], run: RunResult, engine: _Engine, answers: ResultCache | None
    ) -> list[_Answered | _Planned]:
        """Each document of the sources, in their order: answered from the cache without parsing
        (`answers`: the cache, when whole files may be answered), or parsed and planned for a check."""
        planned: list[_Answered | _Planned] = []
        for source in sources:
            if not source.readable:
                run.skipped.append((source.path, source.problem or "skipped"))
                continue
            project = project_of(source.path)
            key = self._pre_parse_key(source, project) if answers is not None else None
            answered = self._answer(source, key, project, engine, answers) if key and answers else None
            if answered is not None:
                planned.append(answered)
                continue
            reading = _read(source)
            run.notes.extend((source.path, note) for note in reading.notes)
            planned.extend(self._plan(document, key) for document in reading.documents)
        return planned

    def _pre_parse_key(self, source: SourceFile, project: Project | None) -> str | None:
        """The key of a Markdown or text file's cached facts, from what is known before parsing it:
        its text and type, the run's options and what its project says about it (None for other
        files: a calendar's posts are located through its parsed cells)."""
        reader = reader_for(source.path)
        if source.text is None or source.post is not None or reader not in (MARKDOWN, TEXT):
            return None
        options = self.options
        conf = project.settings_for(Path(source.path)) if project else FileSettings()
        return ResultCache.key(
            {
                "text": source.text,
                "reader": reader.name,
                "options": [options.brand, options.language, list(options.channels), options.grammar,
                            [str(d) for d in options.guides_dirs]],
                "project": [conf.brand, conf.language, conf.channels, project.grammar,
                            [str(d) for d in project.guides_dirs]] if project else None,
                "languagetool_url": self._languagetool_url(project),
            }
        )

    def _answer(
        self, source: SourceFile, key: str, project: Project | None, engine: _Engine, cache: ResultCache
    ) -> _Answered | None:
        """A file's result from the cache without parsing it, if its cached facts still hold: the
        guide they name has the same fingerprint, and the results stored with them have the key
        that guide, the run's rule selection and today's engines give."""
        cached = cache.facts(key)
        if cached is None:
            return None
        facts, results = cached
        summary = self.guides.summary(facts.guide, project, cache)
        if summary.fingerprint != facts.guide_fingerprint:
            return None
        text = source.text or ""
        languagetool_url = self._languagetool_url(project)
        engines = engine.engines_of(summary, lambda: self.guides.get(facts.guide, project), facts.language, languagetool_url)
        answer_key = result_key(text, reader_for(source.path) is MARKDOWN, summary.fingerprint, facts.language,
                                facts.channels, engine.selection, engines)
        answer = cache.answer(results, answer_key, _PlainText(text))
        if answer is None:
            return None
        result = FileResult(
            path=source.path, brand=summary.id if facts.branded else None,
            channel=facts.channels[0] if facts.channels else None, channels=facts.channels,
            language=facts.language, source=text, guide=summary.id,
        )
        result.findings, result.metrics = answer  # scored when it was checked: `words` and `score` are there
        return _Answered(result, summary, facts.guide, project, languagetool_url)

    def _say_where_drafts_go(self, planned: list[_Answered | _Planned], engine: _Engine) -> None:
        """Drafts leave this machine only for a server the user configured: said the first time
        for each such server (and every time with `verbose`), before anything is sent."""
        servers: dict[str | None, str] = {}
        sends: dict[int, bool] = {}  # per guide: whether its rules send texts to LanguageTool
        for p in planned:
            if id(p.guide) not in sends:
                sends[id(p.guide)] = p.sends_text(engine)
            if not sends[id(p.guide)]:
                continue  # no grammar check: nothing is sent
            if self.options.languagetool_url:
                origin = "--languagetool-url"
            elif self._environment_url:
                origin = URL_ENV
            else:
                project = project_of(p.path)
                origin = f"{project.file}, languagetool.url" if project and project.languagetool_url else N_("default")
            servers.setdefault(p.languagetool_url, origin)
        if servers:
            from brandvoice.languagetool.client import announce_server

            for url, origin in servers.items():
                announce_server(url, origin, self.options.verbose)

    def _languagetool_url(self, project: Project | None) -> str | None:
        """Drafts go to the server the run names, else the environment's, else the file's project's."""
        return self.options.languagetool_url or self._environment_url or (project.languagetool_url if project else None)

    def _plan(self, doc: Document, pre_parse_key: str | None) -> _Planned:
        from brandvoice.calendars.values import channels_of, language_of
        from brandvoice.channels.profiles import known_channels
        from brandvoice.engine import CheckItem
        from brandvoice.languages.packs import PACKS, pack_for

        options = self.options
        fm = doc.front_matter
        project = project_of(doc.path)
        conf = project.settings_for(Path(doc.path)) if project else FileSettings()
        post = doc.post
        # run options > front matter (a calendar's row) > project config (its path globs, then its defaults) > guide
        row_language = _row_value(doc, "language", lambda v: language_of(v, PACKS)) if post else None
        language_hint = (
            options.language or row_language or _str(fm, "lang", doc.path) or _str(fm, "language", doc.path) or conf.language
        )
        row_brand = _row_value(doc, "brand", lambda v: self._brand_named(v, project)) if post else None
        brand = options.brand or row_brand or _str(fm, "brand", doc.path) or conf.brand
        if brand:
            guide_ref = brand
        else:
            code = _resolve_language(language_hint, None, doc.prose.text).split("-")[0]
            pack = pack_for(code)
            guide_ref = pack.base_guide if pack else f"base-{code}"
        guide = self.guides.get(guide_ref, project)
        language = _resolve_language(language_hint, guide.language, doc.prose.text)
        row_channels = None
        if post and post.channel:
            names = project.config.calendar.channels if project else {}
            row_channels = _row_value(doc, "channel", lambda v: channels_of(v, known_channels(guide), names))
        channels = options.channels or row_channels or _channels_from_front_matter(fm, doc.path) or conf.channels or ()
        _check_channels(channels, guide, doc.path)
        item = CheckItem(doc, guide, language, channels, brand=guide.id if brand else None,
                         languagetool_url=self._languagetool_url(project))
        return _Planned(item, guide_ref, pre_parse_key)

    def _brand_named(self, value: str, project: Project | None) -> str:
        """The guide a calendar's brand cell names: by the project's `calendar.brands`, a guide's id,
        or its display name (guides are loaded for their names only when the id does not match)."""
        from brandvoice.calendars.values import Unmapped, brand_of
        from brandvoice.guides.lookup import available_guides

        names = project.config.calendar.brands if project else {}
        guides_dirs = self.options.guides_dirs + (project.guides_dirs if project else [])
        ids = {guide_id: guide_id for guide_id in available_guides(guides_dirs) if not guide_id.startswith("base-")}
        try:
            return brand_of(value, ids, names)
        except Unmapped:
            return brand_of(value, {guide_id: self._display_name(guide_id, project) for guide_id in ids}, names)

    def _display_name(self, guide_id: str, project: Project | None) -> str:
        try:
            return self.guides.get(guide_id, project).name
        except BrandvoiceError:  # a broken guide is reported when a post uses it
            return guide_id


@dataclass(frozen=True)
class _Planned:
    """A document to check, with the guide as its file named it and its file's pre-parse key (None:
    not answered before parsing)."""

    item: CheckItem
    guide_ref: str
    pre_parse_key: str | None

    @property
    def guide(self) -> ResolvedGuide:
        return self.item.guide

    @property
    def path(self) -> str:
        return self.item.document.path

    @property
    def languagetool_url(self) -> str | None:
        return self.item.languagetool_url

    def facts(self, result: FileResult) -> FileFacts:
        """What parsing decided, for answering this file next time without parsing it."""
        item = self.item
        return FileFacts(self.guide_ref, item.guide.fingerprint(), item.language, item.channels,
                         item.brand is not None, result.metrics["words"])

    def sends_text(self, engine: _Engine) -> bool:
        """Whether the rules run send its text to LanguageTool."""
        return any("languagetool" in rule.needs for rule in engine.get().rules_for(self.guide))


@dataclass(frozen=True)
class _Answered:
    """A file answered from the cache without parsing it: its guide is known by its summary."""

    result: FileResult
    guide: GuideSummary
    guide_ref: str  # as the file's facts name it
    project: Project | None
    languagetool_url: str | None

    @property
    def path(self) -> str:
        return self.result.path

    def sends_text(self, engine: _Engine) -> bool:
        return "languagetool" in self.guide.needs(engine.selection)


class _Engine:
    """The run's engine, made (and its modules imported) when a file is checked or a guide's rules
    are asked for: a run answered from the cache needs neither."""

    def __init__(self, selection: Selection, cache: ResultCache | None, cancelled: Callable[[], bool] | None) -> None:
        self.selection, self.cache, self.cancelled = selection, cache, cancelled
        self._engine: Engine | None = None
        self._fingerprints: dict[tuple, list[str]] = {}

    def get(self) -> Engine:
        if self._engine is None:
            from brandvoice.engine import Engine

            self._engine = Engine(self.selection, cache=self.cache, cancelled=self.cancelled)
        return self._engine

    def engines_of(
        self, summary: GuideSummary, load: Callable[[], ResolvedGuide], language: str, languagetool_url: str | None
    ) -> list[str]:
        """`Engine.engines` of a guide known by its summary (`load()` loads it): the fingerprints of
        the services its selected rules use, for a text in this language sent to this server.
        Worked out once per run, and kept in the user cache for as long as the Python environment
        they were read from is the same (`environment_stamp`): a run answered from the cache
        neither loads the guide nor imports a service."""
        key = (summary.fingerprint, language, languagetool_url)
        if key not in self._fingerprints:
            selection = self.selection
            stored_key = ResultCache.key({
                "engines": [summary.fingerprint, list(selection.select), list(selection.ignore), language, languagetool_url],
                "environment": environment_stamp(),
            })
            engines = self.cache.engines(stored_key) if self.cache is not None else None
            if engines is None:
                engines = self.get().engines(load(), language, languagetool_url)
                if self.cache is not None:
                    self.cache.put_engines(stored_key, engines)
            self._fingerprints[key] = engines
        return self._fingerprints[key]


def environment_stamp() -> list:
    """What the services' fingerprints are read from besides the guide and the code: the Python
    environment (spaCy's and each model's installed version, which model a language resolves to)
    and the LanguageTool server named by the environment. A package installed, upgraded or removed
    adds or removes entries in a folder of `sys.path`, which changes its modification time: the
    signal Python's own import system trusts to see new modules (`importlib.machinery.FileFinder`)."""
    folders = []
    for entry in sys.path:
        try:
            info = os.stat(entry or ".")
        except OSError:
            folders.append([entry, None])
        else:
            folders.append([entry, info.st_mtime_ns, info.st_ino])
    return [sys.executable, folders, os.environ.get(URL_ENV)]


class _Lazy(Mapping):
    """A mapping computed when first read (the run's rules and guides: loading the guides of files
    answered from the cache only for a report that shows them)."""

    def __init__(self, compute: Callable[[], dict]) -> None:
        self._compute = compute
        self._data: dict | None = None

    def _mapping(self) -> dict:
        if self._data is None:
            self._data = self._compute()
        return self._data

    def __getitem__(self, key: Any) -> Any:
        return self._mapping()[key]

    def __iter__(self) -> Iterator:
        return iter(self._mapping())

    def __len__(self) -> int:
        return len(self._mapping())

    def __repr__(self) -> str:
        return repr(self._mapping())


@dataclass(frozen=True)
class _PlainText:
    """A Markdown or text file's text and its lines: what a cached answer's findings are checked
    against (a parsed `Document` positions offsets the same way)."""

    source: str

    def position(self, offset: int) -> tuple[int, int]:
        return self._lines.position(offset)

    @cached_property
    def _lines(self) -> LineIndex:
        return LineIndex(self.source)


def _counting_answered(progress: Progress | None, answered: int) -> Progress | None:
    """The engine's progress over the files it checks, counting those answered from the cache too."""
    if progress is None or not answered:
        return progress
    return lambda done, total: progress(done + answered, total + answered)


def _row_value(doc: Document, field_name: str, mapped: Callable[[str], Any]) -> Any:
    """A calendar row's value mapped (a brand, channels, a language), or an error naming its cell and
    column, and how to map it in the project configuration."""
    from brandvoice.calendars.values import Unmapped

    value = getattr(doc.post, field_name)
    if not value:
        return None
    try:
        return mapped(value)
    except Unmapped as exc:
        header, reference = doc.post.cell_of(field_name) or (field_name, doc.post.place)
        key = {"brand": "brands", "channel": "channels"}.get(field_name)
        hint = " " + _("Map it in .brandvoice.yaml: `calendar: {{{key}: {{\"{value}\": ...}}}}`.").format(
            key=key, value=value) if key else ""
        raise BrandvoiceError(_("{path}: {cell}: column “{header}”: {problem}.").format(
            path=doc.path, cell=reference, header=header, problem=exc) + hint) from None


def _read(source: SourceFile) -> Reading:
    from brandvoice.parsing.document import DocumentError, parse_cell
    from brandvoice.parsing.readers import read_documents

    if source.post is not None:  # a post's text after fixes: the same cell, read again
        return Reading([parse_cell(source.path, source.text or "", source.post)])
    project = project_of(source.path)
    try:
        return read_documents(source.path, source.text if source.text is not None else source.data, project)
    except DocumentError as exc:
        where = f"{source.path}:{exc.line}" if exc.line else source.path
        raise BrandvoiceError(f"{where}: {exc}") from None


def _check_channels(channels: tuple[str, ...], guide: ResolvedGuide, path: str) -> None:
    from brandvoice.channels.profiles import known_channels

    known = known_channels(guide)
    for channel in channels:
        if channel not in known:
            close = difflib.get_close_matches(channel, known, n=1)
            hint = " " + _("Did you mean “{name}”?").format(name=close[0]) if close else ""
            raise BrandvoiceError(_("{path}: unknown channel “{channel}” (known: {known}).").format(
                path=path, channel=channel, known=", ".join(known)) + hint)


def _resolve_language(hint: str | None, guide_language: str | None, text: str) -> str:
    from brandvoice.language import detect_language, normalise_language

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
        raise BrandvoiceError(_("{path}: front matter `{key}` must be a string, got {type}").format(
            path=path, key=key, type=type(value).__name__))
    return value


def _channels_from_front_matter(fm: dict, path: str) -> tuple[str, ...]:
    value = fm.get("channels", fm.get("channel"))
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return tuple(value)
    raise BrandvoiceError(_("{path}: front matter `channels` must be a name or a list of names").format(path=path))


__all__ = ["Checker", "GuideCache", "RunOptions", "collect_sources", "file_stamp"]
