"""What a section builder gets to make rules: the one way features reach the guide machinery."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from pydantic import ValidationError

from brandvoice.errors import GuideError
from brandvoice.rules.base import Example, Kind, Rule
from brandvoice.selectors import OFF, LevelMap


class RuleFactory:
    """Makes one guide's rules: a rule of a kind (by name), with its options validated and its level
    resolved through the guide's `levels`. A builder may also add words the guide accepts, and
    options for a service (the spaCy models to try)."""

    def __init__(
        self,
        guide_id: str,
        label: str,
        levels: LevelMap,
        kinds: Mapping[str, Kind],
        origins: Mapping[str, Sequence[str]] | None = None,
    ) -> None:
        self.guide_id = guide_id
        self.label = label  # the guide's file, for errors
        self.levels = levels
        self.kinds = kinds
        self._origins = origins or {}
        self.accepted_words: set[str] = set()
        self.service_options: dict[str, Any] = {}

    def rule(
        self,
        rule_id: str,
        kind_name: str,
        options: dict[str, Any],
        *,
        level: str | None = None,
        message: str | None = None,
        message_id: str | None = None,
        category: str | None = None,
        description: str = "",
        source: str = "brandvoice",
        examples: tuple[Example, ...] = (),
    ) -> Rule | None:
        """A rule, or None when the guide's `levels` turn it off. `message` is a guide author's own
        template; `message_id` a built-in one (default: the kind's)."""
        kind = self.kinds[kind_name]
        resolved_level = self.levels.level_for(rule_id, level or kind.level)
        if resolved_level == OFF:
            return None
        try:
            validated = kind.options.model_validate(options)
        except ValidationError as exc:  # options a section produced from the guide's values
            problems = "; ".join(f"{'.'.join(map(str, e['loc'])) or kind_name}: {e['msg']}" for e in exc.errors())
            raise GuideError(self.label, None, rule_id, problems) from None
        return Rule(
            id=rule_id,
            kind=kind,
            options=validated,
            level=resolved_level,
            category=category or kind.category,
            message=message,
            message_id=message_id or kind.default_message,
            source=source,
            description=description or kind.summary,
            examples=examples,
        )

    def origin(self, section: str, index: int) -> str:
        """The id of the guide that wrote item `index` of a unioned list section (`terms`): rule ids
        made from it stay the same in every guide that extends it."""
        origins = self._origins.get(section, ())
        return origins[index] if index < len(origins) and origins[index] else self.guide_id

    def accept_words(self, words: Iterable[str]) -> None:
        """Words the guide accepts: never misspellings, never shouting (vocabulary, brand names)."""
        self.accepted_words.update(words)

    def set_service_options(self, service: str, options: Any) -> None:
        self.service_options[service] = options
