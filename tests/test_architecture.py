"""The layout keeps its promises: no import cycle in the package (counting imports made only for
type checkers, and imports inside functions), the guide format depends on no feature, and every
kind, section, service and format is registered explicitly."""

from __future__ import annotations

import ast
from pathlib import Path

from brandvoice import registry
from helpers import ROOT

PACKAGE = ROOT / "brandvoice"


def _module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def import_graph() -> dict[str, set[str]]:
    """Module → the package's modules it imports, from the source (every `import` statement:
    top level, inside functions, under `if TYPE_CHECKING:`)."""
    paths = {_module_name(p): p for p in PACKAGE.rglob("*.py") if "__pycache__" not in p.parts}

    def known(name: str) -> str | None:
        while name and name not in paths:
            name = name.rpartition(".")[0]
        return name or None

    graph: dict[str, set[str]] = {name: set() for name in paths}
    for name, path in paths.items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            targets: list[str] = []
            if isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                    base = ".".join([*anchor, *([base] if base else [])])
                # `from package import module` imports the module; `from module import name` the module
                targets = [f"{base}.{alias.name}" if f"{base}.{alias.name}" in paths else base for alias in node.names]
            for target in targets:
                if target.split(".")[0] == "brandvoice":
                    module = known(target)
                    if module and module != name:
                        graph[name].add(module)
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components with more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in sorted(graph[node]):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_the_graph_sees_every_kind_of_import():
    graph = import_graph()
    assert "brandvoice.registry" in graph["brandvoice.engine"]  # top level
    assert "brandvoice.runner" in graph["brandvoice.cli.app"]  # inside a function
    assert "brandvoice.rules.hashtags" in graph["brandvoice.registry"]  # `from package import module`
    assert "brandvoice.guides.factory" in graph["brandvoice.guides.model"]  # under TYPE_CHECKING


def test_no_import_cycle():
    assert cycles(import_graph()) == []


def test_the_cycle_finder_finds_a_cycle():
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_the_guide_format_depends_on_no_feature():
    graph = import_graph()
    allowed = {"brandvoice.errors", "brandvoice.selectors", "brandvoice.rules.base", "brandvoice.findings",
               "brandvoice.parsing.prose", "brandvoice.parsing.sentences", "brandvoice.parsing.social",
               "brandvoice.i18n", "brandvoice.i18n.catalogs", "brandvoice.i18n.formatting", "brandvoice.i18n.validation",
               "brandvoice.reading", "brandvoice.safe_yaml"}  # reading user files and YAML within limits
    for module in (m for m in graph if m.startswith("brandvoice.guides")):
        reached, todo = set(), [module]
        while todo:
            for target in graph[todo.pop()]:
                if target not in reached:
                    reached.add(target)
                    todo.append(target)
        outside = {m for m in reached if not m.startswith("brandvoice.guides")} - allowed
        assert outside == set(), f"{module} reaches {sorted(outside)}"


def test_everything_is_registered_once():
    assert len({k.name for k in registry.KINDS}) == len(registry.KINDS)
    assert len({s.key for s in registry.SECTIONS}) == len(registry.SECTIONS)
    modules = {p.stem for p in (PACKAGE / "rules").glob("*.py")} - {"__init__", "base", "words"}
    assert {k.name for k in registry.KINDS} == modules  # one module per kind, each registered
    formats = {p.stem for p in (PACKAGE / "formats").glob("*.py")} - {"__init__", "common", "indented_json"}
    assert set(registry.FORMATS) == formats
    assert all(registry.FORMATS[name].name == name for name in formats)  # imported by name
    for kind in registry.KINDS:
        for need in kind.needs:
            assert registry.service_for(need) is not None, (kind.name, need)


def test_every_built_in_message_template_is_declared_once_and_every_kind_has_a_default():
    for kind in registry.KINDS:
        assert registry.MESSAGES.template(kind.default_message)
        assert all(message_id.startswith(f"{kind.name}.") for message_id in kind.messages)


def test_every_message_a_kind_says_renders_from_the_catalogue():
    """What a kind yields reads as English and keeps its id: the catalogue renders the same text
    (the place a translation plugs in)."""
    from brandvoice.messages import Joined, Message
    from brandvoice.parsing.prose import ProseText
    from brandvoice.rules.base import CheckContext

    said = 0
    for kind in registry.KINDS:
        if "languagetool" in kind.needs:
            continue
        for example in kind.examples:
            ctx = CheckContext(prose=ProseText.plain(example.text), language=example.language)
            for match in kind.check(ctx, kind.options.model_validate(example.options)):
                for text in (match.message, *(value for _, value in match.params)):
                    if isinstance(text, (Message, Joined)):
                        said += 1
                        assert registry.MESSAGES.render(text) == str(text), (kind.name, text)
    assert said > 20
