"""The resident brandvoice server: keeps spaCy pipelines and the LanguageTool connection warm so a
`check` from a pre-commit hook or an editor answers in a blink. The CLI is a thin client over a
Unix socket (user-only permissions, no network port)."""

import os


def turned_off(argv: list[str]) -> bool:
    """`--no-server` or `BRANDVOICE_NO_SERVER`: the run neither uses nor starts the server (asked
    before the client is imported)."""
    return bool(os.environ.get("BRANDVOICE_NO_SERVER")) or "--no-server" in argv
