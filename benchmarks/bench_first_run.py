"""The paths a community manager takes, timed end to end (issue 14): `--help`, the first check after
boot, the pre-commit hook (its environment's installation, the first commit, the next ones with
the servers warm), a `watch` re-check, and the memory of what stays resident.

    .venv/bin/python benchmarks/bench_first_run.py [--only help cold first watch precommit] [--runs 5]

Everything runs in private folders: a LanguageTool home of its own (the installed jars and class
archive, linked), a resident-server folder of its own, a result cache of its own; every server
started here is stopped at the end. Prints the machine, its load before and after, and a table.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_speed import SINGLE_POST, machine  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
BRANDVOICE = [sys.executable, "-m", "brandvoice"]
HELP_COMMANDS = [[], ["check"], ["score"], ["watch"], ["server", "start"], ["languagetool", "install"], ["learn"]]
FRENCH_DRAFT = f"---\nbrand: hotelia\nchannel: x\n---\n{SINGLE_POST[:280]}\n"
TARGETS = {"help": 0.2, "first": 6.0, "second-commit": 0.5, "watch": 0.3, "memory": 1536}


def load() -> str:
    return "load average " + ", ".join(f"{x:.2f}" for x in os.getloadavg())


def timed(args: list[str], env: dict, cwd: Path = ROOT, stdin: str | None = None) -> tuple[float, subprocess.CompletedProcess]:
    start = time.perf_counter()
    proc = subprocess.run(args, env=env, cwd=cwd, capture_output=True, text=True, input=stdin, timeout=900)
    return time.perf_counter() - start, proc


def row(label: str, seconds: float, target: float | None = None, extra: str = "") -> None:
    verdict = "" if target is None else ("ok" if seconds <= target else "over")
    goal = f"≤ {target:g}" if target is not None else ""
    print(f"  {label:<58} {seconds:9.3f} s  {goal:>7} {verdict:>4}  {extra}", flush=True)


def wait_ready(env: dict, python: str | None = None, timeout: float = 600) -> dict:
    """The server's status once warm. Asked from the runtime folder: `python -m brandvoice` in this
    checkout would import this checkout's code, not the install of `python` (pre-commit's)."""
    command = [python or sys.executable, "-m", "brandvoice", "server", "status", "--json"]
    neutral = env["BRANDVOICE_RUNTIME_DIR"]
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        info = json.loads(subprocess.run(command, env=env, capture_output=True, text=True, cwd=neutral).stdout or "{}")
        if info.get("ready"):
            return info
        time.sleep(0.5)
    raise RuntimeError("the resident server did not warm up")


def private_languagetool(tmp: Path) -> Path:
    """A LanguageTool home of its own with the installed jars (and class archive): nothing runs."""
    from brandvoice.languagetool.install import install_dir

    home = tmp / "lt-home"
    home.mkdir()
    (home / install_dir().name).symlink_to(install_dir())
    return home


def bench_help(env: dict, runs: int) -> None:
    for command in HELP_COMMANDS:
        times = [timed([*BRANDVOICE, *command, "--help"], env)[0] for _ in range(runs)]
        row(f"brandvoice {' '.join(command + ['--help'])} (median of {runs})", statistics.median(times), TARGETS["help"],
            f"min {min(times):.3f} s")


def bench_first_check(env: dict, tmp: Path) -> None:
    """One French post with grammar, nothing running: LanguageTool starts (class archive), spaCy
    loads, side by side; the resident server starts in the background for the next runs."""
    from brandvoice.languagetool.server import ServerManager

    post = tmp / "first" / "post.md"
    post.parent.mkdir()
    post.write_text(FRENCH_DRAFT, encoding="utf-8")
    seconds, proc = timed([*BRANDVOICE, "check", str(post), "--no-cache"], env)
    assert proc.returncode in (0, 1), proc.stderr
    state = ServerManager(Path(env["BRANDVOICE_LANGUAGETOOL_HOME"]) / "server").read_state()
    archive = "with" if state and state.extra.get("class_archive") else "without"
    row("first check after boot: 1 French post, grammar (in-process)", seconds, TARGETS["first"],
        f"LanguageTool ready in {state.start_seconds if state else '?'} s, {archive} class archive")
    info = wait_ready(env)
    row("  the resident server's warm-up, in the background, after it", info["warm_up_s"])
    served = [timed([*BRANDVOICE, "check", str(post), "--no-cache"], env)[0] for _ in range(5)]
    row("the same check again, through the resident server (median of 5)", statistics.median(served))
    jvm = psutil.Process(state.pid).memory_info().rss / 2**20 if state else 0
    server = psutil.Process(info["pid"]).memory_info().rss / 2**20
    print(f"  memory: LanguageTool JVM {jvm:.0f} MB + resident server {server:.0f} MB = {jvm + server:.0f} MB "
          f"(target ≤ {TARGETS['memory']} MB: {'ok' if jvm + server <= TARGETS['memory'] else 'over'})", flush=True)


TIMELINE = """
import json, sys, time
started = time.perf_counter()
from brandvoice import activity
steps = {}
def seen(now_running):
    now = time.perf_counter() - started
    for label in now_running:
        steps.setdefault(label, [now, None])
    for label, span in steps.items():
        if label not in now_running and span[1] is None:
            span[1] = now
