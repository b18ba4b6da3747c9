"""The rule engine: runs a guide's rules over parsed documents and locates what they find.

Kinds see prose; the engine owns everything else: batch preparation of the heavy services rules
need (one spaCy pass and one round of LanguageTool requests per batch of texts, overlapping), rule ids and levels (a kind may report finer ids through
`params`, e.g. LanguageTool's), message templates, source positions through the offset table,
suppression comments, rule selection, and de-duplication.
"""

from __future__ import annotations

import importlib

from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from brandvoice.findings import FileResult, Finding, Level, Match
from brandvoice.guides.model import ResolvedGuide, Rule
from brandvoice.parsing.document import Document, rule_matches
from brandvoice.rules.base import CheckContext, rule_needs
from brandvoice.rules.words import PatternTimeout

if TYPE_CHECKING:
    from brandvoice.cache import ResultCache

_LINK_KINDS = ("url", "email")
UNCHECKED_RULE = "brandvoice.unchecked"  # content or rules that could not be checked: said, never silent
# the heavy services rules may need (`NEEDS` = {"spacy:parser"} → "spacy"), each with a batch
# hook `prepare(ctxs)` and a `fingerprint(ctx)` of what its results depend on (result cache)
SERVICES = {
    "spacy": "brandvoice.nlp.docs",
    "languagetool": "brandvoice.rules.grammar",
}
BATCH_SIZE = 256


@dataclass
class CheckItem:
    """One document to check, with everything resolved about it."""

    document: Document
    guide: ResolvedGuide
    language: str
    channels: tuple[str, ...] = ()
    brand: str | None = None
    languagetool_url: str | None = None  # None: the shared local server

    def empty_result(self) -> FileResult:
        return FileResult(
            path=self.document.path,
            brand=self.brand,
            channel=self.channels[0] if self.channels else None,
            channels=self.channels,
            language=self.language,
            source=self.document.source,
        )


@dataclass(frozen=True)
class Selection:
    """Rule selection by id or id prefix, as in ruff: `select` narrows, `ignore` removes."""

    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()

    def may_report(self, rule: Rule) -> bool:
        """Whether a rule can report anything selected. A kind reporting finer ids
        (`languagetool.<ID>`) runs unless the selection rules out its whole prefix; its
        findings are then filtered one by one."""
        if not getattr(rule.kind, "FINE_IDS", False):
            return self.allows(rule.id)
        prefix = rule.id + "."
        if any(rule_matches(s, rule.id) or s == prefix for s in self.ignore):
            return False
        return not self.select or any(rule_matches(s, rule.id) or s.startswith(prefix) for s in self.select)

    def allows(self, rule_id: str) -> bool:
        if self.select and not any(rule_matches(s, rule_id) for s in self.select):
            return False
        return not any(rule_matches(s, rule_id) for s in self.ignore)


