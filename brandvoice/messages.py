"""Built-in messages: every sentence brandvoice writes about a draft is a template declared once,
under an id, and rendered in one place, in the draft's language.

Kinds declare their templates in English in a `Messages` table (`"hashtags.banned": "{tag} is a
banned hashtag."`) that their `Kind` record carries; features that build rules (terms, vocabulary)
declare theirs beside their builders. A template that counts something is a `Plural`: the
language's plural rule picks the form ("1 erreur", "3 erreurs"). `brandvoice/registry.py` gathers
every table in one `MessageCatalog`.

A kind says `MESSAGES.say("hashtags.banned", tag="#hotel")`: a `Message`, which reads as its
English text (so a kind's output can be read and tested as it is) and keeps its id and values, so
the engine renders it again in the draft's language (`MessageCatalog.render(message, "fr-FR")`).
Translations are gettext catalogues, one per language pack (`brandvoice/languages/fr/messages.po`),
where each message is found by its id (the entry's context) and its English text; numbers and
lists are written the language's way (`i18n/formatting.py`). A rule's default template is its
kind's `"<kind>.default"`. A guide author's own `message:` is not a built-in message: it is used
as written.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any, Union

from brandvoice.i18n.catalogs import SOURCE_LANGUAGE, language_code, translations
from brandvoice.i18n.formatting import format_list, formatter

# the separators `Joined` puts between sentences or clauses, translated in context "separator"
# (French writes a narrow no-break space before ";")
SEPARATORS = (" ", "; ")
SEPARATOR_CONTEXT = "separator"


@dataclass(frozen=True)
class Plural:
    """A template with a singular and a plural form, chosen by the value of `n` (a placeholder)."""

    one: str
    other: str
    n: str = "count"


Template = Union[str, Plural]


class Message(str):
    """A built-in message: its English text, with its id and the values of its placeholders. A
    value may itself be a `Message`, `Joined` or `Listed` (a phrase of its own)."""

    id: str
    params: tuple[tuple[str, Any], ...]

    def __new__(cls, text: str, id: str, params: tuple[tuple[str, Any], ...] = ()) -> Message:
        message = super().__new__(cls, text)
        message.id, message.params = id, params
        return message


class Joined(str):
    """Several messages in a row: one finding that says two things. `separator` is one of
    `SEPARATORS` (" " between sentences, "; " between clauses)."""

    separator: str
    parts: tuple[str, ...]
    end: str

    def __new__(cls, separator: str, parts: Iterable[str], end: str = "") -> Joined:
        parts = tuple(parts)
        joined = super().__new__(cls, separator.join(parts) + end)
        joined.separator, joined.parts, joined.end = separator, parts, end
        return joined


class Listed(str):
    """A list of names or phrases, as a language writes one: "#A, #B and #C", "#A, #B et #C";
    `style="or"` for alternatives."""

    items: tuple[str, ...]
    style: str

    def __new__(cls, items: Iterable[str], style: str = "standard") -> Listed:
        items = tuple(items)
        listed = super().__new__(cls, format_list(items, style, SOURCE_LANGUAGE) if items else "")
        listed.items, listed.style = items, style
        return listed


Phrase = (Message, Joined, Listed)


class Messages(Mapping[str, Template]):
    """One table of English templates by id (a kind's, or a feature's)."""

    def __init__(self, templates: Mapping[str, Template]) -> None:
        self._templates = dict(templates)

    def __getitem__(self, message_id: str) -> Template:
        return self._templates[message_id]

    def __iter__(self) -> Iterator[str]:
        return iter(self._templates)

    def __len__(self) -> int:
        return len(self._templates)

    def say(self, message_id: str, /, **params: Any) -> Message:
        template = choose(message_id, self[message_id], params, SOURCE_LANGUAGE)
        return Message(fill(template, params, SOURCE_LANGUAGE), message_id, tuple(params.items()))


def choose(message_id: str, template: Template, params: Mapping[str, Any], language: str) -> str:
    """A template in a language (`fr-CA` reads the `fr` catalogue): its translation, or the
    English text when the catalogue lacks it; a plural's form for its count."""
    catalog = translations(language_code(language))
    if isinstance(template, Plural):
        count = params.get(template.n)
        n = int(count) if isinstance(count, (int, float)) and not isinstance(count, bool) else 2
        return catalog.npgettext(message_id, template.one, template.other, n)
    return catalog.pgettext(message_id, template)


def render(text: Any, language: str = SOURCE_LANGUAGE, catalog: MessageCatalog | None = None) -> str:
    """A message as the user reads it, in a language; a checker's own words (LanguageTool's) as
    they are."""
    if isinstance(text, Message):
        templates = catalog.templates if catalog is not None else None
        template = templates[text.id] if templates is not None else None
        if template is None:
            return str(text)
        params = dict(text.params)
        return fill(choose(text.id, template, params, language), params, language, catalog)
    if isinstance(text, Joined):
        separator = translations(language_code(language)).pgettext(SEPARATOR_CONTEXT, text.separator)
        return separator.join(render(part, language, catalog) for part in text.parts) + text.end
    if isinstance(text, Listed):
        return format_list([render(item, language, catalog) for item in text.items], text.style, language)
    return str(text)


def fill(template: str, params: Mapping[str, Any], language: str = SOURCE_LANGUAGE,
         catalog: MessageCatalog | None = None) -> str:
    """Fill a template (built-in, or a guide's own), its phrases and numbers in the language."""
    values = {k: render(v, language, catalog) if isinstance(v, Phrase) else v for k, v in params.items()}
    return formatter(language).vformat(template, (), values)


class MessageCatalog:
    """Every built-in template by id: the one place messages are rendered."""

    def __init__(self, tables: Iterable[Mapping[str, Template]]) -> None:
        self.templates: dict[str, Template] = {}
        for table in tables:
            for message_id, template in table.items():
                if message_id in self.templates:
                    raise ValueError(f"message id {message_id!r} is declared twice")
                self.templates[message_id] = template

    def template(self, message_id: str, language: str = SOURCE_LANGUAGE) -> str:
        """A template as a language writes it (a plural's general form), for documentation."""
        return choose(message_id, self.templates[message_id], {}, language)

    def text(self, message_id: str, params: Mapping[str, Any], language: str = SOURCE_LANGUAGE) -> str:
        """A built-in template filled, in a language."""
        return self.fill(choose(message_id, self.templates[message_id], params, language), params, language)

    def render(self, text: Any, language: str = SOURCE_LANGUAGE) -> str:
        """A finding's message in a language: built-in messages from their templates, a checker's
        own words as they are."""
        return render(text, language, self)

    def fill(self, template: str, params: Mapping[str, Any], language: str = SOURCE_LANGUAGE) -> str:
        return fill(template, params, language, self)
