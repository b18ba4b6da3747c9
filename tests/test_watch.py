"""`brandvoice watch` re-checks a draft when it is saved."""

import os
import subprocess
import sys
import time

from helpers import ROOT


def read_until(proc, needle: str, timeout: float = 60) -> str:
    seen = ""
    deadline = time.time() + timeout
    while time.time() < deadline:
        line = proc.stdout.readline()
        seen += line
        if needle in seen:
            return seen
    raise AssertionError(f"{needle!r} not seen in {seen!r}")


def test_watch_redraws_after_a_save(tmp_path):
    draft = tmp_path / "d.md"
    draft.write_text("Un séjour au calme.\n", encoding="utf-8")
    env = {**os.environ, "NO_COLOR": "1", "PYTHONUNBUFFERED": "1"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "brandvoice", "watch", str(draft), "-b", "hotelia", "--no-grammar"],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env, cwd=ROOT,
    )
    try:
        first = read_until(proc, "watching for changes")
        assert "0 errors" in first
        time.sleep(0.5)
        draft.write_text("Un séjour chez hotelia.\n", encoding="utf-8")
        second = read_until(proc, "watching for changes")
        assert "hotelia.names.hotelia" in second and "1 error" in second
    finally:
        proc.terminate()
        proc.wait(timeout=10)