with activity.listening(seen):
    from brandvoice.cli.entry import run
    code = run(sys.argv[1:])
print(json.dumps({"code": code, "total": time.perf_counter() - started, "steps": steps}), file=sys.stderr)
"""


def cold_timeline(env: dict, tmp: Path, class_archive: bool) -> None:
    """Where a cold French check spends its time: a fresh process, one post, grammar on, nothing
    running (a LanguageTool home of its own, with or without the class archive)."""
    from brandvoice.languagetool.install import find_installation, install_dir
    from brandvoice.languagetool.server import ServerManager

    home = tmp / f"lt-timeline-{class_archive}"
    if class_archive:
        home.mkdir()
        (home / install_dir().name).symlink_to(install_dir())
    else:  # the same jars, no cds/ folder
        (home / install_dir().name).mkdir(parents=True)
        shutil.copy(install_dir() / "installed.json", home / install_dir().name / "installed.json")
    assert find_installation(("fr",)) is not None
    post = tmp / f"timeline-{class_archive}.md"
    post.write_text(FRENCH_DRAFT, encoding="utf-8")
    run_env = {**env, "BRANDVOICE_LANGUAGETOOL_HOME": str(home), "BRANDVOICE_SERVER": "off"}
    started = time.perf_counter()
    proc = subprocess.run([sys.executable, "-c", TIMELINE, "check", str(post), "--no-cache"], env=run_env,
                          cwd=ROOT, capture_output=True, text=True, timeout=900)
    wall = time.perf_counter() - started
    report = json.loads(proc.stderr.strip().splitlines()[-1])
    state = ServerManager(home / "server").read_state()
    label = "with" if class_archive else "without"
    row(f"cold French check, {label} class archive (process wall)", wall)
    for step, (begin, end) in report["steps"].items():
        print(f"      {begin:6.2f} → {end or 0:6.2f} s  {step}", flush=True)
    if state:
        print(f"      LanguageTool: JVM answering after {state.start_seconds:.2f} s, French rules warm after "
              f"{state.extra.get('warm_seconds', 0):.2f} s (from its start)", flush=True)
    ServerManager(home / "server").stop()


def bench_watch(env: dict, tmp: Path) -> None:
    """`watch` on a French draft: the time its redraw reports after each save (grammar on)."""
    post = tmp / "watch" / "post.md"
    post.parent.mkdir()
    post.write_text(FRENCH_DRAFT, encoding="utf-8")
    process = subprocess.Popen([*BRANDVOICE, "watch", str(post)], env={**env, "COLUMNS": "200"}, cwd=ROOT,
                               stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        checks: list[float] = []
        for line in process.stdout:
            if "checked in" in line:
                checks.append(float(line.split("checked in", 1)[1].split()[0]))
                if len(checks) > 5:
                    break
                time.sleep(0.5)
                post.write_text(FRENCH_DRAFT.replace("11 h", f"{10 + len(checks)} h"), encoding="utf-8")
    finally:
        process.terminate()
        process.wait()
    row("watch: first check (loads everything)", checks[0])
    row("watch: re-check after a save (median of 5)", statistics.median(checks[1:]), TARGETS["watch"],
        f"min {min(checks[1:]):.3f} s, max {max(checks[1:]):.3f} s")


def folder_size(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file() and not f.is_symlink())


def bench_precommit(env: dict, tmp: Path, kept_home: Path | None) -> None:
    """The real pre-commit with this checkout as the hook repository (its committed HEAD)."""
    rev = subprocess.run(["git", "rev-parse", "HEAD"], cwd=ROOT, capture_output=True, text=True).stdout.strip()
    repo, home = tmp / "content", kept_home or tmp / "pre-commit-home"
    repo.mkdir()
    git_env = {**env, "PRE_COMMIT_HOME": str(home), "GIT_AUTHOR_NAME": "CM", "GIT_AUTHOR_EMAIL": "cm@example.com",
               "GIT_COMMITTER_NAME": "CM", "GIT_COMMITTER_EMAIL": "cm@example.com"}  # fmt: skip

    def git(*args: str) -> tuple[float, subprocess.CompletedProcess]:
        return timed(["git", *args], git_env, cwd=repo)

    git("init", "-q", "-b", "main")
    (repo / ".brandvoice.yaml").write_text("brand: hotelia\nchannels: [x]\n", encoding="utf-8")
    (repo / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {ROOT}\n    rev: {rev}\n    hooks:\n      - id: brandvoice\n", encoding="utf-8"
    )
    git("add", ".")
    git("commit", "-q", "--no-verify", "-m", "setup")
    environments = len(list(home.glob("repo*")))
    seconds, proc = timed([sys.executable, "-m", "pre_commit", "install", "--install-hooks"], git_env, cwd=repo)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    what = "first install (pip, models)" if len(list(home.glob("repo*"))) > environments else "already installed"
    row(f"pre-commit: the hook's environment, {what}", seconds, extra=f"{folder_size(home) / 2**20:.0f} MB in PRE_COMMIT_HOME")
    hook_python = max(home.glob("repo*/py_env-*/bin/python"), key=lambda p: p.stat().st_mtime)
    for n in range(1, 5):
        (repo / "post.md").write_text(FRENCH_DRAFT.replace("11 h", f"{10 + n} h"), encoding="utf-8")
        git("add", "post.md")
        seconds, proc = git("commit", "-q", "-m", f"post {n}")
        assert proc.returncode == 0, proc.stdout + proc.stderr
        if n == 1:
            row("pre-commit: first commit of a French draft (cold: starts the servers)", seconds)
            wait_ready(git_env, str(hook_python))
        else:
            row(f"pre-commit: commit {n}, one changed French draft, servers warm", seconds, TARGETS["second-commit"])
    subprocess.run([str(hook_python), "-m", "brandvoice", "server", "stop"], env=git_env, capture_output=True, cwd=repo)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="repetitions of each --help")
    parser.add_argument("--only", nargs="+", choices=["help", "cold", "first", "watch", "precommit"],
                        default=["help", "cold", "first", "watch", "precommit"], help="the parts to run")
    parser.add_argument("--precommit-home", type=Path, help="a PRE_COMMIT_HOME to keep (its install is then reused)")
    args = parser.parse_args()

    from brandvoice.languagetool import HOME_ENV, URL_ENV
    from brandvoice.languagetool.class_archive import build_class_archive
    from brandvoice.languagetool.install import install
    from brandvoice.languagetool.server import ServerManager

    build_class_archive(install(["en", "fr"])[0])
    print(f"machine: {machine()}")
    print(f"before: {load()}")
    with tempfile.TemporaryDirectory(prefix="bench-first-run-") as tmp:
        tmp = Path(tmp)
        run_dir = tmp / "run"
        run_dir.mkdir(mode=0o700)
        env = {**os.environ, "NO_COLOR": "1", "BRANDVOICE_CACHE_DIR": str(tmp / "cache"),
               "BRANDVOICE_RUNTIME_DIR": str(run_dir), HOME_ENV: str(private_languagetool(tmp))}  # fmt: skip
        for key in ("BRANDVOICE_NO_SERVER", "BRANDVOICE_SERVER", "CI", URL_ENV):
            env.pop(key, None)
        try:
            if "help" in args.only:
                bench_help(env, args.runs)
            if "cold" in args.only:
                cold_timeline(env, tmp, class_archive=False)
                cold_timeline(env, tmp, class_archive=True)
            if "first" in args.only:
                bench_first_check(env, tmp)
            if "watch" in args.only:
                bench_watch(env, tmp)
            if "precommit" in args.only and shutil.which("git"):
                bench_precommit(env, tmp, args.precommit_home)
        finally:
            subprocess.run([*BRANDVOICE, "server", "stop", "--all"], env=env, capture_output=True, cwd=run_dir)
            ServerManager(Path(env[HOME_ENV]) / "server").stop()
    print(f"after: {load()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
