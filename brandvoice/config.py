"""Project configuration: `.brandvoice.yaml` (or `[tool.brandvoice]` in `pyproject.toml`), found
by walking up from each checked file; the nearest one wins, and paths in it are relative to it.

```yaml
guides: [styleguides]             # extra guide folders, searched before the shipped guides
brand: hotelia                    # default brand (else the base guide of the file's language)
language: fr                      # default language: fr, en, auto or a locale
channels: [instagram]             # default channels
fail_on: warning                  # exit 1 at or above this level (when --fail-on is not given)
ui_lang: fr                       # brandvoice's own words in French (default: the user's locale)
ignore: ["drafts/archive/", "*.draft.md"]  # gitignore syntax; applies to named files too
paths:                            # gitignore-style globs; every match applies, later ones win
  "posts/hotelia/**": {brand: hotelia}
  "**/*.x.md": {channel: x}
server: auto                      # the resident server: auto (default; manual in CI), manual, off
languagetool:
  enabled: true                   # false: no grammar checks for this project
  url: http://lt.internal:8081    # a LanguageTool server (BRANDVOICE_LANGUAGETOOL_URL wins)
calendar:                         # editorial calendars: see brandvoice/calendars/settings.py
  text: Wording                   # the text column's header, when brandvoice cannot tell
  channels: {Insta Story: instagram}
```

Precedence for a file's brand, language and channels: command line > front matter > the
project's `paths` globs > the project's defaults > the guide's defaults.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from brandvoice import project_files
from brandvoice.errors import BrandvoiceError
from brandvoice.findings import FileResult, Level
from brandvoice.i18n import _
from brandvoice.project_files import PYPROJECT

if TYPE_CHECKING:
    import pathspec

    from brandvoice.project_config import PathSettings, ProjectConfig

# The keys' model (pydantic) is brandvoice/project_config.py, imported when a configuration is read.


@dataclass(frozen=True)
class FileSettings:
    """What the project says about one file (None: the project does not say)."""

    brand: str | None = None
    language: str | None = None
    channels: tuple[str, ...] | None = None


@dataclass
class Project:
    root: Path  # the folder holding the configuration
    file: Path
    config: ProjectConfig
    _ignore: pathspec.PathSpec = field(init=False, repr=False)
    _paths: list[tuple[pathspec.PathSpec, PathSettings]] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        import pathspec

        self._ignore = pathspec.GitIgnoreSpec.from_lines(self.config.ignore)
        self._paths = [(pathspec.GitIgnoreSpec.from_lines([glob]), s) for glob, s in self.config.paths.items()]

    @property
    def guides_dirs(self) -> list[Path]:
        return [self.root / d for d in self.config.guides]

    @property
    def grammar(self) -> bool:
        return self.config.languagetool.enabled

    @property
    def fail_on(self) -> Level | None:
        return Level.parse(self.config.fail_on) if self.config.fail_on else None

    def _relative(self, path: Path) -> str | None:
        try:
            return path.resolve().relative_to(self.root).as_posix()
        except ValueError:
            return None

    def ignores(self, path: Path) -> bool:
        rel = self._relative(path)
        return rel is not None and self._ignore.match_file(rel)

    def settings_for(self, path: Path) -> FileSettings:
        config = self.config
        brand, language = config.brand, config.language
        channels = tuple(config.channels) if config.channels is not None else None
        rel = self._relative(path)
        for spec, settings in self._paths if rel is not None else ():
            if spec.match_file(rel):
                brand = settings.brand or brand
                language = settings.language or language
                channels = tuple(settings.channels) if settings.channels is not None else channels
        return FileSettings(self._guide_ref(brand), language, channels)

    def _guide_ref(self, brand: str | None) -> str | None:
        """A brand given as a path to a guide file is relative to the configuration."""
        if brand and brand.endswith((".yaml", ".yml")) and not Path(brand).is_absolute():
            return str(self.root / brand)
        return brand

    @property
    def languagetool_url(self) -> str | None:
        """The project's LanguageTool server, for its own files only."""
        return self.config.languagetool.url


_folders: ContextVar[dict | None] = ContextVar("brandvoice_project_folders", default=None)


@contextmanager
def one_lookup_per_folder() -> Iterator[None]:
    """Within this block (a run), each folder's configuration is looked up once: a run over 1,000
    files of one folder stats the folders above it once, not once per file. A later run sees
    configurations added or edited since."""
    token = _folders.set({} if _folders.get() is None else _folders.get())
    try:
        yield
    finally:
        _folders.reset(token)


