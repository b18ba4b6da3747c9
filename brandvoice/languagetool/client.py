"""Sending prose to a LanguageTool server and getting matches back in prose offsets.

Requests go straight to LanguageTool's HTTP API (`POST /v2/check`) with httpx rather than through
language-tool-python: its `check()` only sends `text`, while we need the `data` parameter
(annotated text) to stand a placeholder where the Markdown parser removed inline code or an
image, with offsets kept in our coordinates; and one thread-safe connection pool for many
concurrent requests. LanguageTool reports offsets in UTF-16 code units; they are converted to
code points here.

Which server: an explicit URL (`--languagetool-url`, `BRANDVOICE_LANGUAGETOOL_URL`), else the
shared local server (started if needed). The public API is used only when its URL is given. A
server on this machine (any loopback or unspecified address the host name resolves to, however it
is spelled) is reached directly, never through an HTTP(S)_PROXY.

A server that fails is an error naming it, never a check without grammar: every answer is checked
for LanguageTool's shape (a list of languages; `matches` inside the text sent, complete results),
and time is bounded: a connect timeout, a limit per request that also ends an answer dripping
byte by byte, and a budget for all of a run's requests (`request_limits`). The first request that
fails ends the run's others.
"""

from __future__ import annotations

import atexit
import bisect
import itertools
import json
import os
import threading
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass, field
from functools import partial
from typing import Any, Self

import httpx
import regex

from brandvoice.i18n import _
from brandvoice.languagetool import (
    BUDGET_ENV,
    INSTALL_HINT,
    cache_root,
    PUBLIC_API_URL,
    URL_ENV,
    LanguageToolUnavailable,
    is_local,
    request_limits,
    run_deadline,
)
from brandvoice.languages.packs import pack_for
from brandvoice.parsing.prose import ProseText
from brandvoice.parsing.social import SocialSpan

CONCURRENCY_ENV = "BRANDVOICE_LANGUAGETOOL_CONCURRENCY"
DEFAULT_CONCURRENCY = 4
MAX_CHUNK = 10_000  # characters per request: under our server's limit and the public API's (20 KB)
MAX_ANSWER_BYTES = 64 * 1024 * 1024  # far above any real answer for MAX_CHUNK characters
PLACEHOLDER = "X"  # stands for inline code and images: a neutral, capitalised token in en and fr


@dataclass(frozen=True)
class CheckOptions:
    """Per-request LanguageTool parameters (from the guide's `grammar` section)."""

    language: str
    disabled_rules: tuple[str, ...] = ()
    enabled_rules: tuple[str, ...] = ()
    disabled_categories: tuple[str, ...] = ()
    picky: bool = False
    mother_tongue: str | None = None


@dataclass(frozen=True)
class LTMatch:
    """One LanguageTool match, in code-point offsets of the prose text."""

    start: int
    end: int
    rule_id: str
    message: str
    issue_type: str
    category_id: str
    category_name: str = ""
    replacements: tuple[str, ...] = ()
    short_message: str = ""


@dataclass
class Chunk:
    """A slice of the prose sent as one request, with the points where markup was removed and the
    spans LanguageTool reads as a stand-in word (an e-mail address, a mention inside a sentence)."""

    start: int
    text: str
    placeholders: tuple[int, ...] = ()  # offsets in `text`
    stand_ins: tuple[tuple[int, int, str], ...] = ()  # (start, end) in `text`, and the word read there


@dataclass
class ProseCheck:
    """The result for one prose text: matches, plus the removed-markup points (for filtering)."""

    matches: list[LTMatch] = field(default_factory=list)
    placeholders: tuple[int, ...] = ()


def configured_url(explicit: str | None = None) -> str | None:
    """The server URL the user configured, if any (`public` is a shorthand for the public API)."""
    url = explicit or os.environ.get(URL_ENV) or None
    if url and url.strip().lower() == "public":
        return PUBLIC_API_URL
    return url.rstrip("/") if url else None


