"""Choosing output formats: `--format auto` and `--output [FORMAT:]FILE`.

`--output` writes a report to a file while the terminal shows `--format` (text by default). The
format is written before the file name (`sarif:report.sarif`, `markdown:$GITHUB_STEP_SUMMARY`)
or guessed from the file's extension (`report.sarif`, `report.xml`...).
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from typing import TYPE_CHECKING

from brandvoice.errors import BrandvoiceError
from brandvoice.i18n import _
from brandvoice.registry import FORMATS

if TYPE_CHECKING:
    from brandvoice.findings import RunResult
    from brandvoice.formats.common import ReportContext

AUTO = "auto"


def by_extension() -> dict[str, str]:
    """The format each known file extension names (imports every format)."""
    return {extension: fmt.name for fmt in FORMATS.values() for extension in fmt.extensions}


@dataclass(frozen=True)
class OutputTarget:
    format: str
    path: Path


def resolve_format(name: str, environ: Mapping[str, str] | None = None) -> str:
    """`auto` is `github` inside GitHub Actions and `text` elsewhere."""
    env = os.environ if environ is None else environ
    if name == AUTO:
        return "github" if env.get("GITHUB_ACTIONS") == "true" else "text"
    if name not in FORMATS:
        raise BrandvoiceError(_("unknown format “{name}” (choose from {formats})").format(
            name=name, formats=", ".join((AUTO, *FORMATS))))
    if FORMATS[name].render is None:
        raise BrandvoiceError(_("the {name} format writes a file: use --output {name}:FILE{extension}").format(
            name=name, extension=FORMATS[name].extensions[0]))
    return name


def parse_output(spec: str) -> OutputTarget:
    """`sarif:out.sarif` or `out.sarif`. A prefix counts as a format only if it names one, so
    `C:/reports/x.sarif` and `./a:b.json` stay file names."""
    prefix, sep, rest = spec.partition(":")
    if sep and prefix in FORMATS:
        if not rest:
            raise BrandvoiceError(_("--output {spec}: give a file name after “{prefix}:”").format(spec=spec, prefix=prefix))
        return OutputTarget(prefix, Path(rest))
    suffix = Path(spec).suffix.lower()
    extensions = by_extension()
    if suffix in extensions:
        return OutputTarget(extensions[suffix], Path(spec))
    known = ", ".join(f"{ext} ({fmt})" for ext, fmt in extensions.items())
    raise BrandvoiceError(_(
        "--output {spec}: cannot tell the format from the file name; write it first, e.g. --output sarif:{spec} "
        "(formats: {formats}; known extensions: {known})"
    ).format(spec=spec, formats=", ".join(FORMATS), known=known))


def write_report(target: OutputTarget, run: RunResult, ctx: ReportContext) -> None:
    """Write one `--output` target: a text format's report, or a file format's file."""
    fmt = FORMATS[target.format]
    if fmt.write is not None:
        fmt.write(run, ctx, target.path)
    else:
        write_output(target, fmt.render(run, ctx))


def write_output(target: OutputTarget, report: str) -> None:
    try:
        if target.path.parent and not target.path.parent.exists():
            target.path.parent.mkdir(parents=True, exist_ok=True)
        # appending lets several steps share $GITHUB_STEP_SUMMARY; other files are replaced
        mode = "a" if target.path == Path(os.environ.get("GITHUB_STEP_SUMMARY", "\0")) else "w"
        with open(target.path, mode, encoding="utf-8", newline="\n") as handle:
            handle.write(report)
    except OSError as exc:
        raise BrandvoiceError(_("--output {path}: cannot write: {reason}").format(
            path=target.path, reason=exc.strerror)) from None
