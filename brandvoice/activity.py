"""The slow first-time steps of a run (starting LanguageTool, loading a spaCy model), announced to
whoever listens: the CLI shows them on a terminal, so a first check after boot is never a silent
wait. Nothing is printed here; steps may run in several threads at once."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager

Listener = Callable[[list[str]], None]  # called with the steps under way, oldest first

_lock = threading.Lock()
_steps: list[str] = []
_listeners: list[Listener] = []


@contextmanager
def step(label: str) -> Iterator[None]:
    _changed(lambda: _steps.append(label))
    try:
        yield
    finally:
        _changed(lambda: _steps.remove(label))


@contextmanager
def listening(listener: Listener) -> Iterator[None]:
    with _lock:
        _listeners.append(listener)
    try:
        yield
    finally:
        with _lock:
            _listeners.remove(listener)


def _changed(change: Callable[[], None]) -> None:
    with _lock:
        change()
        steps, listeners = list(_steps), list(_listeners)
    for listener in listeners:
        listener(steps)