@dataclass
class Engine:
    selection: Selection = field(default_factory=Selection)
    cache: "ResultCache | None" = None
    progress: Callable[[int, int], None] | None = None  # (files done, files in all)

    def rules_for(self, guide: ResolvedGuide) -> list[Rule]:
        return [r for r in guide.rules if self.selection.may_report(r)]

    def check(self, items: Sequence[CheckItem]) -> list[FileResult]:
        results: list[FileResult | None] = [None] * len(items)
        keys: list[str | None] = [None] * len(items)
        if self.cache is not None:
            for i, item in enumerate(items):
                keys[i] = self._cache_key(item)
                cached = self.cache.get(keys[i], item.document.source)
                if cached is not None:
                    results[i] = item.empty_result()
                    results[i].findings, results[i].metrics = cached
        todo = [i for i, r in enumerate(results) if r is None]
        done = len(items) - len(todo)
        # Batches bound memory and let progress move. The next batch's services (LanguageTool
        # requests, spaCy) are prepared in the background while this batch's rules run.
        batches = [todo[start : start + BATCH_SIZE] for start in range(0, len(todo), BATCH_SIZE)]
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="prepare-ahead") as ahead:
            pending = ahead.submit(self._prepared_batch, items, batches[0]) if batches else None
            for k, batch in enumerate(batches):
                contexts = pending.result()
                if k + 1 < len(batches):
                    pending = ahead.submit(self._prepared_batch, items, batches[k + 1])
                for i, ctx in zip(batch, contexts):
                    results[i] = self._check_one(items[i], ctx)
                    if self.cache is not None and not _timed_out(results[i]):
                        self.cache.put(keys[i], results[i])
                done += len(batch)
                if self.progress is not None:
                    self.progress(done, len(items))
        if self.cache is not None:
            self.cache.prune()
        return results

    def _prepared_batch(self, items: Sequence[CheckItem], batch: list[int]) -> list[CheckContext]:
        contexts = [self._context(items[i]) for i in batch]
        self._prepare([items[i] for i in batch], contexts)
        return contexts

    def _cache_key(self, item: CheckItem) -> str:
        doc = item.document
        ctx = self._context(item)
        engines = sorted(f"{service}:{_service_hook(service, 'fingerprint')(ctx)}" for service in self._services(item))
        return self.cache.key(
            {
                "source": doc.source,
                "markdown": doc.markdown,
                "guide": item.guide.fingerprint(),
                "language": item.language,
                "channels": list(item.channels),
                "select": list(self.selection.select),
                "ignore": list(self.selection.ignore),
                "engines": engines,
            }
        )

    def _context(self, item: CheckItem) -> CheckContext:
        doc = item.document
        return CheckContext(
            prose=doc.prose,
            language=item.language,
            guide=item.guide,
            front_matter=doc.front_matter,
            channels=item.channels,
            path=doc.path,
            languagetool_url=item.languagetool_url,
        )

    def _services(self, item: CheckItem) -> set[str]:
        """The heavy services the item's rules need (`spacy:parser` → `spacy`)."""
        return {need.split(":")[0] for rule in self.rules_for(item.guide) for need in rule_needs(rule)} & SERVICES.keys()

    def _prepare(self, items: Sequence[CheckItem], contexts: list[CheckContext]) -> None:
        """Prepare each heavy service once for all the texts whose rules need it."""
        by_service: dict[str, list[CheckContext]] = {}
        for item, ctx in zip(items, contexts):
            if item.document.suppressions.file_disabled:
                continue
            for service in self._services(item):
                by_service.setdefault(service, []).append(ctx)
        hooks = [(_service_hook(service), ctxs) for service, ctxs in by_service.items()]
        if len(hooks) <= 1:
            for prepare, ctxs in hooks:
                prepare(ctxs)
            return
        # overlap I/O-bound preparation (LanguageTool requests) with CPU-bound work (spaCy)
        with ThreadPoolExecutor(max_workers=len(hooks), thread_name_prefix="prepare") as pool:
            for future in [pool.submit(prepare, ctxs) for prepare, ctxs in hooks]:
                future.result()

    def _check_one(self, item: CheckItem, ctx: CheckContext) -> FileResult:
        doc = item.document
        result = item.empty_result()
        if doc.suppressions.file_disabled:
            return result
        seen: set[tuple[str, int, int]] = set()
        unchecked = [(u.start, u.end, f"Not checked: {u.reason}.") for u in doc.prose.unchecked]
        for rule in self.rules_for(item.guide):
            try:
                for match in rule.kind.check(ctx, rule.options):
                    finding = self._locate(item, rule, match)
                    if finding is None:
                        continue
                    key = (finding.rule, finding.offset, finding.length)
                    if key not in seen:
                        seen.add(key)
                        result.findings.append(finding)
            except PatternTimeout as exc:
                unchecked.append((0, 0, f"Rule {rule.id} not applied: {exc}."))
        result.findings = _without_echoes(result.findings)
        result.findings.extend(self._unchecked(item, unchecked))
        result.findings.sort(key=lambda f: (f.offset, f.rule))
        result.metrics.update(ctx.metrics)
        return result

    def _unchecked(self, item: CheckItem, spans: list[tuple[int, int, str]]) -> list[Finding]:
        """What could not be checked, as findings (reported whatever `--select` says: a reader
        must know; `--ignore brandvoice.unchecked` or a guide level silences them)."""
        doc = item.document
        level_name = item.guide.level_for(UNCHECKED_RULE, "warning")
        if level_name == "off" or any(rule_matches(s, UNCHECKED_RULE) for s in self.selection.ignore):
            return []
        found = []
        for start, end, message in spans:
            line, column = doc.lines.position(start)
            end_line, end_column = doc.lines.position(end)
            if doc.suppressions.suppressed(UNCHECKED_RULE, line):
                continue
            found.append(
                Finding(
                    rule=UNCHECKED_RULE, source="brandvoice", category="style", level=Level.parse(level_name),
                    message=message, line=line, column=column, end_line=end_line, end_column=end_column,
                    offset=start, length=end - start, match=doc.source[start:end], whole_document=end == start,
                )
            )
        return found

    def _locate(self, item: CheckItem, rule: Rule, match: Match) -> Finding | None:
        doc = item.document
        prose = doc.prose
        params = dict(match.params)
        rule_id = params.pop("rule_id", rule.id)
        if rule_id != rule.id:
            if not self.selection.allows(rule_id):
                return None
            # a kind reporting finer ids resolves their levels itself (most specific key first)
            level_name = params.pop("level", None) or item.guide.level_for(rule_id, rule.level)
            if level_name == "off":
                return None
        else:
            level_name = rule.level
        if not getattr(rule.kind, "SEES_LINKS", False) and prose.overlaps(match.start, match.end, _LINK_KINDS):
            return None
        span = prose.to_source(match.start, match.end)
        if span is None:  # the match touches markup (code, link target...): not prose
            return None
        offset, end = span
        line, column = doc.lines.position(offset)
        end_line, end_column = doc.lines.position(end)
        if doc.suppressions.suppressed(rule_id, line):
            return None
        matched = doc.source[offset:end]
        replacements, fix_safe = match.replacements, match.fix_safe
        if matched != prose.text[match.start : match.end] and not match.whole_document:
            # markup inside the span (a link target, `**`): a replacement would erase it
            replacements, fix_safe = (), False
        elif replacements and doc.protected.touches(offset, end):
            replacements, fix_safe = (), False  # a URL, HTML, code, a raw block: never rewritten
        message = match.message or rule.message.format_map(_Template(match=prose.text[match.start : match.end], **params))
        return Finding(
            rule=rule_id,
            source=params.pop("source", rule.source),
            category=params.pop("category", rule.category),
            level=Level.parse(level_name),
            message=message,
            line=line,
            column=column,
            end_line=end_line,
            end_column=end_column,
            offset=offset,
            length=end - offset,
            match=matched,
            replacements=replacements,
            fix_safe=fix_safe and len(replacements) == 1,
            whole_document=match.whole_document,
        )


def _timed_out(result: FileResult) -> bool:
    """A rule stopped by its time limit: the next run tries again (a busy machine is no verdict)."""
    return any(f.rule == UNCHECKED_RULE and f.whole_document for f in result.findings)


def _without_echoes(findings: list[Finding]) -> list[Finding]:
    """An external checker's finding (LanguageTool) on exactly the span of one of brandvoice's
    own is the same problem said twice ("les les"): the brand's rule speaks for it."""
    own = {(f.offset, f.length) for f in findings if f.source == "brandvoice"}
    return [f for f in findings if f.source == "brandvoice" or (f.offset, f.length) not in own]


def _service_hook(service: str, function: str = "prepare") -> Callable:
    return getattr(importlib.import_module(SERVICES[service]), function)


class _Template(dict):
    """Message placeholders a rule does not provide stay visible rather than failing."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"

