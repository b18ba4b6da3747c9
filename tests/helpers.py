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


def run_cli(
    *args: str, stdin: str | None = None, cwd: Path | None = None, env: dict | None = None, stdin_bytes: bytes | None = None
):
    """The CLI in a subprocess; `stdin_bytes` sends bytes as they are (a CSV in Windows-1252)."""
    full_env = {**os.environ, "NO_COLOR": "1", "BRANDVOICE_NO_SERVER": "1", **(env or {})}
    proc = subprocess.run(
        [sys.executable, "-m", "brandvoice", *args],
        input=stdin if stdin_bytes is None else stdin_bytes,
        capture_output=True,
        text=stdin_bytes is None,
        cwd=cwd or ROOT,
        env=full_env,
        timeout=600,
    )
    if stdin_bytes is not None:
        return subprocess.CompletedProcess(proc.args, proc.returncode, proc.stdout.decode(), proc.stderr.decode())
    return proc


def run_json(*args: str, **kwargs) -> tuple[int, dict]:
    proc = run_cli(*args, "--format", "json", **kwargs)
    assert proc.returncode in (0, 1), proc.stderr
    return proc.returncode, json.loads(proc.stdout)
