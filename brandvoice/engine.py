"""The rule engine: runs a guide's rules over parsed documents and locates what they find.

Kinds see prose; the engine owns everything else: batch preparation of the heavy services rules
need (one spaCy pass and one round of LanguageTool requests per batch of texts, overlapping), rule
ids and levels (a kind may report finer ids, e.g. LanguageTool's, in `Match.rule_id`), message
templates, source positions through the offset table, suppression comments, rule selection, and
de-duplication.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field, replace

import regex

from brandvoice.cache import ResultCache, result_key
from brandvoice.findings import FileResult, Finding, Level, Match
from brandvoice.guides.model import ResolvedGuide, Rule
from brandvoice.i18n.catalogs import SOURCE_LANGUAGE, language_code, speaks
from brandvoice.messages import Message, MessageCatalog, Phrase
from brandvoice.parsing.document import Document
from brandvoice.parsing.prose import ProseText
from brandvoice import registry
from brandvoice.rules.base import CheckContext, Service, ServiceRequest
from brandvoice.rules.words import PatternTimeout
from brandvoice.selectors import OFF, Selection, category_selector, matches

UNCHECKED_RULE = "brandvoice.unchecked"  # content or rules that could not be checked: said, never silent

_LINK_KINDS = ("url", "email")
BATCH_SIZE = 256
_NO_PROSE = ProseText.plain("")


class CheckCancelled(Exception):
    """The run's `cancelled()` said stop (an editor's text changed while it was being checked)."""


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
            post=self.document.post,
            guide=self.guide.id,
        )


@dataclass
class RuleOutcome:
    """One rule's findings on one text, and the message of its pattern time limit if it hit it."""

    findings: list[Finding] = field(default_factory=list)
    timeout: str | None = None


