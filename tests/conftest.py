import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

# Tests never read results cached by a developer's runs, and never talk to a resident server
# unless a test starts one itself.
os.environ.setdefault("BRANDVOICE_CACHE_DIR", tempfile.mkdtemp(prefix="brandvoice-test-cache-"))
os.environ["BRANDVOICE_NO_SERVER"] = "1"

# The interface language never depends on the machine's locale: English unless a test asks
# (LANG=fr_FR.UTF-8 in a subprocess's environment, or --ui-lang).
for _variable in ("LC_ALL", "LC_MESSAGES", "LANGUAGE"):
    os.environ.pop(_variable, None)
os.environ["LANG"] = "C.UTF-8"

import pytest  # noqa: E402

# --- LanguageTool (issue 3): the real server fixtures live in languagetool_fixtures.py ---
from languagetool_fixtures import languagetool_server, private_manager  # noqa: E402,F401


@pytest.fixture(autouse=True)
def _interface_language_reset():
    """A command run in this process (`cli.entry.run`) sets the interface language: not for the
    next test."""
    yield
    from brandvoice.i18n import set_ui_locale

    set_ui_locale(None)
