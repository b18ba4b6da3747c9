"""Where a guide named `hotelia` (or `./brand.yaml`) is found: the given guide folders, then
./styleguides, then the shipped guides. No YAML here: a cached run checks that names still lead to
the same files without loading a guide (`guides/summary.py`)."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

GUIDE_SUFFIXES = (".yaml", ".yml")


def shipped_guides_dir() -> Path:
    return Path(str(resources.files("brandvoice.styleguides")))


def guide_search_path(guides_dirs: list[Path] | None = None) -> list[Path]:
    """Where guides are looked up by name: given dirs, then ./styleguides, then the shipped ones."""
    dirs = [Path(d) for d in (guides_dirs or [])]
    dirs.append(Path.cwd() / "styleguides")
    dirs.append(shipped_guides_dir())
    seen, unique = set(), []
    for d in dirs:
        key = d.resolve() if d.exists() else d
        if key not in seen:
            seen.add(key)
            unique.append(d)
    return unique


def available_guides(guides_dirs: list[Path] | None = None) -> dict[str, Path]:
    found: dict[str, Path] = {}
    for directory in reversed(guide_search_path(guides_dirs)):  # earlier dirs win
        if directory.is_dir():
            for path in sorted(directory.iterdir()):
                if path.suffix in GUIDE_SUFFIXES:
                    found[path.stem] = path
    return found


def find_guide(ref: str, guides_dirs: list[Path] | None = None, relative_to: Path | None = None) -> Path:
    """A guide by path (`./brand.yaml`) or by name (`hotelia`)."""
    candidate = Path(ref)
    if relative_to is not None and not candidate.is_absolute():
        nearby = relative_to.parent / candidate
        if nearby.suffix in GUIDE_SUFFIXES and nearby.is_file():
            return nearby
    if candidate.suffix in GUIDE_SUFFIXES or "/" in ref:
        if candidate.is_file():
            return candidate
        raise FileNotFoundError(ref)
    guides = available_guides(guides_dirs)
    if ref in guides:
        return guides[ref]
    lowered = {k.lower(): v for k, v in guides.items()}
    if ref.lower() in lowered:
        return lowered[ref.lower()]
    raise FileNotFoundError(ref)
