"""Running git: one helper for `--diff-base`/`--changed` and for the report's authors and dates."""

from __future__ import annotations

import subprocess
from pathlib import Path


class GitMissing(Exception):
    """git is not installed."""


class GitFailed(Exception):
    """A git command failed (not a repository, unknown ref...), or took too long."""


def run_git(args: list[str], cwd: Path, timeout: float | None = None) -> str:
    """The output of `git ARGS` in `cwd`, file names unquoted (UTF-8)."""
    try:
        proc = subprocess.run(
            ["git", "-c", "core.quotePath=false", *args],
            cwd=cwd,
            capture_output=True,
            text=True,
            encoding="utf-8",
            errors="replace",
            timeout=timeout,
        )
    except FileNotFoundError:
        raise GitMissing() from None
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise GitFailed(str(exc)) from None
    if proc.returncode != 0:
        raise GitFailed(proc.stderr.strip())
    return proc.stdout
