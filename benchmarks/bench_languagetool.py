"""Grammar checking speed: brandvoice's LanguageTool path next to raw HTTP calls to the same server.

    .venv/bin/python benchmarks/bench_languagetool.py [--posts 200] [--concurrency 4]

Starts a private LanguageTool server (its own state folder, the installed jars) with the sentence
cache off, so neither side is served answers the other computed; warms it up on other posts;
then, for the first N posts of ../shared/corpora/tweets-en and tweets-fr:

- raw: `POST /v2/check` per post from a thread pool, nothing else;
- brandvoice: the `grammar` kind (annotated-text requests, UTF-16 → code points, masking,
  vocabulary, categories, levels) through its batch hook, with the same concurrency;

and prints posts/s, median and p90 per-post latency for both, the server's start time (ready, and
ready plus brandvoice's pre-warming) and its resident memory afterwards. Stops its server at the end.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import psutil

from corpora import corpora_dir

ROOT = Path(__file__).resolve().parent.parent
CORPORA = corpora_dir()  # $BRANDVOICE_CORPORA, else shared/corpora beside the checkout (corpora.py)
SOURCES = {"en-US": CORPORA / "tweets-en" / "sentiment_test.txt", "fr-FR": CORPORA / "tweets-fr" / "deft2017_train.txt"}


def posts(language: str, first: int, skip: int = 0) -> list[str]:
    lines = [l.strip() for l in SOURCES[language].read_text(encoding="utf-8").splitlines() if l.strip()]
    return lines[skip : skip + first]


def timed_pool(function, items, concurrency):
    """Run `function` on every item with `concurrency` threads: (wall seconds, per-item seconds)."""

    def one(item):
        start = time.perf_counter()
        function(item)
        return time.perf_counter() - start

    start = time.perf_counter()
    with ThreadPoolExecutor(max_workers=concurrency) as pool:
        latencies = list(pool.map(one, items))
    return time.perf_counter() - start, latencies


def summary(label: str, count: int, wall: float, latencies: list[float]) -> str:
    latencies = sorted(latencies)
    p90 = latencies[int(0.9 * (len(latencies) - 1))]
    return (
        f"{label:<28} {count / wall:7.1f} posts/s   median {1000 * statistics.median(latencies):6.1f} ms"
        f"   p90 {1000 * p90:6.1f} ms"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=200, help="posts per language (default 200)")
    parser.add_argument("--concurrency", type=int, default=4, help="parallel requests on both sides (default 4)")
    args = parser.parse_args()

    from brandvoice.languagetool import URL_ENV
    from brandvoice.languagetool.client import CONCURRENCY_ENV
    from brandvoice.languagetool.install import install
    from brandvoice.languagetool.server import ServerManager
    from brandvoice.languagetool import service
    from brandvoice.parsing.prose import ProseText
    from brandvoice.rules import grammar
    from brandvoice.rules.base import CheckContext

    install(["en", "fr"])
    with tempfile.TemporaryDirectory(prefix="bench-lt-") as state_dir:
        manager = ServerManager(Path(state_dir), properties={"cacheSize": "0"})
        state = manager.ensure_running(("en", "fr"))
        try:
            print(f"LanguageTool {state.version} at {state.url}, heap {state.heap}, concurrency {args.concurrency}")
            print(
                f"server start: ready in {state.start_seconds:.2f} s, "
                f"{state.extra['warm_seconds']:.2f} s with brandvoice's pre-warming (one check per language)"
            )
            os.environ[URL_ENV] = state.url
            os.environ[CONCURRENCY_ENV] = str(args.concurrency)
            http = httpx.Client(timeout=120, limits=httpx.Limits(max_connections=2 * args.concurrency))

            def raw(item):
                language, text = item
                http.post(f"{state.url}/v2/check", data={"language": language, "text": text}).raise_for_status()

            def brandvoice(item):
                language, text = item
                ctx = CheckContext(prose=ProseText.plain(text), language=language)
                service.send([(ctx, grammar.Options())])
                list(grammar.check(ctx, grammar.Options()))

            # warm-up on other posts: JIT and pipelines, not the measured texts
            warm = [(lang, p) for lang in SOURCES for p in posts(lang, 40, skip=args.posts)]
            timed_pool(raw, warm, args.concurrency)
            timed_pool(brandvoice, warm, args.concurrency)

            def batch(items):
                # the engine's real path: one batch hook for all the texts of a run
                ctxs = [CheckContext(prose=ProseText.plain(p), language=language) for language, p in items]
                start = time.perf_counter()
                service.send([(ctx, grammar.Options()) for ctx in ctxs])
                found = sum(len(list(grammar.check(ctx, grammar.Options()))) for ctx in ctxs)
                return time.perf_counter() - start, found

            for language in SOURCES:
                items = [(language, p) for p in posts(language, args.posts)]
                print(f"\n{language}: first {len(items)} posts of {SOURCES[language].relative_to(CORPORA)}")
                # two rounds in alternating order, best of each: the 2 shared cores are noisy
                runs: dict[str, list] = {"raw": [], "bv": [], "batch": []}
                for round_ in range(2):
                    order = ("raw", "bv", "batch") if round_ == 0 else ("batch", "bv", "raw")
                    for name in order:
                        if name == "raw":
                            runs[name].append(timed_pool(raw, items, args.concurrency))
                        elif name == "bv":
                            runs[name].append(timed_pool(brandvoice, items, args.concurrency))
                        else:
                            runs[name].append(batch(items))
                wall, lat = min(runs["raw"], key=lambda r: r[0])
                print(summary("raw HTTP /v2/check", len(items), wall, lat))
                wall, lat = min(runs["bv"], key=lambda r: r[0])
                print(summary("brandvoice grammar, per post", len(items), wall, lat))
                wall, found = min(runs["batch"], key=lambda r: r[0])
                print(f"{'brandvoice grammar, batch':<28} {len(items) / wall:7.1f} posts/s   ({found} findings)")
            rss = psutil.Process(state.pid).memory_info().rss / 2**20
            print(f"\nserver resident memory after the run: {rss:.0f} MB")
        finally:
            manager.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
