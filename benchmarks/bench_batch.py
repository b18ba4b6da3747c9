"""The checks without grammar next to the spaCy floor, a cached re-run, and a fresh French load.

    .venv/bin/python benchmarks/bench_batch.py [--posts 1000] [--corpora DIR] [--cached-only]

Real tweets (one per line, see the corpora's SOURCE.txt; `--corpora`, else $BRANDVOICE_CORPORA,
else `shared/corpora` beside the checkout: corpora.py), the first N of each language. Printed:

1. `--no-grammar` batch, in one process with the models loaded (the resident server's and the
   editor's case), per language and guide: the base guide (`base-fr`, `base-en`) and a brand
   guide with the voice rules on (`hotelia`: register, person, passive, tone bands...;
   `trailcraft`), against two floors measured in the same run: raw `nlp.pipe` of the same model
   with the same pipes (the parser when the guide's rules need parses) on the same texts, and
   the same with the lemma index in sets as brandvoice loads it (`index_lemmas_as_sets`: spaCy's
   own cost as brandvoice pays it, so the second ratio is brandvoice's own overhead);
2. the same as `brandvoice check --no-grammar FOLDER` processes on N Markdown posts per language,
   with a user cache as a first run on other posts leaves it (the tokenizer patterns, the word
   lists, the brand names' splits; none of these results), against a fresh process that imports
   spaCy, loads the model and runs `nlp.pipe` on the same texts;
3. a fully cached re-run of each folder (N files, nothing changed: each file answered from the
   result cache before it is parsed; `--cached-only` runs this part alone);
4. a fresh process loading the French model, with and without the compiled tokenizer patterns
   in the user cache (`brandvoice/nlp/patterns.py`).

Times are CPU seconds (user + system) first, wall seconds after: the machine is shared, so CPU
time and the ratios are the figures that carry; the load average is printed beside each part.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from corpora import corpora_dir, english_files, french_files, lines

ROOT = Path(__file__).resolve().parent.parent
GUIDES = {"fr": ("base-fr", "hotelia"), "en": ("base-en", "trailcraft")}
BRANDVOICE = [sys.executable, "-m", "brandvoice"]

# a fresh process's floor: import spaCy, load the model with the same pipes, parse the texts
FLOOR_PROCESS = """
import json, sys, spacy
model, parse, path, sets = sys.argv[1], sys.argv[2] == "parse", sys.argv[3], sys.argv[4] == "sets"
nlp = spacy.load(model, exclude=["ner"] if parse else ["ner", "parser"])
if not parse and "senter" in nlp.disabled:
    nlp.enable_pipe("senter")
if sets:
    from brandvoice.nlp.models import index_lemmas_as_sets
    index_lemmas_as_sets(nlp)
for _ in nlp.pipe(json.load(open(path, encoding="utf-8")), batch_size=64):
    pass
"""

FRENCH_LOAD = """
from brandvoice.nlp.models import TAGS, load_pipeline
load_pipeline("fr", TAGS)("Réservez votre chambre dès aujourd’hui !")
"""


def load() -> str:
    return "load average " + " ".join(f"{x:.1f}" for x in os.getloadavg())


def process(args: list[str], env: dict[str, str] | None = None) -> tuple[float, float, int]:
    """CPU seconds (user + system) and wall seconds of a child process, and its exit code."""
    start = time.perf_counter()
    proc = subprocess.Popen(args, env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):
        raise SystemExit(f"{' '.join(args)} failed with exit {code}: {proc.stderr.read().decode()[-2000:]}")
    return usage.ru_utime + usage.ru_stime, wall, code


def cpu() -> float:
    return time.process_time()


def row(label: str, cpu_s: float, wall_s: float, posts: int | None = None, *floors: float) -> str:
    per_post = f"{1000 * cpu_s / posts:7.2f} ms" if posts else " " * 10
    ratios = " / ".join(f"{cpu_s / floor:.2f}×" for floor in floors)
    return f"  {label:<52} {cpu_s:8.2f} s CPU {wall_s:8.2f} s wall {per_post} {ratios}"


def guide_level(guide_id: str) -> str:
    """The spaCy level the engine parses this guide's texts at (the highest any rule needs)."""
    from brandvoice.nlp.models import TOKENS, level_of
    from brandvoice.registry import GUIDES as REGISTRY

    guide = REGISTRY.load(guide_id)
    return level_of([TOKENS, *(need for rule in guide.rules if "languagetool" not in rule.needs for need in rule.needs)])


