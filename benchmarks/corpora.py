"""Where the benchmarks find the real posts (never shipped with the package; see their SOURCE.txt).

In order: `--corpora DIR`, then `$BRANDVOICE_CORPORA`, then the first `shared/corpora` beside
the checkout or beside one of the folders above it (a checkout in `/work/main` finds
`/work/shared/corpora`, and so does a worktree in `/work/wt/<branch>`).
"""

from __future__ import annotations

import os
from pathlib import Path

ENV = "BRANDVOICE_CORPORA"
ROOT = Path(__file__).resolve().parent.parent


def corpora_dir(given: Path | None = None) -> Path:
    if given is not None:
        found = given
    elif os.environ.get(ENV):
        found = Path(os.environ[ENV])
    else:
        beside = [folder / "shared" / "corpora" for folder in ROOT.parents]
        found = next((folder for folder in beside if folder.is_dir()), beside[0])
    if not (found / "tweets-fr").is_dir() or not (found / "tweets-en").is_dir():
        raise SystemExit(f"no corpora in {found} (tweets-fr/, tweets-en/): pass --corpora DIR or set {ENV}")
    return found


def french_files(corpora: Path) -> list[Path]:
    return [corpora / "tweets-fr" / "deft2017_train.txt", corpora / "tweets-fr" / "deft2017_val.txt"]


def english_files(corpora: Path) -> list[Path]:
    return [corpora / "tweets-en" / "sentiment_test.txt"]


def lines(paths: list[Path]) -> list[str]:
    """One post per non-empty line."""
    return [line.strip() for path in paths for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