class LanguageToolClient:
    """A connection to one server. `manager` (for the shared local server) allows one restart."""

    def __init__(
        self, url: str, manager: Any = None, concurrency: int | None = None, languages: tuple[str, ...] = ()
    ) -> None:
        self.url = url.rstrip("/")
        self.manager = manager
        self.server_languages = languages  # what the local server must load (for a restart)
        self.concurrency = concurrency or int(os.environ.get(CONCURRENCY_ENV, DEFAULT_CONCURRENCY))
        self._local = is_local(self.url)  # drafts to this machine never go through an HTTP(S)_PROXY
        self._http = self._new_http()
        self._restart_lock = threading.Lock()
        self._restarted = False
        self._languages: set[str] | None = None

    @classmethod
    def connect(
        cls, url: str | None = None, languages: Sequence[str] = (), first: Sequence[tuple[ProseText, CheckOptions]] = ()
    ) -> LanguageToolClient:
        """The process's client for the configured server, or for the shared local one (started
        if needed, and then warmed up with the run's `first` texts). Clients are kept per server:
        connections and the language list are reused."""
        configured = configured_url(url)
        needed = tuple(sorted({code.split("-")[0].lower() for code in languages if code != "auto"}))
        with _CLIENTS_LOCK:
            if configured:
                if configured not in _CLIENTS:
                    _CLIENTS[configured] = cls(configured)
                return _CLIENTS[configured]
            from brandvoice.languagetool.server import ServerManager

            manager = ServerManager()
            client = _CLIENTS.get(("local", str(manager.state_dir)))
            state = manager.read_state()
            if client and state and state.url == client.url and set(needed) <= set(client.server_languages):
                manager.touch()  # known to be up a moment ago; a dead server is restarted on first error
                client._restarted = False  # one restart per run, also in a long-lived process
                return client
            state = manager.ensure_running(needed, warm_up=partial(_warm_up, first=first) if first else None)
            if client is None or client.url != state.url or not set(needed) <= set(client.server_languages):
                client = cls(state.url, manager, languages=tuple(sorted(set(needed) | set(state.languages))))
                _CLIENTS[("local", str(manager.state_dir))] = client
            return client

    def _new_http(self) -> httpx.Client:
        return httpx.Client(limits=httpx.Limits(max_connections=self.concurrency * 2), trust_env=not self._local)

    def _abandon(self) -> None:
        """A request failed: close the connections so the run's other requests end now."""
        old, self._http = self._http, self._new_http()
        old.close()

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- HTTP -----------------------------------------------------------------------------------
    def _hint(self) -> str:
        if self.manager is not None:
            return _("see `brandvoice languagetool status`, or restart it (`stop`, then `start`)")
        return _("check that server (--languagetool-url or {setting}), or pass --no-grammar").format(setting=URL_ENV)

    def _request(self, method: str, path: str, **kwargs: Any) -> tuple[int, bytes]:
        """One request's status and body; if the shared local server died, restart it once and retry."""
        url = self.url
        try:
            return self._exchange(url, method, path, **kwargs)
        except (httpx.ConnectError, httpx.RemoteProtocolError, httpx.ReadError) as exc:
            if not self._restart(url):
                hint = _(INSTALL_HINT) if self.manager is not None else self._hint()
                raise LanguageToolUnavailable(_("LanguageTool at {url} is unreachable ({problem}); {hint}").format(
                    url=url, problem=exc, hint=hint)) from None
            try:
                return self._exchange(self.url, method, path, **kwargs)
            except httpx.HTTPError as exc2:
                raise LanguageToolUnavailable(_("LanguageTool at {url} failed after a restart: {problem}").format(
                    url=self.url, problem=exc2)) from None

    def _exchange(self, url: str, method: str, path: str, **kwargs: Any) -> tuple[int, bytes]:
        """Send and read the whole answer within the request limit and the run's budget."""
        limits = request_limits()
        now = time.monotonic()
        deadline = now + limits.request
        run_end = run_deadline()
        if run_end is not None and run_end < deadline:
            deadline = run_end
            if deadline <= now:
                raise LanguageToolUnavailable(_(
                    "LanguageTool at {url}: this run's {seconds} s for grammar checks are spent ({setting} gives more); {hint}"
                ).format(url=url, seconds=f"{limits.budget:.0f}", setting=BUDGET_ENV, hint=self._hint()))
        left = deadline - now
        timeout = httpx.Timeout(left, connect=min(limits.connect, left))
        try:
            with self._http.stream(method, f"{url}{path}", timeout=timeout, **kwargs) as response:
                body = bytearray()
                for piece in response.iter_bytes():
                    body += piece
                    if len(body) > MAX_ANSWER_BYTES:
                        raise LanguageToolUnavailable(
                            _("LanguageTool at {url} answered {path} with more than {size} MB; {hint}").format(
                                url=url, path=path, size=MAX_ANSWER_BYTES // 2**20, hint=self._hint())
                        )
                    if time.monotonic() > deadline:
                        raise httpx.ReadTimeout("answer too slow")
                status = response.status_code
        except httpx.TimeoutException:
            raise LanguageToolUnavailable(
                _("LanguageTool at {url} did not answer {path} within {seconds} s; {hint}").format(
                    url=url, path=path, seconds=f"{left:.0f}", hint=self._hint())
            ) from None
        if self.manager is not None:
            self.manager.touch()
        return status, bytes(body)

    def _json(self, path: str, status: int, body: bytes) -> Any:
        if status != 200:
            raise LanguageToolError(status, body.decode("utf-8", "replace").strip()[:300], self.url, path)
        try:
            return json.loads(body)
        except ValueError:
            snippet = body[:120].decode("utf-8", "replace")
            raise self._not_languagetool(path, _("not JSON ({snippet})").format(snippet=repr(snippet))) from None

    def _not_languagetool(self, path: str, why: str) -> LanguageToolUnavailable:
        return LanguageToolUnavailable(
            _("LanguageTool at {url} answered {path} with something LanguageTool does not send: {why}; {hint}").format(
                url=self.url, path=path, why=why, hint=self._hint())
        )

    def _restart(self, failed_url: str) -> bool:
        if self.manager is None:
            return False
        with self._restart_lock:
            if self.url != failed_url:  # another thread already restarted it
                return True
            if self._restarted:
                return False
            self._restarted = True
            state = self.manager.ensure_running(self.server_languages)
            self.url = state.url
            return True

    def languages(self) -> set[str]:
        """Language codes the server knows (`fr`, `fr-FR`, `en-US`...)."""
        if self._languages is None:
            answer = self._json("/v2/languages", *self._request("GET", "/v2/languages"))
            if not isinstance(answer, list) or not answer or not all(isinstance(e, dict) for e in answer):
                raise self._not_languagetool("/v2/languages", _("no list of languages"))
            codes = {str(entry.get(key, "")) for entry in answer for key in ("code", "longCode")}
            self._languages = codes - {""}
        return self._languages

    def server_language(self, language: str) -> str:
        """The code to send for a brandvoice language, or an error saying what to install."""
        if language == "auto":
            return "auto"
        known = self.languages()
        if language in known:
            return language
        base = language.split("-")[0].lower()
        if base in known and base != "en":  # bare `en` has no spell checker: never fall back to it
            return base
        fix = (
            _("run `{command}`").format(command=f"brandvoice languagetool install --languages en,fr,{base}")
            if self.manager is not None or self._local
            else _("use a server with that language")
        )
        raise LanguageToolUnavailable(_("the LanguageTool server at {url} has no {language} support: {fix}").format(
            url=self.url, language=language, fix=fix))

    def check_raw(self, text: str, options: CheckOptions, data: dict | None = None) -> dict:
        """`POST /v2/check` as LanguageTool answers it (also used by the parity test)."""
        params: dict[str, str] = {"language": self.server_language(options.language)}
        if data is not None:
            params["data"] = json.dumps(data, ensure_ascii=False)
        else:
            params["text"] = text
        if params["language"] == "auto":
            params["preferredVariants"] = "en-US,fr-FR"
        if options.mother_tongue:
            params["motherTongue"] = options.mother_tongue
        if options.disabled_rules:
            params["disabledRules"] = ",".join(options.disabled_rules)
        if options.enabled_rules:
            params["enabledRules"] = ",".join(options.enabled_rules)
        if options.disabled_categories:
            params["disabledCategories"] = ",".join(options.disabled_categories)
        if options.picky:
            params["level"] = "picky"
        return self._json("/v2/check", *self._request("POST", "/v2/check", data=params))

    # -- prose ----------------------------------------------------------------------------------
    def check_chunk(self, chunk: Chunk, options: CheckOptions) -> list[LTMatch]:
        if chunk.placeholders or chunk.stand_ins:
            try:
                answer = self.check_raw(chunk.text, options, data=annotate(chunk))
            except LanguageToolError as exc:
                if exc.status < 500:
                    raise
                # LanguageTool 6.8 can fail on a match inside zero-width markup: fall back to the
                # plain text; matches around the removed markup are dropped by the caller anyway
                answer = self.check_raw(chunk.text, options)
        else:
            answer = self.check_raw(chunk.text, options)
        to_code_points = utf16_to_code_points(chunk.text)
        found = []
        for m in self._matches(answer, chunk.text):
            start = to_code_points(m["offset"]) + chunk.start
            end = to_code_points(m["offset"] + m["length"]) + chunk.start
            rule = m.get("rule") or {}
            category = rule.get("category") or {}
            found.append(
                LTMatch(
                    start=start,
                    end=end,
                    rule_id=rule.get("id", "UNKNOWN"),
                    message=m.get("message", ""),
                    issue_type=rule.get("issueType", ""),
                    category_id=category.get("id", ""),
                    category_name=category.get("name", ""),
                    replacements=_written_back(chunk, start - chunk.start, end - chunk.start,
                                               tuple(r["value"] for r in m.get("replacements", [])[:5])),
                    short_message=m.get("shortMessage", ""),
                )
            )
        return found

    def _matches(self, answer: Any, text: str) -> list[dict]:
        """LanguageTool's matches, each checked to lie inside the text sent; anything else (no
        `matches`, incomplete results, a match outside the text) is an error, never a silent
        check without grammar."""
        if not isinstance(answer, dict) or not isinstance(answer.get("matches"), list):
            raise self._not_languagetool("/v2/check", _("no list of `matches`"))
        warnings = answer.get("warnings")
        if isinstance(warnings, dict) and warnings.get("incompleteResults"):
            raise LanguageToolUnavailable(
                _("LanguageTool at {url} could not check the whole text in time (incomplete results); {hint}").format(
                    url=self.url, hint=self._hint())
            )
        length = len(text.encode("utf-16-le")) // 2  # Java's offsets count UTF-16 code units
        for m in answer["matches"]:
            offset, size = (m.get("offset"), m.get("length")) if isinstance(m, dict) else (None, None)
            if not all(isinstance(v, int) and not isinstance(v, bool) and v >= 0 for v in (offset, size)):
                raise self._not_languagetool("/v2/check", _("a match without offset and length ({match})").format(
                    match=str(m)[:80]))
            if offset + size > length:
                raise self._not_languagetool("/v2/check", _("a match at {offset}+{size}, outside the {length}-unit text").format(
                    offset=offset, size=size, length=length))
            rule, replacements = m.get("rule", {}), m.get("replacements", [])
            if not isinstance(rule, dict) or not isinstance(replacements, list) or not all(
                isinstance(r, dict) and isinstance(r.get("value"), str) for r in replacements
            ):
                raise self._not_languagetool("/v2/check", _("a malformed match ({match})").format(match=str(m)[:80]))
        return answer["matches"]

    def check_prose(self, prose: ProseText, options: CheckOptions) -> ProseCheck:
        chunks = split_prose(prose, options.language)
        result = ProseCheck(placeholders=tuple(c.start + p for c in chunks for p in c.placeholders))
        for chunk in chunks:
            result.matches.extend(self.check_chunk(chunk, options))
        return result

    def check_many(self, items: Sequence[tuple[ProseText, CheckOptions]]) -> list[ProseCheck]:
        """Check many texts concurrently (chunk by chunk, within the client's concurrency)."""
        plans = [(split_prose(prose, options.language), options) for prose, options in items]
        jobs = [(i, chunk, options) for i, (chunks, options) in enumerate(plans) for chunk in chunks]
        results = [
            ProseCheck(placeholders=tuple(c.start + p for c in chunks for p in c.placeholders)) for chunks, _ in plans
        ]
        if not jobs:
            return results
        run: Callable[[tuple[int, Chunk, CheckOptions]], list[LTMatch]] = lambda job: self.check_chunk(job[1], job[2])
        if len(jobs) == 1 or self.concurrency <= 1:
            answers = [run(job) for job in jobs]
        else:
            pool = ThreadPoolExecutor(max_workers=min(self.concurrency, len(jobs)), thread_name_prefix="lt")
            futures = [pool.submit(run, job) for job in jobs]
            try:
                for future in as_completed(futures):
                    future.result()  # the first failure ends the run: no waiting for the others
            except BaseException:
                pool.shutdown(wait=False, cancel_futures=True)
                self._abandon()
                raise
            pool.shutdown()
            answers = [future.result() for future in futures]
        for (i, _chunk, _options), matches in zip(jobs, answers):
            results[i].matches.extend(matches)
        for result in results:
            result.matches.sort(key=lambda m: (m.start, m.end, m.rule_id))
        return results


def _warm_up(url: str, first: Sequence[tuple[ProseText, CheckOptions]]) -> None:
    """Warm a server just started with the first request of each language the run will send: a
    pipeline is built per set of options (a warm-up with other options costs the run a second
    build, 1.3–1.8 s), and the run's own request is then answered from the sentence cache."""
    firsts: dict[str, tuple[ProseText, CheckOptions]] = {}
    for prose, options in first:
        firsts.setdefault(options.language, (prose, options))
    client = LanguageToolClient(url)
    try:
        for prose, options in firsts.values():
            chunks = split_prose(prose, options.language)
            if chunks:
                client.check_chunk(chunks[0], options)
    except (LanguageToolUnavailable, LanguageToolError, httpx.HTTPError):
        pass  # the run's own request meets the problem and reports it
    finally:
        client.close()


_CLIENTS: dict[Any, LanguageToolClient] = {}
_CLIENTS_LOCK = threading.Lock()


@atexit.register
def _close_clients() -> None:
    for client in _CLIENTS.values():
        client.close()


class LanguageToolError(LanguageToolUnavailable):
    """The server answered with an error status."""

    def __init__(self, status: int, body: str, url: str = "", path: str = "") -> None:
        self.status = status
        where = _(" at {url}").format(url=url) if url else ""
        super().__init__(_("LanguageTool{where} answered {path} with HTTP {status}: {body}").format(
            where=where, path=path or _("a request"), status=status, body=body))


def utf16_to_code_points(text: str) -> Callable[[int], int]:
    """Map a UTF-16 offset in `text` (what Java reports) to a code-point offset."""
    if all(ord(c) < 0x10000 for c in text):
        return lambda offset: offset
    table = []
    for index, char in enumerate(text):
        table.append(index)
        if ord(char) >= 0x10000:
            table.append(index)  # the low surrogate belongs to the same code point
    table.append(len(text))
    return lambda offset: table[min(offset, len(table) - 1)]


def _written_back(chunk: Chunk, start: int, end: int, replacements: tuple[str, ...]) -> tuple[str, ...]:
    """Suggestions for a match over a stand-in name, with the token written back in place of the
    name ("Sam's" → "@Apple's"), so a fix never writes the stand-in."""
    for a, b, word in chunk.stand_ins:
        if a < end and start < b:
            token = chunk.text[a:b]
            replacements = tuple(r.replace(word, token, 1) for r in replacements)
    return replacements


def annotate(chunk: Chunk) -> dict:
    """LanguageTool's annotated text: prose as text; a zero-width markup read as a placeholder
    where inline code or an image was removed (so "Run `npm` now" reads "Run X now"); an e-mail
    address or a mention as markup read as a name (so "Écrivez-nous a contact@x.fr" reads
    "Écrivez-nous a Marie", and its a/à error is found)."""
    points = [(point, point, PLACEHOLDER) for point in chunk.placeholders]
    parts: list[dict[str, str]] = []
    pos = 0
    for start, end, word in sorted([*points, *chunk.stand_ins]):
        if start > pos:
            parts.append({"text": chunk.text[pos:start]})
        parts.append({"markup": chunk.text[start:end], "interpretAs": word})
        pos = max(pos, end)
    if pos < len(chunk.text):
        parts.append({"text": chunk.text[pos:]})
    return {"annotation": parts}


def removed_markup_points(prose: ProseText) -> list[int]:
    """Prose offsets where inline code or an image was taken out of the text."""
    points = []
    for piece in prose.pieces:
        if piece.markup and piece.prose_length == 0 and piece.source_length:
            source = prose.source[piece.source_start : piece.source_start + piece.source_length].lstrip()
            if source.startswith(("`", "![")):
                points.append(piece.prose_start)
    return points


def stand_ins(prose: ProseText, language: str) -> list[tuple[int, int, str]]:
    """The social spans LanguageTool should read as a word of the sentence, with that word: an
    e-mail address, and a mention inside a sentence, are a person ("Écrivez à contact@…", "Merci à
    @marie pour…"); the language pack names the person (a short name starting with a consonant, so
    no article or elision rule fires on it). A mention that addresses a reply (at the start of a
    line) or stands in a run of mentions is no part of a sentence, and a URL is read as the URL it
    is: both are sent as written. A URL glued to the text before it is read after a space, so the
    quote or word it touches stays what it is (`…pipeline"https://t.co/…` closes a quotation)."""
    text = prose.text
    found = [(s.start, s.end, " " + s.text) for s in prose.spans_of("url") if text[s.start - 1 : s.start].strip()]
    pack = pack_for(language)
    name = pack.stand_in_name if pack else None
    if not name:
        return found
    spans = prose.spans_of("email", "mention")
    for i, span in enumerate(spans):
        if span.kind == "mention":
            line = text[text.rfind("\n", 0, span.start) + 1 : span.start]
            beside = [other for other in spans[max(0, i - 1) : i + 2] if other is not span and other.kind == "mention"]
            if not regex.search(r"[\p{L}\p{N}]", line) or any(_adjacent(text, span, other) for other in beside):
                continue
        found.append((span.start, span.end, name))
    return sorted(found)


def _adjacent(text: str, a: SocialSpan, b: SocialSpan) -> bool:
    first, second = sorted((a, b), key=lambda s: s.start)
    return not text[first.end : second.start].strip()


def split_prose(prose: ProseText, language: str = "", max_chunk: int = MAX_CHUNK) -> list[Chunk]:
    """The prose as requests of at most `max_chunk` characters, cut between paragraphs (or between
    sentences, or at a space, for a paragraph longer than that)."""
    text = prose.text
    if not text.strip():
        return []
    points = removed_markup_points(prose)
    words = stand_ins(prose, language)
    cuts = _cut_points(prose, max_chunk)
    chunks = []
    for start, end in itertools.pairwise(cuts):
        if text[start:end].strip():
            last = end + 1 if end == len(text) else end  # a point at the very end belongs to the last chunk
            inside = points[bisect.bisect_left(points, start) : bisect.bisect_left(points, last)]
            named = tuple((a - start, b - start, word) for a, b, word in words if start <= a and b <= end)
            chunks.append(Chunk(start, text[start:end], tuple(p - start for p in inside), named))
    return chunks


def _cut_points(prose: ProseText, max_chunk: int) -> list[int]:
    text = prose.text
    if len(text) <= max_chunk:
        return [0, len(text)]
    # candidate cut points, best first: paragraph starts, then sentence starts, then spaces
    paragraph_starts = [s for s, _ in prose.paragraphs]
    sentence_starts = [s for s, _ in prose.sentences]
    cuts = [0]
    while len(text) - cuts[-1] > max_chunk:
        last, limit = cuts[-1], cuts[-1] + max_chunk
        cut = None
        for candidates in (paragraph_starts, sentence_starts):
            best = bisect.bisect_right(candidates, limit) - 1  # the last start within the limit
            if best >= 0 and candidates[best] > last:
                cut = candidates[best]
                break
        if cut is None:
            space = text.rfind(" ", last + 1, limit)
            cut = space + 1 if space > last else limit
        cuts.append(cut)
    cuts.append(len(text))
    return cuts


NOTIFIED_FILE = "off-machine-servers.txt"  # servers the user was told drafts go to, one URL a line


def announce_server(url: str | None, origin: str, verbose: bool = False) -> None:
    """Say where drafts go: the first time a server off this machine is used (per user), and
    every time with `verbose`. A notice on stderr (a BrandvoiceWarning), before any request."""
    if url is None:
        if verbose:
            _notice(_("drafts are checked by the shared LanguageTool server on this machine (127.0.0.1 only)"))
        return
    target = configured_url(url) or url
    if is_local(target):
        if verbose:
            _notice(_("drafts are checked by the LanguageTool server at {url}, on this machine (set by {origin})").format(
                url=target, origin=_(origin)))
        return
    notified = cache_root() / NOTIFIED_FILE
    try:
        known = set(notified.read_text(encoding="utf-8").split())
    except OSError:
        known = set()
    if target in known and not verbose:
        return
    _notice(
        _("drafts are sent to the LanguageTool server at {url}, off this machine (set by {origin})").format(
            url=target, origin=_(origin))
        + ("" if verbose else _("; said once per server, every run with --verbose"))
    )
    try:
        notified.parent.mkdir(parents=True, exist_ok=True)
        with open(notified, "a", encoding="utf-8") as handle:
            handle.write(target + "\n")
    except OSError:
        pass  # then it is said again next time: better than never


def _notice(message: str) -> None:
    """A notice on stderr every time it is given (Python shows a repeated warning only once)."""
    import warnings

    from brandvoice.errors import BrandvoiceWarning

    with warnings.catch_warnings():
        warnings.simplefilter("always", BrandvoiceWarning)
        warnings.warn(BrandvoiceWarning(message), stacklevel=3)