@dataclass
class Engine:
    selection: Selection = field(default_factory=Selection)
    cache: ResultCache | None = None
    progress: Callable[[int, int], None] | None = None  # (files done, files in all)
    services: Sequence[Service] = field(default_factory=lambda: registry.SERVICES)
    messages: MessageCatalog = field(default_factory=lambda: registry.MESSAGES)
    cancelled: Callable[[], bool] | None = None  # asked between services and rules: stop early

    _selected: dict[int, tuple[ResolvedGuide, list[Rule]]] = field(default_factory=dict, init=False, repr=False)
    _fingerprints: dict[tuple, tuple[ResolvedGuide, list[str]]] = field(default_factory=dict, init=False, repr=False)
    _service_plans: dict[int, tuple[ResolvedGuide, list]] = field(default_factory=dict, init=False, repr=False)

    def rules_for(self, guide: ResolvedGuide) -> list[Rule]:
        """The guide's rules the selection may report (worked out once per guide)."""
        known = self._selected.get(id(guide))
        if known is None or known[0] is not guide:
            known = (guide, [r for r in guide.rules if self.selection.may_report(r.id, r.kind.fine_ids)])
            self._selected[id(guide)] = known
        return list(known[1])

    def check(self, items: Sequence[CheckItem], kept_with_facts: Collection[int] = ()) -> list[FileResult]:
        """Each item's result, from the cache or checked. `kept_with_facts`: the positions of the
        items whose results the caller keeps with their file's facts (`ResultCache.put_facts`):
        no entry of their own, one file written per checked file instead of two."""
        results: list[FileResult | None] = [None] * len(items)
        keys: list[str | None] = [None] * len(items)
        if self.cache is not None:
            for i, item in enumerate(items):
                keys[i] = self.cache_key(item)
                cached = self.cache.get(keys[i], item.document)
                if cached is not None:
                    results[i] = item.empty_result()
                    results[i].findings, results[i].metrics = cached
        todo = [i for i, r in enumerate(results) if r is None]
        done = len(items) - len(todo)
        # Batches bound memory and let progress move. Services that wait on another process
        # (LanguageTool) work on the next batch in the background while this batch is parsed and
        # its rules run; CPU-bound ones (spaCy) run here, just before the rules.
        batches = [todo[start : start + BATCH_SIZE] for start in range(0, len(todo), BATCH_SIZE)]
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="prepare-ahead") as ahead:
            pending = [self._start_batch(ahead, items, batch) for batch in batches[:1]]
            for k, batch in enumerate(batches):
                contexts, waiting = pending.pop()
                if k + 1 < len(batches):
                    pending.append(self._start_batch(ahead, items, batches[k + 1]))
                self._stop_if_cancelled()
                self._prepare([items[i] for i in batch], contexts, waits=False)
                # the rules that need no waiting service run while it still works (a cold
                # LanguageTool's first check takes seconds)
                early = [self._run_rules(items[i], ctx, waiting=False) for i, ctx in zip(batch, contexts)]
                waiting.result()
                for i, ctx, outcomes in zip(batch, contexts, early):
                    results[i] = self._check_one(items[i], ctx, outcomes)
                    if self.cache is not None and i not in kept_with_facts and not results[i].cut_short:
                        self.cache.put(keys[i], results[i])
                done += len(batch)
                if self.progress is not None:
                    self.progress(done, len(items))
        if self.cache is not None:
            self.cache.prune()
        return results

    def _start_batch(self, ahead: ThreadPoolExecutor, items: Sequence[CheckItem], batch: list[int]) -> tuple[list[CheckContext], Future]:
        """The batch's contexts, and its waiting services' preparation started in the background."""
        contexts = [self._context(items[i]) for i in batch]
        return contexts, ahead.submit(self._prepare, [items[i] for i in batch], contexts, True)

    def _stop_if_cancelled(self) -> None:
        if self.cancelled is not None and self.cancelled():
            raise CheckCancelled()

    def cache_key(self, item: CheckItem) -> str:
        doc = item.document
        return self.result_key(doc.source, doc.markdown, item.guide, item.language, item.channels, item.languagetool_url)

    def result_key(
        self, source: str, markdown: bool, guide: ResolvedGuide, language: str, channels: tuple[str, ...],
        languagetool_url: str | None,
    ) -> str:
        """The result cache's key of a text checked with these settings: everything its findings
        depend on (the runner also asks it for a file it has not parsed, to trust a cached answer)."""
        return result_key(source, markdown, guide.fingerprint(), language, channels, self.selection,
                          self.engines(guide, language, languagetool_url))

    def engines(self, guide: ResolvedGuide, language: str, languagetool_url: str | None) -> list[str]:
        """The fingerprints of the services the guide's rules use for a text in this language sent
        to this server (worked out once per guide, language and server)."""
        known = self._fingerprints.get((id(guide), language, languagetool_url))
        if known is None or known[0] is not guide:
            # the fingerprints read the text's language and server, never its prose
            ctx = CheckContext(_NO_PROSE, language=language, languagetool_url=languagetool_url)
            engines = sorted(f"{s.name}:{s.fingerprint(_request(guide, ctx, s, rules))}" for s, rules in self._services(guide))
            known = (guide, engines)
            self._fingerprints[(id(guide), language, languagetool_url)] = known
        return known[1]

    def _context(self, item: CheckItem) -> CheckContext:
        doc = item.document
        return CheckContext(
            prose=doc.prose,
            language=item.language,
            front_matter=doc.front_matter,
            channels=item.channels,
            path=doc.path,
            accepted_words=item.guide.accepted_words,
            languagetool_url=item.languagetool_url,
        )

    def _services(self, guide: ResolvedGuide) -> list[tuple[Service, tuple[Rule, ...]]]:
        """The heavy services the guide's selected rules need (`spacy:parser` → spaCy), each with
        every rule of the guide that uses it (the spaCy level is the highest they need, whichever
        rules are selected); worked out once per guide."""
        known = self._service_plans.get(id(guide))
        if known is None or known[0] is not guide:
            needs = {need for rule in self.rules_for(guide) for need in rule.needs}
            plan = [
                (service, tuple(r for r in guide.rules if any(service.serves(need) for need in r.needs)))
                for service in self.services if any(service.serves(need) for need in needs)
            ]
            known = self._service_plans[id(guide)] = (guide, plan)
        return known[1]

    def _prepare(self, items: Sequence[CheckItem], contexts: list[CheckContext], waits: bool) -> None:
        """Prepare each heavy service (those that wait, or the others) once for all the texts whose
        rules need it."""
        if waits:
            self._stop_if_cancelled()
        by_service: dict[str, tuple[Service, list[ServiceRequest]]] = {}
        for item, ctx in zip(items, contexts):
            if item.document.suppressions.file_disabled:
                continue
            for service, rules in self._services(item.guide):
                if service.waits == waits:
                    request = _request(item.guide, ctx, service, rules)
                    by_service.setdefault(service.name, (service, []))[1].append(request)
        for service, requests in by_service.values():
            service.prepare(requests)

    def _run_rules(self, item: CheckItem, ctx: CheckContext, waiting: bool) -> dict[int, RuleOutcome]:
        """What each of the item's rules that need a waiting service (`waiting`), or that need
        none, found: by the rule's position in the guide's selected rules."""
        if item.document.suppressions.file_disabled:
            return {}
        waited = [service for service, _ in self._services(item.guide) if service.waits]
        outcomes: dict[int, RuleOutcome] = {}
        for position, rule in enumerate(self.rules_for(item.guide)):
            if any(service.serves(need) for service in waited for need in rule.needs) != waiting:
                continue
            self._stop_if_cancelled()
            outcome = outcomes[position] = RuleOutcome()
            try:
                for match in rule.kind.check(ctx, rule.options):
                    finding = self._locate(item, rule, match)
                    if finding is not None:
                        outcome.findings.append(finding)
            except PatternTimeout as exc:
                outcome.timeout = exc.message(rule.id)
        return outcomes

    def _check_one(self, item: CheckItem, ctx: CheckContext, early: dict[int, RuleOutcome]) -> FileResult:
        """The item's result: the rules that ran `early` and the others, in the guide's order."""
        doc = item.document
        result = item.empty_result()
        if doc.suppressions.file_disabled:
            return result
        outcomes = {**early, **self._run_rules(item, ctx, waiting=True)}
        seen: set[tuple[str, int, int]] = set()
        unchecked = [(u.start, u.end, u.reason) for u in doc.prose.unchecked]
        for position in sorted(outcomes):
            for finding in outcomes[position].findings:
                key = (finding.rule, finding.offset, finding.length)
                if key not in seen:
                    seen.add(key)
                    result.findings.append(finding)
            if outcomes[position].timeout:
                unchecked.append((0, 0, outcomes[position].timeout))
                result.cut_short = True
        result.findings = one_report_per_problem(result.findings)
        result.findings.extend(self._unchecked(item, unchecked))
        result.findings.sort(key=lambda f: (f.offset, f.rule))
        result.findings = self._hold_fixes(item, ctx, result.findings)
        result.metrics.update(ctx.metrics)
        return result

    def _unchecked(self, item: CheckItem, spans: list[tuple[int, int, str]]) -> list[Finding]:
        """What could not be checked, as findings (reported whatever `--select` says: a reader
        must know; `--ignore brandvoice.unchecked` or a guide level silences them)."""
        doc = item.document
        level_name = item.guide.levels.level_for(UNCHECKED_RULE, "warning")
        if level_name == OFF or any(matches(s, UNCHECKED_RULE) for s in self.selection.ignore):
            return []
        found = []
        language = self._builtin_language(item)
        for start, end, reason in spans:
            line, column = doc.position(start)
            end_line, end_column = doc.position(end)
            if doc.suppressions.suppressed(UNCHECKED_RULE, line):
                continue
            found.append(
                Finding(
                    rule=UNCHECKED_RULE, source="brandvoice", category="style", level=Level.parse(level_name),
                    message=self.messages.render(reason, language), message_lang=language_code(language),
                    line=line, column=column, end_line=end_line,
                    end_column=end_column, offset=start, length=end - start, match=doc.source[start:end],
                    whole_document=end == start,
                )
            )
        return found

    def _hold_fixes(self, item: CheckItem, ctx: CheckContext, findings: list[Finding]) -> list[Finding]:
        """Safe fixes a rule holds back (one that would push a post over a channel's limit) are
        reported as such and left to the writer: unsafe, with the reason after the message."""
        for rule in item.guide.rules:  # every rule of the guide: --select does not lift a limit
            if rule.kind.hold_fixes is None:
                continue
            held = {id(f): why for f, why in rule.kind.hold_fixes(ctx, rule.options, findings)}
            findings = [
                replace(f, fix_safe=False,
                        message=f"{f.message} {self.messages.render(held[id(f)], self._language_of(item, f))}")
                if id(f) in held else f
                for f in findings
            ]
        return findings

    @staticmethod
    def _builtin_language(item: CheckItem) -> str:
        """The language of brandvoice's own messages about a draft: the guide's
        `messages_language`, else the draft's; English when brandvoice does not speak it."""
        language = item.guide.messages_language or item.language
        return language if speaks(language) else SOURCE_LANGUAGE

    @staticmethod
    def _language_of(item: CheckItem, finding: Finding) -> str:
        """The language to add to a finding's message in: its own (the draft's locale when they
        agree, for its numbers), English when brandvoice does not speak it."""
        if language_code(item.language) == finding.message_lang:
            return item.language
        return finding.message_lang if speaks(finding.message_lang) else SOURCE_LANGUAGE

    def _locate(self, item: CheckItem, rule: Rule, match: Match) -> Finding | None:
        doc = item.document
        prose = doc.prose
        rule_id = match.rule_id or rule.id
        level_name = rule.level
        if rule_id != rule.id:
            if not self.selection.allows(rule_id):
                return None
            # finer ids take their level from the guide's `levels`, most specific key first
            namespace = rule_id.rpartition(".")[0]
            categories = [category_selector(namespace, c) for c in (match.source_category, match.category) if c]
            level_name = item.guide.levels.level_for(rule_id, match.level or rule.level, categories)
            if level_name == OFF:
                return None
        if not rule.kind.sees_links and prose.overlaps(match.start, match.end, _LINK_KINDS):
            return None
        span = prose.to_source(match.start, match.end)
        if span is None:  # the match touches markup (code, link target...): not prose
            return None
        offset, end = span
        line, column = doc.position(offset)
        end_line, end_column = doc.position(end)
        if doc.suppressions.suppressed(rule_id, line):
            return None
        matched = doc.source[offset:end]
        replacements, fix_safe = match.replacements, match.fix_safe
        if matched != prose.text[match.start : match.end] and not match.whole_document:
            # markup inside the span (a link target, `**`): a replacement would erase it
            replacements, fix_safe = (), False
        elif replacements and doc.protected.touches(offset, end):
            replacements, fix_safe = (), False  # a URL, HTML, code, a raw block: never rewritten
        message, message_lang = self._message(item, rule, match)
        return Finding(
            rule=rule_id,
            source=match.source or rule.source,
            category=match.category or rule.category,
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
            message_lang=message_lang,
        )

    def _message(self, item: CheckItem, rule: Rule, match: Match) -> tuple[str, str]:
        """A finding's message and its language. A guide's own `message:` wins, as its author wrote
        it (with the kind's values as placeholders); built-in messages speak the draft's language,
        or the guide's `messages_language:`; a checker's own words (LanguageTool's) are in the
        draft's language already."""
        params = {"match": item.document.prose.text[match.start : match.end], **dict(match.params)}
        if rule.message:
            if isinstance(match.message, Message):
                params = {**dict(match.message.params), **params}
            language = item.guide.language or item.language
            return self.messages.fill(rule.message, params, language), language_code(language)
        if match.message and not isinstance(match.message, Phrase):
            return str(match.message), language_code(item.language)
        spoken = self._builtin_language(item)
        if match.message:
            return self.messages.render(match.message, spoken), language_code(spoken)
        return self.messages.text(rule.message_id, params, spoken), language_code(spoken)


