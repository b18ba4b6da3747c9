"""Output formats: one small module per format, each with `render(run, ctx) -> str`.

Add a format by adding its module name to `FORMATS`. Reporters (and the CLI) are the only code
that prints; `render` returns text so the CLI can also write it to `--output FILE`.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass, field
from types import ModuleType

from brandvoice.findings import Level

FORMATS = ("text", "json", "sarif", "github", "rdjsonl", "gitlab", "junit", "markdown")


@dataclass(frozen=True)
class ReportContext:
    """What reporters may need besides the findings."""

    sources: dict[str, str] = field(default_factory=dict)  # path -> text, for source excerpts
    color: bool = True
    root: str = "."  # CI formats write paths relative to it
    fail_on: Level = Level.ERROR  # junit: which findings fail a file's test case


def get_reporter(name: str) -> ModuleType:
    if name not in FORMATS:
        raise KeyError(name)
    return importlib.import_module(f"brandvoice.reporters.{name}")