def floor_pipeline(lang: str, level: str, sets: bool = False):
    """Raw spaCy: the model brandvoice loads, with the pipes it runs, spaCy's own tokenizer
    (`sets`: with the lemma index in sets, as brandvoice loads it)."""
    import spacy

    from brandvoice.nlp.models import PARSE, index_lemmas_as_sets, resolve_model

    nlp = spacy.load(resolve_model(lang), exclude=["ner"] if level == PARSE else ["ner", "parser"])
    if level != PARSE and "senter" in nlp.disabled:
        nlp.enable_pipe("senter")
    if sets:
        index_lemmas_as_sets(nlp)
    return nlp


def timed_pipe(nlp, warm_up: list[str], posts: list[str]) -> tuple[float, float]:
    for _ in nlp.pipe(warm_up):
        pass
    start, wall = cpu(), time.perf_counter()
    for _ in nlp.pipe(posts, batch_size=64):
        pass
    return cpu() - start, time.perf_counter() - wall


def in_process(texts: dict[str, list[str]], warm_up: dict[str, list[str]]) -> None:
    from brandvoice.nlp.models import PARSE, reset
    from brandvoice.runner import Checker, RunOptions

    print(f"-- --no-grammar, one process, models loaded ({load()})")
    for lang, guides in GUIDES.items():
        posts = texts[lang]
        for guide in guides:
            level = guide_level(guide)
            reset()  # both sides start from a freshly loaded model (spaCy's lemmatizer caches lemmas)
            checker = Checker(RunOptions(brand=guide, grammar=False, cache=False, channels=("x",)))
            # other posts first: the model, the guide and the word lists load, as in a resident server
            checker.check_texts([(f"warm-up-{i}.txt", text + "\n") for i, text in enumerate(warm_up[lang])])
            floor, floor_wall = timed_pipe(floor_pipeline(lang, level), warm_up[lang], posts)
            sets, sets_wall = timed_pipe(floor_pipeline(lang, level, sets=True), warm_up[lang], posts)
            start, wall = cpu(), time.perf_counter()
            results = checker.check_texts([(f"post-{i}.txt", text + "\n") for i, text in enumerate(posts)])
            spent, spent_wall = cpu() - start, time.perf_counter() - wall
            found = sum(len(r.findings) for r in results)
            pipes = "parser on" if level == PARSE else "no parser"
            print(row(f"{lang} floor: raw nlp.pipe ({pipes})", floor, floor_wall, len(posts)))
            print(row(f"{lang} floor: the same, lemma index in sets", sets, sets_wall, len(posts)))
            print(row(f"{lang} brandvoice, guide {guide} ({found} findings)", spent, spent_wall, len(posts), floor, sets))


def write_posts(folder: Path, lang: str, posts: list[str]) -> None:
    folder.mkdir(parents=True)
    brand = GUIDES[lang][1]
    for i, text in enumerate(posts):
        (folder / f"post-{i:05d}.md").write_text(f"---\nbrand: {brand}\nchannel: x\n---\n{text}\n", encoding="utf-8")


def cli_env(tmp: Path) -> dict[str, str]:
    return {**os.environ, "NO_COLOR": "1", "BRANDVOICE_NO_SERVER": "1", "BRANDVOICE_CACHE_DIR": str(tmp / "cache")}


def check_folder(tmp: Path, lang: str) -> list[str]:
    return [*BRANDVOICE, "check", str(tmp / f"posts-{lang}"), "--no-grammar", "--format", "json"]


