"""Publishing channels: shipped profiles, guide overrides and the platforms' ways of counting."""

from brandvoice.channels.counting import COUNTERS, graphemes, mastodon_length, utf8_bytes, x_length
from brandvoice.channels.profiles import (
    ChannelOverride,
    ChannelProfile,
    ChannelsSection,
    known_channels,
    resolve_profiles,
    shipped_profiles,
)

__all__ = [
    "COUNTERS",
    "ChannelOverride",
    "ChannelProfile",
    "ChannelsSection",
    "graphemes",
    "known_channels",
    "mastodon_length",
    "resolve_profiles",
    "shipped_profiles",
    "utf8_bytes",
    "x_length",
]
