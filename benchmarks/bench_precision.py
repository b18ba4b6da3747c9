"""Precision of brandvoice's findings on real posts, measured against hand labels.

    .venv/bin/python benchmarks/bench_precision.py [--by-rule] [--unlabelled FILE]
    .venv/bin/python benchmarks/bench_precision.py --resample CORPORA_DIR   # rebuild the sample

The sample (`benchmarks/data/precision/posts-{fr,en}.jsonl`, see SOURCE.txt there) is a fixed set
of real tweets. Each post is checked as its own file, the way a community manager checks a draft
for X: the base guide of its language (`base-fr` / `base-en`), `--channel x`, grammar on
(LanguageTool), voice, channel and typography rules on: every rule family a new user meets.

Every finding of the sample is labelled by hand in `labels-{fr,en}.jsonl`: `true` (a real
problem, worth the writer's time), `false` (a false alarm) or `debatable`, with a one-line reason.
A label is keyed on what identifies a finding — post id, rule id, offset, length and matched text —
never on its message (messages get reworded and translated); the message is kept for reference.

Printed per language:
- strict precision = true / (true + false) per rule family (`languagetool`, `typography`, `voice`,
  `channel`, the base guide's own rules...) and overall, with n;
- recall on the labelled true problems: a labelled true problem is found when a current finding
  covers its span (the same finding, or one on a span that contains it, e.g. two reports merged);
- findings with no label (label them, then re-run), labelled true problems no current finding
  covers (recall misses), and how many labels no current finding has.
Exits 1 when findings are unlabelled, so a rule change cannot skip labelling.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

import regex

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "benchmarks" / "data" / "precision"
LANGUAGES = {"fr": "fr-FR", "en": "en-US"}
LABELS = ("true", "false", "debatable")
# which lines of which corpus files make the sample (see SOURCE.txt): (file, every n-th line)
SAMPLE = {
    "fr": (("tweets-fr/deft2017_train.txt", 12),),
    "en": (("tweets-en/sentiment_test.txt", 60), ("tweets-en/emotion_train.txt", 60), ("tweets-en/irony_train.txt", 60)),
}


@dataclass(frozen=True)
class Key:
    """What identifies a finding across runs and rewordings."""

    post: str
    rule: str
    offset: int
    length: int
    match: str


def posts_path(lang: str) -> Path:
    return DATA / f"posts-{lang}.jsonl"


def labels_path(lang: str) -> Path:
    return DATA / f"labels-{lang}.jsonl"


def read_jsonl(path: Path) -> list[dict]:
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


# The French corpus replaced every link by a bare "http": it stands for a link again, as the post had one
_ANONYMISED_LINK = regex.compile(r"(?<![\w/])http(?![\w:/])")
RESTORED_LINK = "https://t.co/XXXXXXXXXX"
# The English corpus wrote line breaks inside a tweet as a literal backslash and "n"
_ESCAPED_LINE_BREAK = "\\n"


def resample(corpora: Path) -> None:
    """Rebuild the post files from the corpora: every n-th non-empty line, trailing spaces cut,
    anonymised links ("http") written as a t.co link, escaped line breaks as line breaks."""
    DATA.mkdir(parents=True, exist_ok=True)
    for lang, files in SAMPLE.items():
        rows = []
        for name, step in files:
            lines = (corpora / name).read_text(encoding="utf-8").split("\n")
            for number in range(1, len(lines) + 1, step):
                text = _ANONYMISED_LINK.sub(RESTORED_LINK, lines[number - 1].rstrip())
                text = text.replace(_ESCAPED_LINE_BREAK, "\n")
                if text:
                    rows.append({"id": f"{Path(name).stem}:{number}", "text": text})
        posts_path(lang).write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
        print(f"{lang}: {len(rows)} posts -> {posts_path(lang).relative_to(ROOT)}")


def run(lang: str, posts: list[dict]) -> dict[str, list]:
    """Findings per post id, from the engine as `brandvoice check --brand base-xx --channel x` runs it."""
    from brandvoice.runner import Checker, RunOptions

    options = RunOptions(brand=f"base-{lang}", channels=("x",), language=LANGUAGES[lang], cache=False)
    files = Checker(options).check_texts([(f"{post['id']}.txt", post["text"] + "\n") for post in posts])
    return {post["id"]: file.findings for post, file in zip(posts, files)}


def family(rule: str) -> str:
    return rule.split(".")[0]


def precision(counts: Counter) -> str:
    judged = counts["true"] + counts["false"]
    return f"{100 * counts['true'] / judged:5.1f} %" if judged else "    —  "


def report(lang: str, by_rule: bool, unlabelled_out: list[dict]) -> tuple[int, dict]:
    posts = read_jsonl(posts_path(lang))
    labels = {Key(l["post"], l["rule"], l["offset"], l["length"], l["match"]): l for l in read_jsonl(labels_path(lang))}
    findings = run(lang, posts)
    texts = {p["id"]: p["text"] for p in posts}

    per_family: dict[str, Counter] = defaultdict(Counter)
    per_rule: dict[str, Counter] = defaultdict(Counter)
    overall: Counter = Counter()
    current: set[Key] = set()
    spans: dict[str, list[tuple[int, int]]] = defaultdict(list)  # post -> spans of located findings
    missing = []
    for post_id, found in findings.items():
        for f in found:
            key = Key(post_id, f.rule, f.offset, f.length, f.match)
            current.add(key)
            if not f.whole_document:
                spans[post_id].append((f.offset, f.offset + f.length))
            label = labels.get(key)
            verdict = label["label"] if label else "unlabelled"
            per_family[family(f.rule)][verdict] += 1
            per_rule[f.rule][verdict] += 1
            overall[verdict] += 1
            if label is None:
                missing.append((key, f.message))

    true_spans = {(k.post, k.offset, k.offset + k.length) for k, l in labels.items() if l["label"] == "true"}
    found_spans = {
        (post, start, end)
        for post, start, end in true_spans
        if any(s <= start and end <= e for s, e in spans[post])
        or any(k.post == post and k.offset == start and k.offset + k.length == end for k in current)
    }
    gone = Counter(l["label"] for k, l in labels.items() if k not in current)

    print(f"\n## {lang}: {len(posts)} posts, {sum(map(len, findings.values()))} findings, {len(labels)} labels")
    print(f"{'family':<14} {'n':>5} {'true':>5} {'false':>5} {'debat.':>6} {'unlab.':>6}  precision")
    for name in sorted(per_family, key=lambda n: -sum(per_family[n].values())):
        c = per_family[name]
        print(f"{name:<14} {sum(c.values()):5} {c['true']:5} {c['false']:5} {c['debatable']:6} {c['unlabelled']:6}  {precision(c)}")
    print(f"{'overall':<14} {sum(overall.values()):5} {overall['true']:5} {overall['false']:5} "
          f"{overall['debatable']:6} {overall['unlabelled']:6}  {precision(overall)}")
    share = 100 * len(found_spans) / len(true_spans) if true_spans else 100.0
    print(f"recall on labelled true problems: {len(found_spans)}/{len(true_spans)} = {share:.1f} %")
    print(f"labels with no current finding: {dict(gone) or 0}")
    if by_rule:
        print(f"\n{'rule':<48} {'n':>4} {'true':>5} {'false':>5} {'debat.':>6}  precision")
        for rule in sorted(per_rule, key=lambda r: (family(r), -sum(per_rule[r].values()))):
            c = per_rule[rule]
            print(f"{rule:<48} {sum(c.values()):4} {c['true']:5} {c['false']:5} {c['debatable']:6}  {precision(c)}")
    lost = sorted(true_spans - found_spans)
    if lost:
        print(f"\n{len(lost)} labelled true problems no current finding covers:")
        for post, start, end in lost:
            rules = sorted(k.rule for k, l in labels.items() if (k.post, k.offset, k.offset + k.length) == (post, start, end))
            print(f"  {post} {start}+{end - start} {texts[post][start:end]!r} ({', '.join(rules)})")
    if missing:
        print(f"\n{len(missing)} unlabelled findings:")
        for key, message in missing:
            text = texts[key.post]
            print(f"  {key.post} {key.rule} {key.offset}+{key.length} {key.match!r}: {message}")
            print(f"      {text}")
            unlabelled_out.append({**key.__dict__, "label": "", "reason": "", "message": message})
    summary = {
        "overall": overall,
        "families": per_family,
        "recall": (len(found_spans), len(true_spans)),
    }
    return len(missing), summary


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lang", choices=sorted(LANGUAGES), action="append", help="only this language (repeatable)")
    parser.add_argument("--by-rule", action="store_true", help="also print precision per rule id")
    parser.add_argument("--unlabelled", type=Path, help="write unlabelled findings as JSONL label stubs to FILE")
    parser.add_argument("--resample", type=Path, metavar="CORPORA_DIR", help="rebuild the sample from the corpora")
    args = parser.parse_args()
    if args.resample:
        resample(args.resample)
        return 0
    for lang in LANGUAGES:
        for label in read_jsonl(labels_path(lang)):
            if label["label"] not in LABELS or not label.get("reason"):
                raise SystemExit(f"{labels_path(lang).name}: bad label {label}")
    stubs: list[dict] = []
    unlabelled = 0
    for lang in args.lang or LANGUAGES:
        missing, _ = report(lang, args.by_rule, stubs)
        unlabelled += missing
    if args.unlabelled:
        args.unlabelled.write_text("".join(json.dumps(s, ensure_ascii=False) + "\n" for s in stubs), encoding="utf-8")
    return 1 if unlabelled else 0


if __name__ == "__main__":
    sys.exit(main())
