"""Channel profiles: what a platform accepts (length, how it counts, hashtags, spacing policy).

The shipped profiles are data (`brandvoice/data/channels.yaml`); a guide's `channels:` section
overrides their fields or declares new channels, e.g. a newsletter subject line:

```yaml
channels:
  instagram: {nbsp: plain-space}
  newsletter-subject: {max_length: 60, counting: graphemes}
```
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Annotated, Any, Literal

import yaml
from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, RootModel, model_validator

from brandvoice.channels.counting import COUNTERS
from brandvoice.selectors import yaml_off

Counting = Literal[tuple(COUNTERS)]  # how a platform measures a post: a name in COUNTERS


# require: a no-break space where French wants one (narrow or not before ; ! ?); strict: exactly the
# narrow one before ; ! ?; plain-space: ordinary spaces (apps that render U+202F badly); off
NbspPolicy = Annotated[Literal["require", "strict", "plain-space", "off"], BeforeValidator(yaml_off)]


class ChannelProfile(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str
    label: str
    max_length: int = Field(gt=0)
    counting: Counting = "graphemes"
    max_bytes: int | None = Field(None, gt=0, description="A second limit in UTF-8 bytes (Bluesky).")
    warn_share: float = Field(0.95, gt=0, le=1, description="Above this share of the limit: a suggestion.")
    max_hashtags: int | None = Field(None, ge=0)
    nbsp: NbspPolicy | None = Field(None, description="French non-breaking spaces on this channel.")
    source: str = ""
    as_of: str = ""


class ChannelOverride(BaseModel):
    """A guide's entry for one channel: any profile field; a new channel needs `max_length`."""

    model_config = ConfigDict(extra="forbid")

    label: str | None = None
    max_length: int | None = Field(None, gt=0)
    counting: Counting | None = None
    max_bytes: int | None = Field(None, gt=0)
    warn_share: float | None = Field(None, gt=0, le=1)
    max_hashtags: int | None = Field(None, ge=0)
    nbsp: NbspPolicy | None = None
    source: str | None = None
    as_of: str | None = None


class ChannelsSection(RootModel[dict[str, ChannelOverride]]):
    """Guide section `channels:`: channel name → overrides (or a whole new channel)."""

    root: dict[str, ChannelOverride] = Field(default_factory=dict)

    @model_validator(mode="after")
    def _new_channels_are_complete(self) -> "ChannelsSection":
        shipped = shipped_profiles()
        for name, override in self.root.items():
            if name not in shipped and override.max_length is None:
                raise ValueError(f"channel {name!r} is not a shipped channel: give its `max_length`")
        return self


@cache
def shipped_profiles() -> dict[str, ChannelProfile]:
    raw = yaml.safe_load(resources.files("brandvoice.data").joinpath("channels.yaml").read_text("utf-8"))
    return {name: ChannelProfile(name=name, **fields) for name, fields in raw.items()}


def resolve_profiles(section: dict | ChannelsSection | None) -> dict[str, ChannelProfile]:
    """Shipped profiles with a guide's `channels:` section applied."""
    profiles = dict(shipped_profiles())
    if section is None:
        return profiles
    if not isinstance(section, ChannelsSection):
        section = ChannelsSection.model_validate(section)
    for name, override in section.root.items():
        changes = override.model_dump(exclude_none=True)
        if name in profiles:
            profiles[name] = profiles[name].model_copy(update=changes)
        else:
            profiles[name] = ChannelProfile(name=name, label=changes.pop("label", name), **changes)
    return profiles


def guide_profiles(guide: BaseModel) -> list[ChannelProfile]:
    """The channel profiles of a validated guide: the shipped ones with its `channels:` applied."""
    return list(resolve_profiles(guide.channels).values())


def known_channels(guide: Any = None) -> list[str]:
    """Channel names a file may target with this (resolved) guide (`--channel`, front matter): for
    the engine to reject a typo with a clear message instead of silently checking nothing."""
    return sorted(resolve_profiles(guide.section("channels") if guide is not None else None))