def processes(texts: dict[str, list[str]], warm_up: dict[str, list[str]], tmp: Path) -> None:
    from brandvoice.nlp.models import resolve_model

    print(f"-- --no-grammar, fresh processes, brand guides, none of these results cached ({load()})")
    env = cli_env(tmp)
    for lang, posts in warm_up.items():  # the user cache after a first run on other posts
        write_posts(tmp / f"posts-{lang}", lang, posts)
        process(check_folder(tmp, lang), env)
        shutil.rmtree(tmp / f"posts-{lang}")
    for lang, posts in texts.items():
        write_posts(tmp / f"posts-{lang}", lang, posts)
        (tmp / f"{lang}.json").write_text(json.dumps(posts), encoding="utf-8")
        level = guide_level(GUIDES[lang][1])
        floor_args = [sys.executable, "-c", FLOOR_PROCESS, resolve_model(lang), "parse" if level.endswith("parser") else "tags", str(tmp / f"{lang}.json")]
        floor, floor_wall, _ = process([*floor_args, "lists"])
        sets, sets_wall, _ = process([*floor_args, "sets"])
        spent, wall, _ = process(check_folder(tmp, lang), env)
        print(row(f"{lang} floor: python -c 'import spacy; load; nlp.pipe'", floor, floor_wall, len(posts)))
        print(row(f"{lang} floor: the same, lemma index in sets", sets, sets_wall, len(posts)))
        print(row(f"{lang} brandvoice check --no-grammar (process)", spent, wall, len(posts), floor, sets))


def cached_reruns(texts: dict[str, list[str]], tmp: Path, fill: bool) -> None:
    """`brandvoice check` over each folder again, nothing changed: every file answered from the
    result cache (`fill`: write the folders and check them once first)."""
    env = cli_env(tmp)
    if fill:
        for lang, posts in texts.items():
            write_posts(tmp / f"posts-{lang}", lang, posts)
            process(check_folder(tmp, lang), env)
    print(f"-- cached re-run, nothing changed ({load()})")
    for lang, posts in texts.items():
        runs = [process(check_folder(tmp, lang), env) for _ in range(3)]
        spent, wall = min(r[0] for r in runs), min(r[1] for r in runs)
        print(row(f"{lang} brandvoice check, {len(posts)} files, all cached, best of 3", spent, wall))


def french_load(tmp: Path) -> None:
    print(f"-- a fresh process loads the French model ({load()})")
    compiled = [process([sys.executable, "-c", FRENCH_LOAD], {**os.environ, "BRANDVOICE_CACHE_DIR": str(tmp / f"empty-{i}")})
                for i in range(3)]  # each with an empty user cache: compiles (and saves) the patterns
    cached_env = {**os.environ, "BRANDVOICE_CACHE_DIR": str(tmp / "empty-0")}
    restored = [process([sys.executable, "-c", FRENCH_LOAD], cached_env) for _ in range(3)]
    for label, runs in (("patterns compiled (empty user cache)", compiled), ("patterns from the user cache", restored)):
        print(row(f"import + load_pipeline('fr'), {label}, best of 3", min(r[0] for r in runs), min(r[1] for r in runs)))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=1000, help="posts per language")
    parser.add_argument("--corpora", type=Path, help="the shared corpora folder (default: see benchmarks/corpora.py)")
    parser.add_argument("--cached-only", action="store_true", help="only part 3: the cached re-runs")
    args = parser.parse_args()
    corpora = corpora_dir(args.corpora)
    french, english = lines(french_files(corpora)), lines(english_files(corpora))
    texts = {"fr": french[: args.posts], "en": english[: args.posts]}
    warm_up = {"fr": french[args.posts : args.posts + 100], "en": english[args.posts : args.posts + 100]}
    print(f"data: the first {args.posts} tweets of {corpora}/tweets-fr and tweets-en; {os.cpu_count()} cores")
    with tempfile.TemporaryDirectory(prefix="bench-batch-") as tmp:
        if args.cached_only:
            cached_reruns(texts, Path(tmp), fill=True)
            return 0
        in_process(texts, warm_up)
        processes(texts, warm_up, Path(tmp))
        cached_reruns(texts, Path(tmp), fill=False)
        french_load(Path(tmp))
    return 0


if __name__ == "__main__":
    sys.exit(main())
