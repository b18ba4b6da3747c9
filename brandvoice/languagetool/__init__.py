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
import time
from dataclasses import dataclass
from pathlib import Path

from brandvoice.errors import BrandvoiceError
from brandvoice.i18n import N_, _
from brandvoice.languages.packs import PACKS

LT_VERSION = "6.8"
DEFAULT_LANGUAGES = tuple(PACKS)  # every language pack's (brandvoice/languages)
# LanguageTool 6.8's server cannot start without these: its language identifier loads them
# (CommonWordsDetector looks up es, ca and pt at class initialisation).
IDENTIFIER_LANGUAGES = ("es", "ca", "pt")

URL_ENV = "BRANDVOICE_LANGUAGETOOL_URL"
HOME_ENV = "BRANDVOICE_LANGUAGETOOL_HOME"
PUBLIC_API_URL = "https://api.languagetool.org"
CONNECT_TIMEOUT_ENV = "BRANDVOICE_LANGUAGETOOL_CONNECT_TIMEOUT"
TIMEOUT_ENV = "BRANDVOICE_LANGUAGETOOL_TIMEOUT"
BUDGET_ENV = "BRANDVOICE_LANGUAGETOOL_BUDGET"

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


@dataclass(frozen=True)
class RequestLimits:
    connect: float  # seconds to connect
    request: float  # seconds for one request, its whole answer included (a slow drip is cut too)
    budget: float  # seconds for all the requests of one run


def _seconds(env: str, default: float) -> float:
    value = os.environ.get(env)
    try:
        return float(value) if value else default
    except ValueError:
        raise BrandvoiceError(_("{setting}: give a number of seconds").format(setting=f"{env}={value!r}")) from None


def request_limits() -> RequestLimits:
    return RequestLimits(
        connect=_seconds(CONNECT_TIMEOUT_ENV, 5.0),
        request=_seconds(TIMEOUT_ENV, 120.0),
        budget=_seconds(BUDGET_ENV, 1800.0),
    )


_run_deadline: float | None = None


def begin_run() -> None:
    """A check run starts: its LanguageTool requests together get `budget` seconds from now."""
    global _run_deadline
    _run_deadline = time.monotonic() + request_limits().budget


def run_deadline() -> float | None:
    return _run_deadline


def is_local(url: str) -> bool:
    """Whether a URL's host is this machine: every address it resolves to is a loopback (or the
    unspecified address, which connects here). Decided on the addresses, not the spelling:
    `localhost.`, `127.1`, `0.0.0.0`, `0`, `[::1]` are all local."""
    import ipaddress
    import socket
    from urllib.parse import urlsplit

    try:
        host = urlsplit(url).hostname or ""
    except ValueError:
        return False
    host = host[:-1] if host.endswith(".") else host  # `localhost.` is the fully qualified `localhost`
    if not host:
        return False
    if host == "localhost" or host.endswith(".localhost"):
        return True  # always loopback (RFC 6761), whatever a resolver says
    try:
        addresses = {info[4][0] for info in socket.getaddrinfo(host, None, proto=socket.IPPROTO_TCP)}
    except (OSError, UnicodeError):
        return False
    try:
        ips = [ipaddress.ip_address(a.split("%", 1)[0]) for a in addresses]
    except ValueError:
        return False
    return bool(ips) and all(ip.is_loopback or ip.is_unspecified for ip in ips)
