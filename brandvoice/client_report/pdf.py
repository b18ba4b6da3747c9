"""The report as a PDF, for clients who don't open HTML: the same page, printed by a headless
Chromium (or Google Chrome) on A4, with every table row and the charts drawn at print width.

Chromium is found as `BRANDVOICE_CHROMIUM`, else `chromium`, `chromium-browser`, `google-chrome`
or `chrome` on the PATH; without it the export stops with what to install. It runs with a
throw-away profile and the page's Content-Security-Policy, so the report makes no network request.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from brandvoice.client_report.data import ReportData
from brandvoice.client_report.labels import labels
from brandvoice.errors import BrandvoiceError

CHROMIUM_ENV = "BRANDVOICE_CHROMIUM"
CANDIDATES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome")
TIMEOUT = 180  # seconds; a report of thousands of findings prints in well under a minute


def chromium_path() -> str | None:
    configured = os.environ.get(CHROMIUM_ENV)
    if configured:
        return configured if Path(configured).is_file() else shutil.which(configured)
    return next((found for name in CANDIDATES if (found := shutil.which(name))), None)


def print_pdf(html: str, pdf: Path, language: str) -> None:
    """Print a report page to `pdf` with headless Chromium."""
    binary = chromium_path()
    if binary is None:
        raise BrandvoiceError(labels(language)["pdf_chromium"])
    with tempfile.TemporaryDirectory(prefix="brandvoice-pdf-") as folder:
        page = Path(folder) / "report.html"
        page.write_text(html, encoding="utf-8")
        output = Path(folder) / "report.pdf"
        command = [
            binary, "--headless", "--disable-gpu", "--no-first-run", "--disable-extensions",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--hide-scrollbars", "--no-pdf-header-footer", "--run-all-compositor-stages-before-draw",
            "--virtual-time-budget=10000", f"--user-data-dir={Path(folder) / 'profile'}",
            f"--print-to-pdf={output}", page.as_uri(),
        ]
        if hasattr(os, "geteuid") and os.geteuid() == 0:
            command.insert(1, "--no-sandbox")  # Chromium refuses to run as root with its sandbox
        try:
            done = subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT, stdin=subprocess.DEVNULL)
        except subprocess.TimeoutExpired:
            raise BrandvoiceError(f"{binary} did not print the report within {TIMEOUT} s") from None
        except OSError as exc:
            raise BrandvoiceError(f"cannot run {binary}: {exc.strerror or exc}") from None
        if done.returncode != 0 or not output.is_file() or not output.read_bytes().startswith(b"%PDF"):
            detail = (done.stderr or "").strip().splitlines()[-1:] or [f"exit code {done.returncode}"]
            raise BrandvoiceError(f"{binary} could not print the report: {detail[0]}")
        pdf.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(output, pdf)


def write_pdf(data: ReportData, pdf: Path, title: str | None = None) -> None:
    from brandvoice.client_report.html import render_html

    print_pdf(render_html(data, title, for_print=True), pdf, data.language)
