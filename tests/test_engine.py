"""The engine's batches: where each heavy service is prepared, and values shared per text."""

from __future__ import annotations

import threading
from dataclasses import replace

from brandvoice import engine as engine_module
from brandvoice.engine import CheckItem, Engine
from brandvoice.findings import Match
from brandvoice.parsing.document import parse_document
from brandvoice.parsing.prose import ProseText
from brandvoice.registry import GUIDES
from brandvoice.rules.base import CheckContext, Kind, Rule, RuleOptions, Service


def _kind(name: str, needs: str, seen: list[str], start: int) -> Kind:
    def check(ctx, options):
        seen.append(f"{name} {threading.current_thread().name} {ctx.services.get(needs)}")
        yield Match(start, start + 1)

    return Kind(name=name, category="style", level="warning", options=RuleOptions, check=check,
                messages={f"{name}.default": "found"}, examples=(), doc=name, needs=frozenset({needs}))


def test_cpu_bound_services_run_in_the_checking_thread_and_waiting_ones_ahead(monkeypatch):
    """A parse in a background thread holds the GIL against the rules (each regex call of a rule
    waited for it): only services that wait on another process are prepared ahead."""
    prepared: list[tuple[str, str, int]] = []

    def preparer(name):
        def prepare(requests):
            prepared.append((name, threading.current_thread().name, len(requests)))
            for request in requests:
                request.ctx.services[name] = f"{name}-ready"
        return prepare

    parse = Service("parse", preparer("parse"), lambda request: "v1")
    remote = Service("remote", preparer("remote"), lambda request: "v1", waits=True)
    seen: list[str] = []
    guide = replace(GUIDES.load("base-en"), rules=[])
    guide.rules = [
        Rule("test.parsed", _kind("parsed", "parse", seen, 0), RuleOptions(), "warning", "style", message="found"),
        Rule("test.remote", _kind("remote", "remote", seen, 2), RuleOptions(), "warning", "style", message="found"),
    ]
    items = [CheckItem(parse_document(f"{i}.txt", f"Post {i}.\n"), guide, "en-US") for i in range(5)]
    monkeypatch.setattr(engine_module, "BATCH_SIZE", 2)
    results = Engine(services=(parse, remote)).check(items)
    main = threading.current_thread().name
    assert [len(r.findings) for r in results] == [2] * 5
    assert [(name, thread == main, size) for name, thread, size in prepared if name == "parse"] == [
        ("parse", True, 2), ("parse", True, 2), ("parse", True, 1)
    ]
    assert [(thread.startswith("prepare-ahead"), size) for name, thread, size in prepared if name == "remote"] == [
        (True, 2), (True, 2), (True, 1)
    ]
    assert all(entry.endswith("-ready") and f" {main} " in entry for entry in seen)


def test_once_computes_a_value_once_per_text():
    ctx = CheckContext(ProseText.plain("Bonjour."))
    calls = []
    first = ctx.once(("measure", 1), lambda: calls.append(1) or ["a"])
    again = ctx.once(("measure", 1), lambda: calls.append(2) or ["b"])
    other = ctx.once(("measure", 2), lambda: calls.append(3) or ["c"])
    assert (first, again, other, calls) == (["a"], ["a"], ["c"], [1, 3])


def test_rules_that_need_no_waiting_service_run_while_it_works():
    """A cold LanguageTool takes seconds on its first check: the other rules do not wait for it."""
    parsed_rule_ran = threading.Event()

    def remote_prepare(requests):
        assert parsed_rule_ran.wait(10), "the rule needing only the parse waited for the remote service"
        for request in requests:
            request.ctx.services["remote"] = "remote-ready"

    def parse_prepare(requests):
        for request in requests:
            request.ctx.services["parse"] = "parse-ready"

    seen: list[str] = []
    parsed = _kind("parsed", "parse", seen, 0)
    signalling = replace(parsed, check=lambda ctx, options: (parsed_rule_ran.set(), (yield from parsed.check(ctx, options))))
    guide = replace(GUIDES.load("base-en"), rules=[])
    guide.rules = [
        Rule("test.remote", _kind("remote", "remote", seen, 2), RuleOptions(), "warning", "style", message="found"),
        Rule("test.parsed", signalling, RuleOptions(), "warning", "style", message="found"),
    ]
    services = (Service("parse", parse_prepare, lambda r: "v1"), Service("remote", remote_prepare, lambda r: "v1", waits=True))
    [result] = Engine(services=services).check([CheckItem(parse_document("post.txt", "Post.\n"), guide, "en-US")])
    assert [entry.split()[0] for entry in seen] == ["parsed", "remote"]
    assert [(f.rule, f.offset) for f in result.findings] == [("test.parsed", 0), ("test.remote", 2)]