def find_project(path: Path | str) -> Project | None:
    """The nearest configuration above `path` (a file or a folder)."""
    text = str(path)
    folders = _folders.get()
    if folders is None:
        return _nearest(_folder_of(text), None)
    key = ("path", text)
    if key not in folders:
        folders[key] = _nearest(_folder_of(text), folders)
    return folders[key]


def project_of(path: str) -> Project | None:
    """The project configuration of a file (of the current folder for standard input, `<stdin>`)."""
    return find_project(os.getcwd() if path.startswith("<") else path)


def _folder_of(path: str) -> Path:
    """The absolute folder a path is (a folder) or is in (a file)."""
    return Path(os.path.abspath(path if os.path.isdir(path) else os.path.dirname(path) or os.curdir))


def _nearest(directory: Path, folders: dict | None) -> Project | None:
    if folders is not None and directory in folders:
        return folders[directory]
    project = _in_folder(directory)
    if project is None and directory.parent != directory:
        project = _nearest(directory.parent, folders)
    if folders is not None:
        folders[directory] = project
    return project


def _in_folder(folder: Path) -> Project | None:
    for candidate, info in project_files.in_folder(folder):
        project = _load_cached(candidate, info.st_mtime_ns, info.st_size)
        if project is not None:
            return project
    return None


@lru_cache(maxsize=256)
def _load_cached(file: Path, mtime_ns: int, size: int) -> Project | None:
    """Each configuration is read once per version of the file (long-running servers see edits)."""
    return _load_pyproject(file) if file.name == PYPROJECT else load_project(file)


def load_project(file: Path) -> Project:
    import yaml

    from brandvoice import safe_yaml
    from brandvoice.reading import SETTINGS_MAX_BYTES, Unreadable, read_regular_file

    try:
        raw = read_regular_file(file, SETTINGS_MAX_BYTES)
        text = raw.decode("utf-8")
    except Unreadable as exc:
        raise BrandvoiceError(_("{path}: {reason}").format(path=file, reason=exc)) from None
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise BrandvoiceError(_("{path}: not UTF-8 text").format(path=f"{file}:{line}")) from None
    try:
        data = safe_yaml.load(text)
    except yaml.YAMLError as exc:
        line = safe_yaml.error_line(exc, text)
        where = f"{file}:{line}" if line else str(file)
        raise BrandvoiceError(_("{file}: not valid YAML: {problem}").format(
            file=where, problem=safe_yaml.error_text(exc))) from None
    return _project(file, data or {})


def _load_pyproject(file: Path) -> Project | None:
    import tomllib

    from brandvoice.reading import SETTINGS_MAX_BYTES, Unreadable, read_regular_file

    try:
        data = tomllib.loads(read_regular_file(file, SETTINGS_MAX_BYTES).decode("utf-8"))
    except Unreadable as exc:
        raise BrandvoiceError(_("{path}: {reason}").format(path=file, reason=exc)) from None
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise BrandvoiceError(_("{file}: cannot read: {problem}").format(file=file, problem=exc)) from None
    section = data.get("tool", {}).get("brandvoice")
    return None if section is None else _project(file, section)


def _project(file: Path, data: object) -> Project:
    if not isinstance(data, dict):
        raise BrandvoiceError(_("{file}: the brandvoice configuration must be a mapping of keys to values").format(file=file))
    from pydantic import ValidationError

    from brandvoice.i18n.validation import validation_message
    from brandvoice.project_config import ProjectConfig

    try:
        config = ProjectConfig.model_validate(data)
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in error['loc']) or _('(top level)')}: {validation_message(error)}"
            for error in exc.errors()
        )
        raise BrandvoiceError(f"{file}: {problems}") from None
    return Project(file.parent.resolve(), file, config)


def fail_level(path: str, given: Level | None) -> Level:
    """`--fail-on` if given, else the file's project `fail_on`, else error."""
    if given is not None:
        return given
    project = project_of(path)
    return (project.fail_on if project else None) or Level.ERROR


def failing(results: Iterable[FileResult], given: Level | None) -> bool:
    """Whether any file has a finding at or above its fail level."""
    with one_lookup_per_folder():
        return any(r.findings and max(f.level for f in r.findings) >= fail_level(r.path, given) for r in results)


def run_fail_level(given: Level | None) -> Level:
    """One level for reports that need one (JUnit): `--fail-on`, else the current folder's project."""
    return fail_level("<cwd>", given)
