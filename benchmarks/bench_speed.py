"""End-to-end speed and memory of `brandvoice check`, next to the floors it cannot beat.

    .venv/bin/python benchmarks/bench_speed.py [--sizes 1000 5000] [--single-runs 10] [--corpora DIR]

Real posts from the shared corpora (`--corpora`, else $BRANDVOICE_CORPORA, else `shared/corpora`
beside the checkout or a folder above it: see corpora.py), French and English alternating, are
written as Markdown files (front matter: brand hotelia or trailcraft, channel x), so every check is on: grammar
(LanguageTool), voice (spaCy), channel, terms. A private LanguageTool server with its sentence
cache off serves both brandvoice and the raw floor, so neither is answered from the other's work.

Measured, and printed as a table:
1. single: one 280-character post, process start to exit: cold (no resident server, no
   LanguageTool running: brandvoice starts it), warm in-process (LanguageTool running), and warm
   with `brandvoice server` (the pre-commit and editor case);
2. batch: N posts as files, full checks, fresh result cache: posts/s (the user cache a first run
   on other posts leaves, as a user has it: compiled tokenizer patterns, word lists, name splits);
3. cached: the same batch again, unchanged;
4. peak memory of the brandvoice process, of the resident server, and of the LanguageTool JVM;
   the CPU seconds brandvoice's batch and LanguageTool spent on it (their sum over the cores is
   the least wall time the machine allows them);
5. the floors, measured in the same run on the same texts: raw `/v2/check` calls with the same
   concurrency, raw `nlp.pipe` with the same pipelines (models loaded), and both at once (the
   `nlp.pipe` in a process of its own, started together with the calls): on a machine with
   fewer cores than the two need, the two jobs share them, whatever runs them. brandvoice's time
   over the larger of the first two (the issue's measure), and over both at once.

LanguageTool's JIT compiles for the first thousands of checks (its CPU for 1,000 posts fell 48 →
26 → 17 s over 7,000 posts), and the corpus has no French post beyond the 5,000-post batch: so
LanguageTool first checks the first 1,000 posts twice (its sentence cache is off: nothing is
answered from it), and the floor is measured before and after brandvoice's batch (their mean
is the floor; both are printed).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import psutil

from corpora import corpora_dir, english_files, french_files, lines

ROOT = Path(__file__).resolve().parent.parent
CORPORA: Path  # set by --corpora (see corpora.py)
BRANDVOICE = [sys.executable, "-m", "brandvoice"]
SINGLE_POST = (
    "Enfin l’été chez Hotelia ! Une vue sur la baie, des chambres lumineuses et un petit-déjeuner "
    "servi en terrasse jusqu’à 11 h. Réservez votre séjour sur notre site : les premières nuits de "
    "juillet partent vite. Nous vous attendons au bord de l’eau. #Hotelia #Été2026 @HoteliaSpa"
)


def machine() -> str:
    cpu = next(
        (line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines() if line.startswith("model name")),
        platform.processor(),
    )
    java = subprocess.run(["java", "-version"], capture_output=True, text=True).stderr.splitlines()[0]
    return (
        f"{platform.node()}: {os.cpu_count()} cores ({cpu}), {psutil.virtual_memory().total / 2**30:.0f} GiB, "
        f"{platform.system()} {platform.release()}, Python {platform.python_version()}, {java}"
    )


def corpus_posts(count: int) -> list[tuple[str, str]]:
    """(language, text) pairs alternating French and English; English fills when French runs out."""
    french, english = lines(french_files(CORPORA)), lines(english_files(CORPORA))
    posts, fi, ei = [], 0, 0
    while len(posts) < count:
        if len(posts) % 2 == 0 and fi < len(french):
            posts.append(("fr", french[fi]))
            fi += 1
        else:
            posts.append(("en", english[ei]))
            ei += 1
    return posts


def write_posts(folder: Path, posts: list[tuple[str, str]]) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i, (language, text) in enumerate(posts):
        brand = "hotelia" if language == "fr" else "trailcraft"
        path = folder / f"post-{i:05d}.md"
        path.write_text(f"---\nbrand: {brand}\nchannel: x\n---\n{text}\n", encoding="utf-8")
        paths.append(path)
    return paths


def timed_process(args: list[str], env: dict[str, str]) -> tuple[float, float, int, str]:
    """Wall seconds, peak RSS (MB) and exit code of one process, and its stdout."""
    elapsed, rss, code, out, _ = measured_process(args, env)
    return elapsed, rss, code, out


def measured_process(args: list[str], env: dict[str, str]) -> tuple[float, float, int, str, float]:
    """`timed_process`'s figures and the process's CPU seconds (user + system)."""
    start = time.perf_counter()
    proc = subprocess.Popen(args, env=env, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    out = proc.stdout.read()
    proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    return elapsed, usage.ru_maxrss / 1024, proc.returncode, out.decode("utf-8", "replace"), usage.ru_utime + usage.ru_stime


def cpu_seconds(process: psutil.Process) -> float:
    times = process.cpu_times()
    return times.user + times.system


def prose_texts(paths: list[Path]) -> list[tuple[str, str]]:
    """The exact texts brandvoice checks (front matter and markup removed), per language."""
    from brandvoice.parsing.document import parse_document

    texts = []
    for path in paths:
        doc = parse_document(str(path), path.read_text(encoding="utf-8"))
        texts.append(("fr-FR" if doc.front_matter["brand"] == "hotelia" else "en-US", doc.prose.text))
    return texts


def languagetool_floor(url: str, texts: list[tuple[str, str]], concurrency: int) -> float:
    http = httpx.Client(timeout=120, limits=httpx.Limits(max_connections=2 * concurrency))

    def one(item):
        language, text = item
        http.post(f"{url}/v2/check", data={"language": language, "text": text}).raise_for_status()

    start = time.perf_counter()
    with ThreadPoolExecutor(max_workers=concurrency) as pool:
        list(pool.map(one, texts))
    return time.perf_counter() - start


def spacy_floor(texts: list[tuple[str, str]]) -> float:
    """Raw `nlp.pipe` with the pipelines brandvoice loads for these guides (parser on, NER off)."""
    from brandvoice.nlp.models import PARSE, load_pipeline

    pipelines = {lang: load_pipeline(lang, PARSE) for lang in ("fr", "en")}
    start = time.perf_counter()
    for lang, pipeline in pipelines.items():
        for _ in pipeline.pipe((t for language, t in texts if language.startswith(lang)), batch_size=64):
            pass
    return time.perf_counter() - start


# the spaCy floor in a process of its own: loads, says so, waits for a line, parses, says when done
SPACY_FLOOR_PROCESS = """
import json, sys
sys.path.insert(0, sys.argv[1])
from bench_speed import spacy_floor
texts = json.load(open(sys.argv[2], encoding="utf-8"))
spacy_floor(texts[:2])  # loads the models
print("ready", flush=True)
sys.stdin.readline()
spacy_floor(texts)
print("done", flush=True)
"""


def both_floors(url: str, texts: list[tuple[str, str]], concurrency: int, folder: Path) -> float:
    """Raw `/v2/check` calls and raw `nlp.pipe` (another process, models loaded) started together:
    wall seconds until both are done."""
    (folder / "texts.json").write_text(json.dumps(texts, ensure_ascii=False), encoding="utf-8")
    parser = subprocess.Popen([sys.executable, "-c", SPACY_FLOOR_PROCESS, str(Path(__file__).parent), str(folder / "texts.json")],
                              cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert parser.stdout.readline().strip() == "ready", "the spaCy floor process did not start"
        start = time.perf_counter()
        parser.stdin.write("go\n")
        parser.stdin.flush()
        languagetool_floor(url, texts, concurrency)
        assert parser.stdout.readline().strip() == "done", "the spaCy floor process failed"
        return time.perf_counter() - start  # not the process's exit: freeing its models is no floor
    finally:
        parser.kill()
        parser.wait()


def row(label: str, seconds: float, posts: int | None = None, floor: float | None = None, extra: str = "") -> str:
    rate = f"{posts / seconds:9.1f}" if posts else " " * 9
    ratio = f"{seconds / floor:6.2f}×" if floor else " " * 7
    return f"  {label:<44} {seconds:9.3f} s {rate} {ratio}  {extra}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 5000], help="batch sizes (posts)")
    parser.add_argument("--single-runs", type=int, default=10, help="repetitions of the warm single-post check")
    parser.add_argument("--corpora", type=Path, help="the shared corpora folder (default: see benchmarks/corpora.py)")
    args = parser.parse_args()
    global CORPORA
    CORPORA = corpora_dir(args.corpora)

    from brandvoice.languagetool import HOME_ENV, URL_ENV
    from brandvoice.languagetool.client import CONCURRENCY_ENV, DEFAULT_CONCURRENCY
    from brandvoice.languagetool.install import install, install_dir
    from brandvoice.languagetool.server import ServerManager

    install(["en", "fr"])
    print(f"machine: {machine()}")
    print(f"data: real tweets from {CORPORA}/tweets-fr and tweets-en, alternating, as X posts")
    print(f"{'':2}{'measure':<44} {'time':>11} {'posts/s':>9} {'÷ floor':>7}")
    with tempfile.TemporaryDirectory(prefix="bench-speed-") as tmp:
        tmp = Path(tmp)
        base_env = {**os.environ, "NO_COLOR": "1", "BRANDVOICE_CACHE_DIR": str(tmp / "cache")}
        base_env.pop("BRANDVOICE_NO_SERVER", None)

        # 1. single, cold: a LanguageTool home of its own (same jars), nothing running
        cold_home = tmp / "lt-home"
        cold_home.mkdir()
        (cold_home / install_dir().name).symlink_to(install_dir())
        single = tmp / "single" / "post.md"
        single.parent.mkdir()
        single.write_text(f"---\nbrand: hotelia\nchannel: x\n---\n{SINGLE_POST[:280]}\n", encoding="utf-8")
        cold_env = {**base_env, HOME_ENV: str(cold_home), "BRANDVOICE_NO_SERVER": "1"}
        cold_env.pop(URL_ENV, None)
        seconds, rss, code, _ = timed_process([*BRANDVOICE, "check", str(single), "--no-cache"], cold_env)
        assert code in (0, 1), f"cold check failed with exit {code}"
        print(row("single, cold (starts LanguageTool)", seconds, extra=f"peak RSS {rss:.0f} MB"))
        ServerManager(cold_home / "server").stop()

        manager = ServerManager(tmp / "lt-state", properties={"cacheSize": "0"})
        state = manager.ensure_running(("en", "fr"))
        env = {**base_env, URL_ENV: state.url, "BRANDVOICE_RUNTIME_DIR": str(tmp / "run")}
        concurrency = int(env.get(CONCURRENCY_ENV, DEFAULT_CONCURRENCY))
        try:
            warm = []
            for _ in range(3):
                warm.append(timed_process([*BRANDVOICE, "check", str(single), "--no-cache", "--no-server"], env)[0])
            print(row("single, warm LanguageTool, in-process (median)", statistics.median(warm)))
            subprocess.run([*BRANDVOICE, "server", "start"], env=env, check=True, capture_output=True)
            served = [timed_process([*BRANDVOICE, "check", str(single), "--no-cache"], env)[0] for _ in range(args.single_runs)]
            status = json.loads(subprocess.run([*BRANDVOICE, "server", "status", "--json"], env=env, capture_output=True, text=True).stdout)
            print(row(f"single, warm, brandvoice server (median of {args.single_runs})", statistics.median(served),
                      extra=f"min {min(served):.3f} s, max {max(served):.3f} s"))
            subprocess.run([*BRANDVOICE, "server", "stop"], env=env, capture_output=True)

            # the JVM's JIT and LanguageTool's pipelines warm up (on French and English: see above)
            warm_texts = [("fr-FR" if lang == "fr" else "en-US", text) for lang, text in corpus_posts(1000)]
            for _ in range(2):
                languagetool_floor(state.url, warm_texts, concurrency)
            user_cache = tmp / "user-cache"  # what a first run on the warm-up posts leaves (no results)
            warm_folder = tmp / "warm-up"
            write_posts(warm_folder, corpus_posts(max(args.sizes) + 200)[-200:])
            primed = subprocess.run([*BRANDVOICE, "check", str(warm_folder), "--no-cache", "--format", "json"], cwd=ROOT,
                                    env={**env, "BRANDVOICE_CACHE_DIR": str(user_cache), "BRANDVOICE_NO_SERVER": "1"},
                                    capture_output=True, text=True)
            assert primed.returncode in (0, 1), f"the warm-up check failed with exit {primed.returncode}: {primed.stderr}"

            for size in dict.fromkeys(args.sizes):
                folder = tmp / f"batch-{size}"
                paths = write_posts(folder, corpus_posts(size))
                texts = prose_texts(paths)
                lt_before = languagetool_floor(state.url, texts, concurrency)
                nlp_floor = spacy_floor(texts)
                together = both_floors(state.url, texts, concurrency, folder.parent)
                cache = tmp / f"cache-{size}"
                shutil.copytree(user_cache, cache)
                batch_env = {**env, "BRANDVOICE_CACHE_DIR": str(cache), "BRANDVOICE_NO_SERVER": "1"}
                jvm_before = cpu_seconds(psutil.Process(state.pid))
                seconds, rss, code, out, spent = measured_process([*BRANDVOICE, "check", str(folder), "--format", "json"], batch_env)
                jvm_spent = cpu_seconds(psutil.Process(state.pid)) - jvm_before
                assert code in (0, 1), f"batch check failed with exit {code}"
                summary = json.loads(out)["summary"]
                lt_after = languagetool_floor(state.url, texts, concurrency)
                lt_floor = (lt_before + lt_after) / 2
                floor = max(lt_floor, nlp_floor)
                cached, cached_rss, _, _ = timed_process([*BRANDVOICE, "check", str(folder), "--format", "json"], batch_env)
                print(f"  -- batch of {size} posts ({summary['error']} errors, {summary['warning']} warnings found)")
                print(row("floor: raw /v2/check, same concurrency", lt_floor, size,
                          extra=f"concurrency {concurrency}; {lt_before:.2f} s before the batch, {lt_after:.2f} s after"))
                print(row("floor: raw nlp.pipe (fr + en, parser on)", nlp_floor, size))
                print(row("floor: both at once (two processes)", together, size))
                print(row("brandvoice check, fresh cache", seconds, size, floor,
                          f"{seconds / together:.2f}× both at once; peak RSS {rss:.0f} MB"))
                print(f"  {'':44} CPU: brandvoice {spent:.1f} s, LanguageTool {jvm_spent:.1f} s, "
                      f"{(spent + jvm_spent) / os.cpu_count():.1f} s on {os.cpu_count()} cores")
                print(row("brandvoice check, same batch again (cached)", cached, size, extra=f"{100 * cached / seconds:.1f}% of the first run"))
            jvm = psutil.Process(state.pid).memory_info().rss / 2**20
            print(f"  -- memory: LanguageTool JVM {jvm:.0f} MB (heap cap {state.heap}); resident brandvoice server "
                  f"{status.get('rss_mb')} MB after warm checks; together {jvm + (status.get('rss_mb') or 0):.0f} MB")
        finally:
            manager.stop()
    print(f"benchmark process peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
