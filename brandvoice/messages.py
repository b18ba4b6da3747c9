"""Built-in messages: every sentence brandvoice writes about a draft is a template declared once,
under an id, and rendered in one place.

Kinds declare their templates in a `Messages` table (`"hashtags.banned": "{tag} is a banned
hashtag."`) that their `Kind` record carries; features that build rules (terms, vocabulary)
declare theirs beside their builders. `brandvoice/registry.py` gathers every table in one
`MessageCatalog`.

A kind says `MESSAGES.say("hashtags.banned", tag="#hotel")`: a `Message`, which reads as its
English text (so a kind's output can be read and tested as it is) and keeps its id and values, so
the engine renders it through the catalogue, where a translated template plugs in
(`MessageCatalog.template`). A rule's default template is its kind's `"<kind>.default"`. A guide
author's own `message:` is not a built-in message: it is used as written.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import Any


class _KeepMissing(dict):
    """Placeholders a template does not get stay visible rather than failing."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def fill(template: str, params: Mapping[str, Any]) -> str:
    return template.format_map(_KeepMissing(params))


class Message(str):
    """A built-in message: its English text, with its id and the values of its placeholders. A
    value may itself be a `Message` or `Joined` (a phrase of its own)."""

    id: str
    params: tuple[tuple[str, Any], ...]

    def __new__(cls, text: str, id: str, params: tuple[tuple[str, Any], ...] = ()) -> Message:
        message = super().__new__(cls, text)
        message.id, message.params = id, params
        return message


class Joined(str):
    """Several messages (or plain values) in a row, separated by punctuation: one finding that
    says two things, or a list of names."""

    separator: str
    parts: tuple[str, ...]
    end: str

    def __new__(cls, separator: str, parts: Iterable[str], end: str = "") -> Joined:
        parts = tuple(parts)
        joined = super().__new__(cls, separator.join(parts) + end)
        joined.separator, joined.parts, joined.end = separator, parts, end
        return joined


class Messages(Mapping[str, str]):
    """One table of templates by id (a kind's, or a feature's)."""

    def __init__(self, templates: Mapping[str, str]) -> None:
        self._templates = dict(templates)

    def __getitem__(self, message_id: str) -> str:
        return self._templates[message_id]

    def __iter__(self) -> Iterator[str]:
        return iter(self._templates)

    def __len__(self) -> int:
        return len(self._templates)

    def say(self, message_id: str, /, **params: Any) -> Message:
        return Message(fill(self[message_id], params), message_id, tuple(params.items()))


class MessageCatalog:
    """Every built-in template by id: the one place messages are rendered."""

    def __init__(self, tables: Iterable[Mapping[str, str]]) -> None:
        self.templates: dict[str, str] = {}
        for table in tables:
            for message_id, template in table.items():
                if message_id in self.templates:
                    raise ValueError(f"message id {message_id!r} is declared twice")
                self.templates[message_id] = template

    def template(self, message_id: str) -> str:
        return self.templates[message_id]

    def render(self, text: str) -> str:
        """A finding's message as the user reads it: built-in messages from their templates, a
        checker's own words (LanguageTool's) as they are."""
        if isinstance(text, Message):
            return self.format(self.template(text.id), dict(text.params))
        if isinstance(text, Joined):
            return text.separator.join(self.render(part) for part in text.parts) + text.end
        return str(text)

    def format(self, template: str, params: Mapping[str, Any]) -> str:
        """Fill a template (built-in, or a guide's own), rendering the phrases among its values."""
        return fill(template, {k: self.render(v) if isinstance(v, (Message, Joined)) else v for k, v in params.items()})