def _request(guide: ResolvedGuide, ctx: CheckContext, service: Service, rules: tuple[Rule, ...]) -> ServiceRequest:
    """What `service` prepares for this text: its rules (`Engine._services`) and the guide's options."""
    return ServiceRequest(ctx, rules, guide.service_options.get(service.name))


def one_report_per_problem(findings: list[Finding]) -> list[Finding]:
    """Findings that describe one problem become one report, never keeping the weaker of them:

    - on the same span (a typo in capitals: LanguageTool's spelling and brandvoice's shouting; a
      word twice: `repetition` and LanguageTool's repeated-word rule), the more severe finding
      speaks (brandvoice's own on a tie: the guide's voice); when the other one only changes the
      case of the text, its case goes into the survivor's suggestions ("DEVELOPPEMENT":
      "DÉVELOPPEMENT" written calmly is "développement"); when each only adds around the text
      (a space before ":", a space after it), the suggestion does both and the messages are joined;
    - a run and one of its elements (`!!` and an occurrence rule's `!`, `les les` and `les`): the
      more severe finding speaks for the whole run, with the run's suggestion when it has none;
    - a finding inside another whose suggestions include the inner one's fix made in place (a
      repeated word inside LanguageTool's "les les places" → "les places"): the more severe speaks;
    - an external checker's misspelling inside a span that a name's or a term's safe fix rewrites
      (LanguageTool's "Patisseries" in "Patisseries-Mirabelle", the brand's name): the fix speaks,
      at the higher of the two levels.
    Whole-document findings (length, tone bands) are never grouped.
    """
    ordered = sorted(findings, key=lambda f: (f.offset, -f.length, f.rule))
    kept: list[Finding] = []
    # a finding groups only with an earlier one that contains it: those still open at its offset
    # are the only ones to try (linear over a draft with thousands of findings)
    open_spans: list[int] = []
    for finding in ordered:
        open_spans = [i for i in open_spans if kept[i].offset + kept[i].length >= finding.offset]
        for i in open_spans:
            merged = _merged(kept[i], finding)
            if merged is not None:
                kept[i] = merged
                break
        else:
            kept.append(finding)
            if not finding.whole_document:
                open_spans.append(len(kept) - 1)
    return kept


