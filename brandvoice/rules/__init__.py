"""The registry of rule kinds. Engineers add a kind by adding its module name here."""

from __future__ import annotations

import importlib
from functools import cache
from types import ModuleType

KIND_MODULES = (
    "existence",
    "substitution",
    "occurrence",
    "capitalization",
    "consistency",
    "repetition",
    "grammar",
    "channel_length",
    "hashtags",
    "mentions",
    "links",
    "emoji_placement",
    "disclosure",
    "typography_fr",
    "inclusive",
    # voice and tone (spaCy)
    "register",
    "formality",
    "person",
    "passive",
    "sentence_length",
    "readability",
    "hedging",
    "hype",
    "cliches",
    "jargon",
    "energy",
    "tone",
)


class UnknownKind(KeyError):
    pass


@cache
def get_kind(name: str) -> ModuleType:
    if name not in KIND_MODULES:
        raise UnknownKind(name)
    return importlib.import_module(f"brandvoice.rules.{name}")


def all_kinds() -> list[ModuleType]:
    return [get_kind(name) for name in KIND_MODULES]
