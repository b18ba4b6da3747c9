import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

# Tests never read results cached by a developer's runs, and never talk to a resident server
# unless a test starts one itself.
os.environ.setdefault("BRANDVOICE_CACHE_DIR", tempfile.mkdtemp(prefix="brandvoice-test-cache-"))
os.environ["BRANDVOICE_NO_SERVER"] = "1"

# --- LanguageTool (issue 3): the real server fixtures live in languagetool_fixtures.py ---
from languagetool_fixtures import languagetool_server, private_manager  # noqa: E402,F401
