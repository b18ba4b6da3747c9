"""Results cached by what determines them, so an unchanged file is not checked twice.

The key hashes the file's text and name, the resolved guide (its merged content: a changed guide
re-checks exactly the files it governs), the language and channels, the rule selection, the
brandvoice version, and the fingerprints of the engines the rules use (spaCy model versions,
LanguageTool version). Entries are JSON files written atomically (temp file + rename), so
concurrent runs never see half an entry; the folder is pruned, oldest first, past its size bound.

A file is answered without being parsed, from one entry: its `FileFacts` (the guide, language and
channels its front matter and project chose, the words of its prose) and its scored results,
cached under a key computed from what the runner knows before parsing (the file's text and type,
the run's options, its project's settings for it). The runner trusts them only if the guide they
name has the same fingerprint now (known from the guide's summary, guides/summary.py, without
loading it) and the results have the key that guide, the rule selection and the engines'
fingerprints give now (kept per Python environment: `runner.environment_stamp`).

An entry is trusted only after it is checked against the text it is used for: its schema, the key
and the hash of the text it was computed for, and each finding's offsets, matched text and line
and column in that text; and it must be a regular file of the user running the check that no one
else may write (an entry planted or rewritten by another user is never read). Anything else (a
truncated, tampered, swapped or foreign entry) is a miss: the file is checked again and the entry
rewritten. What the user's own account writes there is trusted as that account's own code is
(`--no-cache` for a folder restored from somewhere else, such as another branch's CI cache).
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import json
import operator
import os
import re
import stat
import tempfile
import time
from pathlib import Path
from typing import Any

import orjson

from brandvoice import __version__
from brandvoice.findings import FileResult, Finding, Level
from brandvoice.guides.summary import GuideSummary

DEFAULT_MAX_BYTES = 200 * 1024 * 1024
KEYED_UNUSED_DAYS = 30  # a keyed file no run has read for this long goes when a sibling is written
_DAY = 24 * 3600
_KEY_JSON = json.JSONEncoder(sort_keys=True, ensure_ascii=False, default=str)  # json.dumps's, made once
_FORMAT = 3
# an entry's suffix: results (by their key), a file's facts and results (by its pre-parse key), a
# guide's summary (guides/summary.py), the services' fingerprints in an environment
_RESULTS, _FACTS, _GUIDE, _ENGINES = ".json", ".facts", ".guide", ".engines"


def default_cache_dir() -> Path:
    override = os.environ.get("BRANDVOICE_CACHE_DIR")
    if override:
        return Path(override)
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("brandvoice")) / "results"


def write_atomically(path: Path, content: str | bytes) -> bool:
    """Write a cache file whole or not at all (concurrent runs read the old file or the new one; a
    full disk leaves no partial file). False when it cannot be written: a cache only costs speed."""
    tmp = None
    try:
        data = content.encode("utf-8") if isinstance(content, str) else content
    except UnicodeEncodeError:  # a lone surrogate: nothing to keep
        return False
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=path.suffix)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, path)
        return True
    except OSError:
        if tmp is not None:
            Path(tmp).unlink(missing_ok=True)
        return False


def cache_folder(name: str) -> Path:
    """A folder of the user cache beside the results (inside `BRANDVOICE_CACHE_DIR` when set)."""
    results = default_cache_dir()
    return results / name if os.environ.get("BRANDVOICE_CACHE_DIR") else results.parent / name


def installed_version(distribution: str) -> str:
    """The installed version of a package ("?" when it has no metadata): what a cached thing made
    from it (its word lists, a model's compiled patterns, results) is keyed on."""
    from importlib import metadata

    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return "?"


def keyed_file(folder: str, stem: str, key: list, suffix: str) -> Path:
    """A file of the user cache named after what it was made from (`key`, JSON values: the Python,
    the packages' versions...): made from anything else, it has another name."""
    digest = hashlib.sha256(json.dumps(key).encode("utf-8")).hexdigest()[:16]
    return cache_folder(folder) / f"{stem}-{digest}{suffix}"


def read_keyed_text(path: Path) -> str:
    """The text of a keyed file this user wrote (see `read_keyed_bytes`); else OSError."""
    return read_keyed_bytes(path).decode("utf-8")


def read_keyed_bytes(path: Path) -> bytes:
    """The bytes of a keyed file this user wrote (see `_read_own_entry`); else OSError. A file
    read is in use: its modification time says so (refreshed at most once a day)."""
    data = _read_own_entry(str(path))
    try:
        if time.time() - path.stat().st_mtime > _DAY:
            os.utime(path)
    except OSError:
        pass
    return data


def write_keyed(path: Path, content: str | bytes) -> bool:
    """Write a keyed file (`write_atomically`), and drop its stale siblings: the files of the same
    name made from other keys (an older model, word list, Python or code) that no run has read for
    `KEYED_UNUSED_DAYS`. Siblings in use stay: another install sharing this cache reads them."""
    if not write_atomically(path, content):
        return False
    stem = path.name[: -len(path.suffix)].rpartition("-")[0]
    sibling = re.compile(re.escape(stem) + r"-[0-9a-f]{16}" + re.escape(path.suffix))
    oldest = time.time() - KEYED_UNUSED_DAYS * _DAY
    for other in path.parent.iterdir():
        try:
            if other != path and sibling.fullmatch(other.name) and other.stat().st_mtime < oldest:
                other.unlink()
        except OSError:
            continue
    return True


class ResultCache:
    def __init__(self, directory: Path | None = None, max_bytes: int = DEFAULT_MAX_BYTES) -> None:
        self.directory = directory or default_cache_dir()
        self.max_bytes = max_bytes
        self.hits = self.misses = 0
        self._written = 0

    @staticmethod
    def key(parts: dict[str, Any]) -> str:
        value = {"format": _FORMAT, "version": __version__, "code": code_fingerprint(), **parts}
        try:
            payload = orjson.dumps(value, option=orjson.OPT_SORT_KEYS, default=str)
        except orjson.JSONEncodeError:  # what orjson refuses (an integer over 64 bits...)
            payload = _KEY_JSON.encode(value).encode("utf-8")
        return hashlib.sha256(payload).hexdigest()

    def _path(self, key: str, suffix: str = _RESULTS) -> str:
        return os.path.join(self.directory, key[:2], key + suffix)

    def get(self, key: str, document: Any) -> tuple[list[Finding], dict[str, Any]] | None:
        """The findings and metrics cached for `key`, if the entry is sound for `document` (its
        `source`, and `position()` of an offset)."""
        result = self._lookup(key, document)
        if result is None:
            self.misses += 1
            return None
        self.hits += 1
        return result

    def answer(self, results: Any, key: str, document: Any) -> tuple[list[Finding], dict[str, Any]] | None:
        """As `get`, for the results stored with a file's facts (`facts`), answered before parsing;
        a miss is not counted here: the file is then parsed and looked up again by the engine,
        which counts it."""
        try:
            result = entry_for(results, key, document)
        except (ValueError, TypeError):
            return None
        if result is not None:
            self.hits += 1
        return result

    def _lookup(self, key: str, document: Any) -> tuple[list[Finding], dict[str, Any]] | None:
        try:
            return entry_for(_parsed(_read_own_entry(self._path(key))), key, document)
        except (OSError, ValueError):  # missing, unreadable, not ours, not JSON
            return None

    def put(self, key: str, result: FileResult) -> None:
        self._write(self._path(key), json.dumps(result_to_cache(key, result), ensure_ascii=False))

    def facts(self, key: str) -> tuple[FileFacts, Any] | None:
        """The facts cached under a file's pre-parse key, if the entry is sound and made for it,
        with the results stored beside them (trusted only through `answer`)."""
        try:
            data = _parsed(_read_own_entry(self._path(key, _FACTS)))
        except (OSError, ValueError):
            return None
        if not isinstance(data, dict):
            return None
        results = data.pop("results", None)
        facts = facts_from(data, key)
        return None if facts is None else (facts, results)

    def put_facts(self, key: str, facts: FileFacts, result_key: str, result: FileResult) -> None:
        """A file's facts and, beside them, its results (scored): one entry answers it next time."""
        entry = {"key": key, **dataclasses.asdict(facts), "results": result_to_cache(result_key, result)}
        self._write(self._path(key, _FACTS), json.dumps(entry, ensure_ascii=False))

    def guide_summary(self, key: str) -> GuideSummary | None:
        """A guide's summary stored under `key`, if the entry is sound (`GuideSummary.holds` is the
        caller's to ask)."""
        try:
            data = _parsed(_read_own_entry(self._path(key, _GUIDE)))
        except (OSError, ValueError):
            return None
        if not isinstance(data, dict) or data.get("key") != key:
            return None
        return GuideSummary.from_json(data.get("summary"))

    def put_guide_summary(self, key: str, summary: GuideSummary) -> None:
        self._write(self._path(key, _GUIDE), json.dumps({"key": key, "summary": summary.to_json()}, ensure_ascii=False))

    def engines(self, key: str) -> list[str] | None:
        """The services' fingerprints stored under `key` (the runner's, see `runner.environment_stamp`)."""
        try:
            data = _parsed(_read_own_entry(self._path(key, _ENGINES)))
        except (OSError, ValueError):
            return None
        if not isinstance(data, dict) or data.keys() != {"key", "engines"} or data["key"] != key:
            return None
        engines = data["engines"]
        return engines if isinstance(engines, list) and all(type(e) is str for e in engines) else None

    def put_engines(self, key: str, engines: list[str]) -> None:
        self._write(self._path(key, _ENGINES), json.dumps({"key": key, "engines": engines}, ensure_ascii=False))

    def _write(self, path: str, payload: str) -> None:
        if write_atomically(Path(path), payload):
            self._written += len(payload)

    def prune(self) -> None:
        """Keep the folder under its bound, dropping the least recently written entries."""
        if not self._written or not self.directory.is_dir():
            return
        entries = []
        total = 0
        for path in self.directory.glob("*/*"):
            if path.suffix not in (_RESULTS, _FACTS, _GUIDE, _ENGINES) or path.name.startswith("."):
                continue
            try:
                info = path.stat()
            except OSError:
                continue
            entries.append((info.st_mtime, info.st_size, path))
            total += info.st_size
        if total <= self.max_bytes:
            return
        for _, size, path in sorted(entries):
            try:
                path.unlink()
            except OSError:
                continue
            total -= size
            if total <= self.max_bytes * 0.8:
                break


def result_key(
    source: str, markdown: bool, guide_fingerprint: str, language: str, channels: tuple[str, ...], selection: Any,
    engines: list[str],
) -> str:
    """The key of a text's results: everything its findings depend on (`Engine.result_key`; the
    runner computes it from a guide's summary to trust a cached answer)."""
    return ResultCache.key(
        {
            "source": source,
            "markdown": markdown,
            "guide": guide_fingerprint,
            "language": language,
            "channels": list(channels),
            "select": list(selection.select),
            "ignore": list(selection.ignore),
            "engines": engines,
        }
    )


def _parsed(entry: bytes) -> Any:
    """An entry's JSON, read by orjson; what it refuses (the `NaN` Python writes, an integer over
    64 bits) by the standard library. ValueError when it is not JSON."""
    try:
        return orjson.loads(entry)
    except orjson.JSONDecodeError:
        return json.loads(entry)


def _read_own_entry(path: str) -> bytes:
    """An entry's bytes, if it is a regular file (not a symlink) of this user that neither group
    nor others may write (entries are made 0600); else OSError: a miss."""
    descriptor = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    with os.fdopen(descriptor, "rb", buffering=0) as handle:  # read whole: no buffer needed
        info = os.fstat(descriptor)
        if not stat.S_ISREG(info.st_mode) or info.st_uid != os.getuid() or info.st_mode & 0o022:
            raise PermissionError(f"{path}: not a private entry of this user")
        return handle.read()


@functools.cache
def code_fingerprint() -> str:
    """brandvoice's own code and data files (name, size, mtime): an edited checkout or an upgrade
    never serves results computed by other code."""
    package = os.path.dirname(os.path.realpath(__file__))
    files = []
    for folder, subfolders, names in os.walk(package):
        subfolders[:] = [name for name in subfolders if name != "__pycache__"]
        for name in names:
            if name.endswith((".py", ".yaml", ".json", ".txt", ".po")):
                path = os.path.join(folder, name)
                info = os.stat(path)
                files.append(f"{os.path.relpath(path, package)}:{info.st_size}:{info.st_mtime_ns}")
    return hashlib.sha256("\n".join(sorted(files)).encode()).hexdigest()


def _text_hash(source: str) -> str:
    return hashlib.sha256(source.encode("utf-8", "surrogatepass")).hexdigest()


def result_to_cache(key: str, result: FileResult) -> dict[str, Any]:
    return {
        "key": key,
        "text_sha256": _text_hash(result.source),
        "findings": [
            {**f.to_dict(), "fix_safe": f.fix_safe, "whole_document": f.whole_document} for f in result.findings
        ],
        "metrics": result.metrics,
    }


@dataclasses.dataclass(frozen=True)
class FileFacts:
    """What parsing a Markdown or text file decided, for answering it next time without parsing:
    the guide it is checked with (as named, and its fingerprint then), its language and channels,
    whether a brand named the guide, and the words of its prose (its score's length)."""

    guide: str
    guide_fingerprint: str
    language: str
    channels: tuple[str, ...]
    branded: bool
    words: int


_FACT_TYPES = {"guide": str, "guide_fingerprint": str, "language": str, "channels": list, "branded": bool, "words": int}


def facts_from(data: Any, key: str) -> FileFacts | None:
    """The facts of an entry, or None unless it was made for this key, with every field of its type."""
    if not isinstance(data, dict) or data.keys() != {"key", *_FACT_TYPES} or data["key"] != key:
        return None
    if any(type(data[name]) is not kind for name, kind in _FACT_TYPES.items()):  # `type is`: a bool is no int
        return None
    if not all(type(channel) is str for channel in data["channels"]):
        return None
    return FileFacts(**{name: data[name] for name in _FACT_TYPES} | {"channels": tuple(data["channels"])})


_FINDING_FIELDS = {f.name: f.type for f in dataclasses.fields(Finding)}  # annotations, as strings
_PLAIN_TYPES = {"str": str, "int": int, "bool": bool}
_PLAIN_FIELDS = tuple((name, _PLAIN_TYPES[kind]) for name, kind in _FINDING_FIELDS.items() if kind in _PLAIN_TYPES)
assert {name for name, _ in _PLAIN_FIELDS} | {"level", "replacements"} == _FINDING_FIELDS.keys()
_plain_values = operator.itemgetter(*(name for name, _ in _PLAIN_FIELDS))
_PLAIN_VALUE_TYPES = tuple(kind for _, kind in _PLAIN_FIELDS)
_LEVELS = {str(level): level for level in Level}


def _finding_from(data: Any) -> Finding | None:
    """A cached finding with each field of the right JSON type, or None."""
    if not isinstance(data, dict) or data.keys() != _FINDING_FIELDS.keys():
        return None
    if tuple(map(type, _plain_values(data))) != _PLAIN_VALUE_TYPES:  # `type`: a bool is no int here
        return None
    level, replacements = data["level"], data["replacements"]
    if type(level) is not str or level not in _LEVELS:
        return None
    if type(replacements) is not list or not all(type(r) is str for r in replacements):
        return None
    return Finding(**{**data, "level": _LEVELS[level], "replacements": tuple(replacements)})


def entry_for(data: Any, key: str, document: Any) -> tuple[list[Finding], dict[str, Any]] | None:
    """The findings and metrics of a cache entry, or None unless it was made for this very key
    and text and every finding lies where it says in the document."""
    source = document.source
    if not isinstance(data, dict) or data.keys() != {"key", "text_sha256", "findings", "metrics"}:
        return None
    if data["key"] != key or data["text_sha256"] != _text_hash(source):
        return None
    if not isinstance(data["findings"], list) or not isinstance(data["metrics"], dict):
        return None
    findings = []
    for raw in data["findings"]:
        f = _finding_from(raw)
        if f is None:
            return None
        end = f.offset + f.length
        if not (0 <= f.offset <= end <= len(source)) or source[f.offset : end] != f.match:
            return None
        if document.position(f.offset) != (f.line, f.column) or document.position(end) != (f.end_line, f.end_column):
            return None
        findings.append(f)
    return findings, data["metrics"]
