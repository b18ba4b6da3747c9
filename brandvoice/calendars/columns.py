"""Which column holds what: found from a sheet's header row, in French or English, or named in
the project configuration.

Headers are compared without case, accents or punctuation. A header that names a field outright
("Texte", "Réseau social", "Date de publication") beats one that starts or ends with a field's
word ("Texte du post", "Publish date"), which beats one that only contains it; when one header
holds several fields' words, the more specific field wins: "Date du post" is a date, "Statut du
post" a status. Merged header cells count for every column they cover, so a
header merged over two rows, or a group header above, is found too.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from brandvoice.calendars.settings import FIELDS, CalendarSettings
from brandvoice.calendars.table import Sheet, column_letter
from brandvoice.calendars.values import normalise

# each field's words, most telling first; a header naming none of them is not used
SYNONYMS: dict[str, tuple[str, ...]] = {
    "text": ("texte", "text", "wording", "copy", "contenu", "content", "caption", "legende", "post", "message",
             "texte du post", "texte de la publication", "post text", "copywriting", "redaction", "body"),
    "channel": ("reseau", "reseaux", "reseau social", "reseaux sociaux", "canal", "canaux", "channel", "network",
                "social network", "plateforme", "platform", "media", "social media"),
    "brand": ("marque", "brand", "client", "cliente", "compte", "account", "annonceur"),
    "date": ("date", "publication", "date de publication", "jour", "day", "publish date", "publication date",
             "date de diffusion", "diffusion", "date de parution", "parution"),
    "status": ("statut", "status", "etat", "state", "validation"),
    "author": ("auteur", "autrice", "author", "redacteur", "redactrice", "writer", "responsable", "owner", "cm"),
    "link": ("lien", "link", "url", "liens", "links"),
    "language": ("langue", "language", "lang"),
}
# when one header holds several fields' words, the more specific field wins ("Date du post")
PRIORITY = ("date", "status", "author", "link", "language", "brand", "channel", "text")
HEADER_ROWS = 20  # the header row is looked for among a sheet's first rows


def header_score(header: str, field_name: str) -> int:
    words = normalise(header)
    if not words:
        return 0
    synonyms = SYNONYMS[field_name]
    if words in synonyms:
        return 3
    split = words.split()
    if split[0] in synonyms or split[-1] in synonyms:  # "Texte du post", "Publish date"
        return 2
    return 1 if any(w in synonyms for w in split) else 0


@dataclass(frozen=True)
class Columns:
    """A sheet's layout: the header row, the first data row, and the column (1-based) of each field."""

    header_row: int
    first_row: int
    fields: dict[str, int]
    headers: dict[int, str]  # column -> header text

    def letter(self, field_name: str) -> str:
        return column_letter(self.fields[field_name])

    def described(self) -> list[tuple[str, str, str]]:
        """(field, header, column letter) of every field found but the text."""
        return [(f, self.headers[c], column_letter(c)) for f, c in self.fields.items() if f != "text"]


def headers_of(sheet: Sheet, row: int) -> dict[int, str]:
    found = {}
    for column in range(1, sheet.width() + 1):
        value = sheet.filled(row, column)
        if value is not None and str(value).strip():
            found[column] = str(value).strip()
    return found


def find_columns(sheet: Sheet, settings: CalendarSettings | None = None) -> Columns | None:
    """The layout of a sheet, or None when it has no text column (a notes or lists sheet)."""
    settings = settings or CalendarSettings()
    rows = [settings.header_row] if settings.header_row else range(1, min(len(sheet.rows), HEADER_ROWS) + 1)
    best: Columns | None = None
    for row in rows:
        headers = headers_of(sheet, row)
        fields = _assign(headers, settings)
        if "text" not in fields:
            continue
        # data starts under the header, below any header cell merged down over several rows
        first = max(sheet.merged_bottom(row, column) for column in headers) + 1
        candidate = Columns(row, first, fields, headers)
        if best is None or len(fields) > len(best.fields):
            best = candidate
    return best


def _assign(headers: dict[int, str], settings: CalendarSettings) -> dict[str, int]:
    fields: dict[str, int] = {}
    for name in FIELDS:  # columns the configuration names are taken first, and never guessed
        wanted = settings.column(name)
        column = next((c for c, h in headers.items() if wanted and normalise(h) == normalise(wanted)), None)
        if column is not None and column not in fields.values():
            fields[name] = column
    guesses: dict[int, tuple[str, int]] = {}  # column -> (its best field, score)
    for column, header in headers.items():
        if column in fields.values():
            continue
        score, _, name = max((header_score(header, name), -PRIORITY.index(name), name) for name in PRIORITY)
        if score:
            guesses[column] = (name, score)
    for name in PRIORITY:
        if name in fields or settings.column(name) is not None:
            continue
        candidates = [(score, -column) for column, (guessed, score) in guesses.items() if guessed == name]
        if candidates:
            fields[name] = -max(candidates)[1]  # the best header, the leftmost on a tie
    return fields
