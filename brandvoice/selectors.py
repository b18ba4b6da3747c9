"""Rule ids, the selectors that name them, and levels: the one place where ids are matched.

A rule id is dotted (`hotelia.superlatifs`, `typography.fr.nbsp`, `languagetool.D_N`). A
*selector* names one rule or a group of them: `hotelia.superlatifs` selects that rule and the rules
under it (`hotelia.superlatifs.x`), `hotelia` or `hotelia.` selects every `hotelia.*` rule. Four
things select rules this way:

- `--select` / `--ignore` (`Selection`): run only / skip rules, as in ruff;
- a guide's `levels` (`LevelMap`): the longest matching selector sets a rule's level, or `off`;
- suppression comments (`Suppressions`): `brandvoice-disable hotelia.superlatifs`...;
- categories of the findings of a kind that reports finer ids (LanguageTool's): in `levels`,
  `<rule>.category.<CATEGORY>` sets the level of every finding of that category
  (`languagetool.category.TYPOS`, `languagetool.category.style`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

OFF = "off"


def yaml_off(value: Any) -> Any:
    """YAML 1.1 reads an unquoted `off` as false: that is what authors mean by it."""
    return OFF if value is False else value


def matches(selector: str, rule_id: str) -> bool:
    """`hotelia.` or `hotelia` selects `hotelia.superlatifs`; ids match exactly otherwise."""
    selector = selector.strip()
    if selector.endswith("."):
        return rule_id.startswith(selector)
    return rule_id == selector or rule_id.startswith(selector + ".")


def selects(selectors: Iterable[str], rule_id: str) -> bool:
    """Whether any of `selectors` selects `rule_id`; no selector at all selects every rule."""
    selectors = tuple(selectors)
    return not selectors or any(matches(s, rule_id) for s in selectors)


@dataclass(frozen=True)
class Selection:
    """Rule selection by id or id prefix, as in ruff: `select` narrows, `ignore` removes."""

    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()

    def allows(self, rule_id: str) -> bool:
        if self.select and not any(matches(s, rule_id) for s in self.select):
            return False
        return not any(matches(s, rule_id) for s in self.ignore)

    def may_report(self, rule_id: str, fine_ids: bool = False) -> bool:
        """Whether a rule can report anything selected. A rule reporting finer ids
        (`languagetool.<ID>`) runs unless the selection rules out its whole prefix; its findings
        are then filtered one by one with `allows`."""
        if not fine_ids:
            return self.allows(rule_id)
        prefix = rule_id + "."
        if any(matches(s, rule_id) or s == prefix for s in self.ignore):
            return False
        return not self.select or any(matches(s, rule_id) or s.startswith(prefix) for s in self.select)


def category_selector(rule_id: str, category: str) -> str:
    """The `levels` key for one category of a fine-id rule's findings: `languagetool.category.TYPOS`."""
    return f"{rule_id}.category.{category}"


@dataclass(frozen=True)
class LevelMap:
    """A guide's `levels`: selector → level name (or `off`)."""

    levels: Mapping[str, str]

    def level_for(self, rule_id: str, default: str, categories: Sequence[str] = ()) -> str:
        """The level of `rule_id`: its exact entry, else the entry of one of `categories` (category
        selectors, most specific first), else the longest matching prefix, else `default`."""
        for key in (rule_id, *categories):
            if key in self.levels:
                return self.levels[key]
        best, best_length = default, -1
        for selector, level in self.levels.items():
            prefix = selector.rstrip(".") + "."
            if (rule_id == selector or rule_id.startswith(prefix)) and len(selector) > best_length:
                best, best_length = level, len(selector)
        return best


@dataclass(frozen=True, slots=True)
class Directive:
    """One suppression comment: `brandvoice-disable hotelia.superlatifs` on `line`."""

    line: int
    action: str  # disable-file, disable-next-line, disable, enable
    selectors: tuple[str, ...]  # empty: every rule


@dataclass(frozen=True)
class Suppressions:
    """A file's suppression comments, in source order."""

    directives: tuple[Directive, ...] = ()

    @property
    def file_disabled(self) -> bool:
        """Every rule off for this file (a `disable-file` naming rules only silences those)."""
        return any(d.action == "disable-file" and not d.selectors for d in self.directives)

    def suppressed(self, rule_id: str, line: int) -> bool:
        """Whether a finding of `rule_id` on 1-based `line` is silenced by a directive above it."""
        disabled_all = False
        disabled: set[str] = set()
        for d in self.directives:
            if d.action == "disable-file":
                if selects(d.selectors, rule_id):
                    return True
            elif d.action == "disable-next-line":
                if d.line == line - 1 and selects(d.selectors, rule_id):
                    return True
            elif d.line >= line:
                break
            elif d.action == "disable":
                disabled_all |= not d.selectors
                disabled.update(d.selectors)
            elif d.selectors:  # enable some
                disabled.difference_update(d.selectors)
            else:  # enable all
                disabled_all = False
                disabled.clear()
        return disabled_all or (bool(disabled) and selects(disabled, rule_id))
