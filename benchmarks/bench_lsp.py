"""How fast `brandvoice lsp` answers an edit: from a didChange to the publishDiagnostics of that
version, through a real LSP session over stdio (the tests' client), servers warm.

    .venv/bin/python benchmarks/bench_lsp.py [--edits 30] [--words 300]

The draft is a 300-word French post made of real tweets from ../shared/corpora (Markdown, brand
hotelia, channel linkedin), so every check is on: grammar (the shared local LanguageTool server,
as an editor uses it), voice (spaCy), channel, terms, typography. Printed:
1. the first diagnostics after didOpen (the server loads spaCy and the guides);
2. single edits (a word replaced, one edit at a time): median, 90th percentile and worst, with the
   default debounce (0.05 s) and without debounce (the check alone);
3. a burst of typing (a keystroke every 50 ms): from the last keystroke to its diagnostics, and how
   many of the intermediate versions were published (none should be).
Target (issue 16): diagnostics within 0.3 s of a change with the servers warm.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

from corpora import corpora_dir

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
CORPORA = corpora_dir()  # $BRANDVOICE_CORPORA, else shared/corpora beside the checkout (corpora.py)
CORPUS = CORPORA / "tweets-fr" / "deft2017_val.txt"

from lsp_client import Session  # noqa: E402


def draft(words: int) -> str:
    posts = [line.strip() for line in CORPUS.read_text(encoding="utf-8").splitlines() if line.strip()]
    chosen, count = [], 0
    for post in posts:
        if count >= words:
            break
        chosen.append(post)
        count += len(post.split())
    return "---\nbrand: hotelia\nchannel: linkedin\n---\n" + "\n\n".join(chosen) + "\n"


def figures(times: list[float]) -> str:
    ordered = sorted(times)
    p90 = ordered[max(0, round(0.9 * len(ordered)) - 1)]
    return f"median {statistics.median(ordered):.3f} s, p90 {p90:.3f} s, worst {ordered[-1]:.3f} s (n={len(ordered)})"


async def edits(session: Session, uri: str, count: int, rng: random.Random) -> list[float]:
    times = []
    for _ in range(count):
        text = session.texts[uri]
        words = [(m.start(), m.end()) for m in re.finditer(r"\b[a-zéèàù]{4,}\b", text[40:])]
        start, end = rng.choice(words)
        replacement = rng.choice(["super", "vraiment", "génial", "nouveau", "hôtel"])
        sent = time.perf_counter()
        version = session.change(uri, 40 + start, 40 + end, replacement)
        await session.diagnostics(uri, version)
        times.append(time.perf_counter() - sent)
        await asyncio.sleep(0.3)
    return times


async def burst(session: Session, uri: str, rng: random.Random) -> tuple[float, int]:
    text = session.texts[uri]
    at = text.index("\n\n", 60) + 2
    versions = []
    for letter in "Réservez vite":
        versions.append(session.change(uri, at, at, letter))
        at += 1
        last = time.perf_counter()
        await asyncio.sleep(0.05)
    await session.diagnostics(uri, versions[-1])
    elapsed = time.perf_counter() - last
    published = {p.version for _, p in session.published[uri]}
    return elapsed, len(published & set(versions[:-1]))


async def main(args: argparse.Namespace) -> None:
    from brandvoice.languagetool import DEFAULT_LANGUAGES
    from brandvoice.languagetool.server import ServerManager

    ServerManager().ensure_running(DEFAULT_LANGUAGES)
    rng = random.Random(16)
    text = draft(args.words)
    print(f"draft: {len(text.split())} words, {len(text)} characters (brand hotelia, channel linkedin, grammar on)")
    with tempfile.TemporaryDirectory(prefix="bench-lsp-") as folder:
        for label, debounce in (("default debounce 0.05 s", None), ("no debounce", 0.0)):
            session = Session(Path(folder), options={} if debounce is None else {"debounce": debounce})
            await session.start()
            opened = time.perf_counter()
            uri = session.open(Path(folder) / "post.md", text)
            first = await session.diagnostics(uri, 1, timeout=300)
            print(f"[{label}] first diagnostics after didOpen: {time.perf_counter() - opened:.2f} s "
                  f"({len(first.diagnostics)} findings)")
            await edits(session, uri, 3, rng)  # warm: every kind has run once on this text
            print(f"[{label}] single edits, change → diagnostics: {figures(await edits(session, uri, args.edits, rng))}")
            elapsed, stale = await burst(session, uri, rng)
            print(f"[{label}] typing burst (13 keystrokes, 50 ms apart): last keystroke → diagnostics "
                  f"{elapsed:.3f} s; intermediate versions published: {stale}")
            await session.stop()


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--edits", type=int, default=30)
    parser.add_argument("--words", type=int, default=300)
    asyncio.run(main(parser.parse_args()))
