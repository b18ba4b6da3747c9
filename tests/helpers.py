"""Small helpers shared by the tests: run one kind on a text, run the real CLI."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from brandvoice.parsing.prose import ProseText
from brandvoice.registry import kind as get_kind
from brandvoice.rules.base import CheckContext

ROOT = Path(__file__).resolve().parent.parent


def matches(kind_name: str, text: str, language: str = "en-US", **options) -> list[str]:
    kind = get_kind(kind_name)
    ctx = CheckContext(prose=ProseText.plain(text), language=language)
    return [text[m.start : m.end] for m in kind.check(ctx, kind.options.model_validate(options))]


def run_cli(*args: str, stdin: str | None = None, cwd: Path | None = None, env: dict | None = None, timeout: float = 600):
    full_env = {**os.environ, "NO_COLOR": "1", "BRANDVOICE_NO_SERVER": "1", **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "brandvoice", *args],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=cwd or ROOT,
        env=full_env,
        timeout=timeout,
    )


def run_json(*args: str, **kwargs) -> tuple[int, dict]:
    proc = run_cli(*args, "--format", "json", **kwargs)
    assert proc.returncode in (0, 1), proc.stderr
    return proc.returncode, json.loads(proc.stdout)
