"""LanguageTool for brandvoice: installed from Maven Central, one shared local server, a client.

- `install`: resolves the pinned LanguageTool release and its language modules into a per-user
  cache folder (`brandvoice languagetool install`);
- `server`: starts, reuses and stops ONE local server per user (127.0.0.1 only, idle timeout);
- `client`: sends texts to a server (local or configured) and returns matches in prose offsets;
- `section`: the guide's `grammar:` section and the rules it builds.

Nothing here is imported unless a grammar rule runs or a `languagetool` command is used.
"""

from __future__ import annotations

import os
from pathlib import Path

from brandvoice.errors import BrandvoiceError
from brandvoice.i18n import N_
from brandvoice.languages.packs import PACKS

LT_VERSION = "6.8"
DEFAULT_LANGUAGES = tuple(PACKS)  # every language pack's (brandvoice/languages)
# LanguageTool 6.8's server cannot start without these: its language identifier loads them
# (CommonWordsDetector looks up es, ca and pt at class initialisation).
IDENTIFIER_LANGUAGES = ("es", "ca", "pt")

URL_ENV = "BRANDVOICE_LANGUAGETOOL_URL"
HOME_ENV = "BRANDVOICE_LANGUAGETOOL_HOME"
PUBLIC_API_URL = "https://api.languagetool.org"

INSTALL_HINT = N_("run `brandvoice languagetool install` (needs Java 17+ and Maven), or pass --no-grammar")  # say it with _()


class LanguageToolUnavailable(BrandvoiceError):
    """Grammar checking was asked for but no LanguageTool server can be used."""


def cache_root() -> Path:
    """Where jars and the shared server's state live: per user, overridable for tests and CI."""
    override = os.environ.get(HOME_ENV)
    if override:
        return Path(override)
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("brandvoice")) / "languagetool"
