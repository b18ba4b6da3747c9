"""Where a project's configuration may be: the files `config.find_project` reads, nearest first.
Standard library only, so a command can tell whether there is a project without loading it (the
resident server's thin client reads `server:`, the CLI `ui_lang`); the model is in `config`."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

CONFIG_FILES = (".brandvoice.yaml", ".brandvoice.yml")
PYPROJECT = "pyproject.toml"


def config_candidates(path: Path) -> Iterator[tuple[Path, os.stat_result]]:
    """Each existing configuration file above `path` (a file or a folder), nearest first, with
    its `stat` (a `pyproject.toml` counts only if it has a `[tool.brandvoice]` table, which
    `config` checks)."""
    directory = Path(os.path.abspath(path if path.is_dir() else path.parent))
    for folder in (directory, *directory.parents):
        yield from in_folder(folder)


def in_folder(folder: Path) -> Iterator[tuple[Path, os.stat_result]]:
    """The configuration files that exist in `folder`, in the order they are read, with their `stat`."""
    for name in (*CONFIG_FILES, PYPROJECT):
        candidate = folder / name
        try:
            info = candidate.stat()
        except OSError:
            continue
        yield candidate, info
SERVER_MODES = ("auto", "manual", "off")


def server_mode_of(value: object) -> object:
    """`server: auto|manual|off`; YAML reads a bare `off` as false and `on` as true. Anything
    else is returned as it is (the configuration's validation names it)."""
    if isinstance(value, bool):
        return "auto" if value else "off"
    return value
