"""LanguageTool fixtures (imported by conftest.py): the real shared server, and private servers.

`languagetool_server` installs LanguageTool (a no-op when the jars are cached) and starts the
shared per-user server, or reuses the one already running. It is left running for the next run
(it stops itself when idle), except in CI (`CI` set), where nothing else shares it: stopped there.

`private_manager` gives a test its own server state folder (same jars): tests that kill, stop or
block a server never touch the shared one other runs use.
"""

from __future__ import annotations

import os

import pytest


@pytest.fixture(scope="session")
def languagetool_server():
    from brandvoice.languagetool import DEFAULT_LANGUAGES, LanguageToolUnavailable
    from brandvoice.languagetool.install import install
    from brandvoice.languagetool.server import ServerManager

    os.environ.pop("BRANDVOICE_LANGUAGETOOL_URL", None)  # the tests check the real local server
    try:
        install(DEFAULT_LANGUAGES)  # every language pack's
        manager = ServerManager()
        state = manager.ensure_running(DEFAULT_LANGUAGES)
    except LanguageToolUnavailable as exc:
        pytest.fail(f"LanguageTool is needed by these tests: {exc}")
    yield state
    if os.environ.get("CI"):
        manager.stop()


@pytest.fixture
def private_manager(tmp_path, languagetool_server):
    """A ServerManager with its own state folder; whatever it started is stopped afterwards."""
    from brandvoice.languagetool.server import ServerManager

    manager = ServerManager(tmp_path / "lt-state", prewarm=False)
    yield manager
    manager.stop()