def _merged(first: Finding, second: Finding) -> Finding | None:
    """One finding for both when they describe the same problem, else None."""
    if first.whole_document or second.whole_document:
        return None
    if (first.offset, first.length) == (second.offset, second.length):
        survivor, other = sorted((first, second), key=_strength, reverse=True)
        if _case_change(other) and survivor.replacements and not _case_change(survivor):
            cased = tuple(dict.fromkeys(_with_case_of(other.replacements[0], r) for r in survivor.replacements))
            return replace(survivor, replacements=cased, fix_safe=survivor.fix_safe and len(cased) == 1)
        both = _both_insertions(survivor, other)
        if both is not None:
            return replace(survivor, message=f"{survivor.message} {other.message}", replacements=(both,), fix_safe=False)
        return survivor
    run, element = (first, second) if first.length > second.length else (second, first)
    inside = run.offset <= element.offset and element.offset + element.length <= run.offset + run.length
    if inside and _rewrites(run) and element.source != "brandvoice" and element.category == "spelling":
        return replace(run, level=max(run.level, element.level))  # "Patisseries" in "Patisseries-Mirabelle"
    if inside and _same_edit(run, element):
        return max((run, element), key=_strength)  # "les les" inside LanguageTool's "les les places"
    if not inside or not _repeats(run.match, element.match):
        return None
    survivor = max((run, element), key=_strength)
    if survivor is run:
        return run
    replacements = element.replacements or run.replacements
    return replace(
        element, offset=run.offset, length=run.length, match=run.match, line=run.line, column=run.column,
        end_line=run.end_line, end_column=run.end_column, replacements=replacements,
        fix_safe=(element.fix_safe if element.replacements else run.fix_safe) and len(replacements) == 1,
    )


