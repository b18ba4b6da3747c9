"""Results cached by what determines them, so an unchanged file is not checked twice.

The key hashes the file's text and name, the resolved guide (its merged content: a changed guide
re-checks exactly the files it governs), the language and channels, the rule selection, the
brandvoice version, and the fingerprints of the engines the rules use (spaCy model versions,
LanguageTool version). Entries are JSON files written atomically (temp file + rename), so
concurrent runs never see half an entry; the folder is pruned, oldest first, past its size bound.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import tempfile
from pathlib import Path
from typing import Any

from brandvoice import __version__
from brandvoice.findings import FileResult, Finding, Level

DEFAULT_MAX_BYTES = 200 * 1024 * 1024
_FORMAT = 1


def default_cache_dir() -> Path:
    override = os.environ.get("BRANDVOICE_CACHE_DIR")
    if override:
        return Path(override)
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("brandvoice")) / "results"


class ResultCache:
    def __init__(self, directory: Path | None = None, max_bytes: int = DEFAULT_MAX_BYTES) -> None:
        self.directory = directory or default_cache_dir()
        self.max_bytes = max_bytes
        self.hits = self.misses = 0
        self._written = 0

    @staticmethod
    def key(parts: dict[str, Any]) -> str:
        payload = json.dumps(
            {"format": _FORMAT, "version": __version__, "code": code_fingerprint(), **parts},
            sort_keys=True, ensure_ascii=False, default=str,
        )
        return hashlib.sha256(payload.encode("utf-8")).hexdigest()

    def _path(self, key: str) -> Path:
        return self.directory / key[:2] / f"{key}.json"

    def get(self, key: str) -> dict[str, Any] | None:
        try:
            data = json.loads(self._path(key).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            self.misses += 1
            return None
        self.hits += 1
        return data

    def put(self, key: str, result: FileResult) -> None:
        path = self._path(key)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            payload = json.dumps(result_to_cache(result), ensure_ascii=False)
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".json")
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                handle.write(payload)
            os.replace(tmp, path)
            self._written += len(payload)
        except OSError:
            return  # a cache that cannot be written only costs speed

    def prune(self) -> None:
        """Keep the folder under its bound, dropping the least recently written entries."""
        if not self._written or not self.directory.is_dir():
            return
        entries = []
        total = 0
        for path in self.directory.glob("*/*.json"):
            try:
                stat = path.stat()
            except OSError:
                continue
            entries.append((stat.st_mtime, stat.st_size, path))
            total += stat.st_size
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


@functools.cache
def code_fingerprint() -> str:
    """brandvoice's own code and data files (name, size, mtime): an edited checkout or an upgrade
    never serves results computed by other code."""
    package = Path(__file__).resolve().parent
    digest = hashlib.sha256()
    for path in sorted(package.rglob("*")):
        if path.suffix in (".py", ".yaml", ".json", ".txt", ".po") and "__pycache__" not in path.parts:
            stat = path.stat()
            digest.update(f"{path.relative_to(package)}:{stat.st_size}:{stat.st_mtime_ns}".encode())
    return digest.hexdigest()


def result_to_cache(result: FileResult) -> dict[str, Any]:
    return {
        "findings": [
            {**f.to_dict(), "fix_safe": f.fix_safe, "whole_document": f.whole_document} for f in result.findings
        ],
        "metrics": result.metrics,
    }


def findings_from_cache(data: dict[str, Any]) -> list[Finding]:
    findings = []
    for f in data["findings"]:
        findings.append(
            Finding(
                rule=f["rule"],
                source=f["source"],
                category=f["category"],
                level=Level.parse(f["level"]),
                message=f["message"],
                line=f["line"],
                column=f["column"],
                end_line=f["end_line"],
                end_column=f["end_column"],
                offset=f["offset"],
                length=f["length"],
                match=f["match"],
                replacements=tuple(f["replacements"]),
                fix_safe=f["fix_safe"],
                whole_document=f["whole_document"],
                message_lang=f["message_lang"],
            )
        )
    return findings
