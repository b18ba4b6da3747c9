"""The project configuration's `calendar:` key: which columns hold what, when brandvoice cannot
tell from the headers, and what the calendar's own names of channels and brands mean.

```yaml
calendar:
  text: Wording            # the header of each column, as written in the calendar
  channel: Réseau
  brand: Client
  date: Date de diffusion
  sheets: [Octobre, Novembre]   # only these sheets (default: every sheet with a text column)
  header_row: 3                 # default: found among the first rows
  day_first: true               # 03/10/2026 is 3 October (false for US calendars)
  channels: {Insta Story: instagram, Pinterest: none}   # none: a post checked for no channel
  brands: {HTL: hotelia}
```
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field, field_validator

FIELDS = ("text", "channel", "brand", "date", "status", "author", "link", "language")


class CalendarSettings(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    text: str | None = Field(None, description="Header of the column holding the posts' text.")
    channel: str | None = Field(None, description="Header of the network column.")
    brand: str | None = Field(None, description="Header of the brand (client) column.")
    date: str | None = Field(None, description="Header of the publication date column.")
    status: str | None = None
    author: str | None = None
    link: str | None = None
    language: str | None = None
    header_row: int | None = Field(None, ge=1, description="Row of the headers (default: found).")
    day_first: bool = Field(True, description="Dates written 03/10/2026 are 3 October (false: March 10).")
    sheets: list[str] | None = Field(None, description="Sheets to read (default: every sheet with a text column).")
    channels: dict[str, str | None] = Field(
        default_factory=dict, description="The calendar's names of networks -> brandvoice channels (none: no channel)."
    )
    brands: dict[str, str] = Field(default_factory=dict, description="The calendar's names of brands -> guides.")

    @field_validator("channels", mode="before")
    @classmethod
    def _none_is_no_channel(cls, value: object) -> object:
        if isinstance(value, dict):
            return {k: None if v is None or str(v).lower() in ("none", "aucun") else v for k, v in value.items()}
        return value

    def column(self, field_name: str) -> str | None:
        return getattr(self, field_name)
