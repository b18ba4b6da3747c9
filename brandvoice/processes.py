"""Whether a process still runs."""

from __future__ import annotations


def alive(pid: int) -> bool:
    """True while the process runs. A zombie is dead: a detached server's parent may be an init
    that reaps its children late, and `kill(pid, 0)` still succeeds on them."""
    import psutil

    try:
        return psutil.Process(pid).status() != psutil.STATUS_ZOMBIE
    except (psutil.Error, ValueError):
        return False
