"""A progress bar on stderr for long runs: only on a terminal, only after a moment, never mixed
into machine-readable output (which goes to stdout). Before it, the slow first-time steps
(`activity`: starting LanguageTool, loading a spaCy model) show as a status line with a spinner."""

from __future__ import annotations

import sys
import time
from contextlib import contextmanager

SHOW_AFTER_SECONDS = 1.5


@contextmanager
def progress_bar(label: str = "Checking", enabled: bool | None = None):
    """Yields a callback `(done, total)`; the bar appears once a run has lasted a moment.
    `enabled`: None shows it on a terminal only; True or False force it."""
    if not (sys.stderr.isatty() if enabled is None else enabled):
        yield None
        return
    with _steps_shown():
        with _bar(label, enabled) as update:
            yield update


@contextmanager
def _steps_shown():
    """A transient status line naming the slow steps under way (`brandvoice.activity`); gone once
    they are done (the progress bar may follow: one live display at a time)."""
    import threading

    from brandvoice.activity import listening

    state: dict = {}
    lock = threading.Lock()

    def show(steps: list[str]) -> None:
        with lock:
            if steps and "status" not in state:
                from rich.console import Console

                state["status"] = Console(stderr=True).status("")
                state["status"].start()
            if steps:
                state["status"].update(f"{' · '.join(steps)[:1].upper()}{' · '.join(steps)[1:]}…")
            elif "status" in state:
                state.pop("status").stop()

    with listening(show):
        try:
            yield
        finally:
            with lock:
                if "status" in state:
                    state.pop("status").stop()


@contextmanager
def _bar(label: str, enabled: bool | None):
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    started = time.monotonic()
    state: dict = {}

    def update(done: int, total: int) -> None:
        elapsed = time.monotonic() - started
        if "bar" not in state:
            if (elapsed < SHOW_AFTER_SECONDS and enabled is None) or done >= total:
                return
            bar = Progress(
                TextColumn(label),
                BarColumn(),
                MofNCompleteColumn(),
                TextColumn("{task.fields[rate]} files/s"),
                TimeRemainingColumn(),
                console=Console(stderr=True),
                transient=True,
            )
            bar.start()
            state["bar"], state["task"] = bar, bar.add_task(label, total=total, rate="-")
        state["bar"].update(state["task"], completed=done, rate=f"{done / max(elapsed, 1e-6):.0f}")

    try:
        yield update
    finally:
        if "bar" in state:
            state["bar"].stop()
