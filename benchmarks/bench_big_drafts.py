"""How check time and memory grow with the size of one draft (costs must stay linear).

    .venv/bin/python benchmarks/bench_big_drafts.py [--sizes 80000 160000 320000 1200000] [--grammar] [--one-line]

One Markdown draft per size is made of real French tweets (../shared/corpora/tweets-fr), a
paragraph each (or, with `--one-line`, all on one line, as the attack run's 1 MB line),
repeated up to the size: many findings (typography, terms, voice), as in the
attack run that found quadratic costs. Each size is checked in a fresh process (`Checker.check_sources`,
brand hotelia, no result cache), without LanguageTool unless `--grammar` is given (then against
the shared local server). Printed per size: characters, findings, seconds, seconds per 100 KB,
peak memory (MB). Linear costs show as a flat "s/100KB" column.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import tempfile
import sys
from pathlib import Path

from corpora import corpora_dir

ROOT = Path(__file__).resolve().parent.parent
CORPORA = corpora_dir()  # $BRANDVOICE_CORPORA, else shared/corpora beside the checkout (corpora.py)
CORPUS = CORPORA / "tweets-fr" / "deft2017_train.txt"

_ONE_RUN = r"""
import json, resource, sys, time
from brandvoice.files import SourceFile
from brandvoice.runner import Checker, RunOptions
text = open(sys.argv[1], encoding="utf-8").read()
checker = Checker(RunOptions(brand="hotelia", grammar=sys.argv[2] == "1", cache=False))
checker.check_sources([SourceFile("warm-up.md", "Bonjour, réservez chez Hotelia !\n")])  # models loaded
start = time.perf_counter()
run = checker.check_sources([SourceFile("big.md", text)])
seconds = time.perf_counter() - start
print(json.dumps({"chars": len(text), "findings": len(run.files[0].findings), "seconds": seconds,
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def draft(size: int, one_line: bool = False) -> str:
    tweets = [t.strip() for t in CORPUS.read_text(encoding="utf-8").splitlines() if t.strip()]
    paragraphs, length, i = [], 0, 0
    while length < size:
        paragraphs.append(tweets[i % len(tweets)])
        length += len(paragraphs[-1]) + 2
        i += 1
    return (" " if one_line else "\n\n").join(paragraphs)[:size] + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[80_000, 160_000, 320_000, 1_200_000])
    parser.add_argument("--grammar", action="store_true", help="also send the draft to LanguageTool")
    parser.add_argument("--one-line", action="store_true", help="the tweets on one line, not a paragraph each")
    args = parser.parse_args()
    print(f"{'chars':>10} {'findings':>9} {'seconds':>8} {'s/100KB':>8} {'peak MB':>8}")
    for size in args.sizes:
        path = Path(f"/tmp/brandvoice-big-draft-{size}.md")
        path.write_text(draft(size, args.one_line), encoding="utf-8")
        proc = subprocess.run(
            [sys.executable, "-c", _ONE_RUN, str(path), "1" if args.grammar else "0"],
            capture_output=True, text=True, cwd=tempfile.gettempdir(),
        )
        path.unlink()
        if proc.returncode != 0:
            print(f"{size:>10} failed: {proc.stderr.strip().splitlines()[-1] if proc.stderr.strip() else proc.returncode}")
            continue
        r = json.loads(proc.stdout.strip().splitlines()[-1])
        per_100k = r["seconds"] / (r["chars"] / 100_000)
        print(f"{r['chars']:>10} {r['findings']:>9} {r['seconds']:>8.1f} {per_100k:>8.2f} {r['peak_mb']:>8.0f}")


if __name__ == "__main__":
    main()