def _same_edit(run: Finding, element: Finding) -> bool:
    """Whether the element's fix, made inside the run, is one of the run's suggestions: both ask
    for one edit ("les les" → "les" inside "les les places" → "les places")."""
    if not run.replacements or not element.replacements:
        return False
    at = element.offset - run.offset
    edited = run.match[:at] + element.replacements[0] + run.match[at + element.length :]
    return edited in run.replacements


def _rewrites(finding: Finding) -> bool:
    """Whether the finding's safe fix writes its whole span as the brand writes it (a name, a term):
    a misspelling an external checker finds inside that span is the same problem ("Patisseries"
    in "Patisseries-Mirabelle", which the name's rule writes "Pâtisseries Mirabelle")."""
    return (finding.source == "brandvoice" and finding.category == "terminology" and finding.fix_safe
            and len(finding.replacements) == 1)


def _both_insertions(first: Finding, second: Finding) -> str | None:
    """One replacement doing both findings' edits, when each only adds text around the match
    (`:` → `\u00a0:` and `:` → `: ` make `\u00a0: `); None when they touch the same side."""
    if not first.replacements or not second.replacements or not first.match:
        return None
    sides = []
    for replacement in (first.replacements[0], second.replacements[0]):
        at = replacement.find(first.match)
        if at < 0:
            return None
        sides.append((replacement[:at], replacement[at + len(first.match) :]))
    (p1, s1), (p2, s2) = sides
    if (p1 and p2) or (s1 and s2) or not (p1 or s1) or not (p2 or s2):
        return None
    return p1 + p2 + first.match + s1 + s2


def _strength(finding: Finding) -> tuple[int, bool]:
    return (int(finding.level), finding.source == "brandvoice")


def _case_change(finding: Finding) -> bool:
    """Whether the finding's fix only changes letter case (shouting, a name's casing)."""
    return bool(finding.replacements) and all(
        r != finding.match and r.casefold() == finding.match.casefold() for r in finding.replacements
    )


def _with_case_of(model: str, text: str) -> str:
    """`text` with the case pattern of `model`: lower case, or lower case with a capital first letter."""
    if model.islower() or not any(c.isalpha() for c in model):
        return text.lower()
    if model[:1].isupper() and model[1:].islower():
        return text[:1].upper() + text[1:].lower()
    return text


def _repeats(run: str, element: str) -> bool:
    """Whether `run` is `element` said again and again ("!!" of "!", "les les" of "les")."""
    unit = element.strip().casefold()
    rest = regex.sub(r"\s+", "", run.casefold())
    return bool(unit) and len(rest) > len(unit) and rest == unit * (len(rest) // len(unit))
