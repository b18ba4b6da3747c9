"""The project configuration's keys (`.brandvoice.yaml`, `[tool.brandvoice]`), validated: see
brandvoice/config.py for the file and how it is found."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from brandvoice.calendars.settings import CalendarSettings
from brandvoice.i18n import _
from brandvoice.i18n.catalogs import catalog_languages
from brandvoice.project_files import server_mode_of


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


def _channel_list(value: object) -> object:
    return [value] if isinstance(value, str) else value


class PathSettings(_Strict):
    brand: str | None = None
    language: str | None = Field(None, alias="lang")
    channels: list[str] | None = Field(None, alias="channel")

    _channels = field_validator("channels", mode="before")(_channel_list)


class LanguageToolSettings(_Strict):
    enabled: bool = True
    url: str | None = Field(None, description="LanguageTool server URL, or `public` for api.languagetool.org.")


class ProjectConfig(_Strict):
    guides: list[str] = Field(default_factory=list, description="Guide folders, relative to this file.")
    brand: str | None = None
    language: str | None = Field(None, alias="lang")
    channels: list[str] | None = Field(None, alias="channel")
    fail_on: Literal["error", "warning", "suggestion"] | None = None
    ui_language: str | None = Field(
        None, alias="ui_lang", description="Language of brandvoice's own words (fr, en); default: the user's locale."
    )
    ignore: list[str] = Field(default_factory=list, description="Files never checked (gitignore syntax).")
    paths: dict[str, PathSettings] = Field(default_factory=dict)
    languagetool: LanguageToolSettings = Field(default_factory=LanguageToolSettings)
    calendar: CalendarSettings = Field(default_factory=CalendarSettings, description="Editorial calendars (CSV, XLSX).")
    server: Literal["auto", "manual", "off"] | None = Field(
        None,
        description="The resident server: auto (started by the first check; the default outside CI), "
        "manual (only one started by `brandvoice server start`; the default in CI), off (one process per run).",
    )

    _channels = field_validator("channels", mode="before")(_channel_list)

    @field_validator("ui_language")
    @classmethod
    def _spoken(cls, value: str | None) -> str | None:
        if value is not None and value not in catalog_languages():
            raise ValueError(_("brandvoice speaks {languages}, not “{value}”").format(
                languages=", ".join(catalog_languages()), value=value))
        return value

    _server = field_validator("server", mode="before")(server_mode_of)
