"""links: how many links, no URL shorteners, and the tracking parameters the brand requires.

Shorteners hide where a link goes (and some platforms down-rank them); `banned_domains` defaults
to the common ones. `require_utm` lists query parameters every link (or every link to
`utm_domains`) must carry, e.g. `[utm_source, utm_medium, utm_campaign]`.

```yaml
links:
  max: 1
  require_utm: [utm_source, utm_medium, utm_campaign]
  utm_domains: [hotelia.fr]
```
"""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import SplitResult, parse_qs, urlsplit

from pydantic import BaseModel, ConfigDict, Field

from brandvoice.channels.targets import merged_by_span
from brandvoice.findings import Match
from brandvoice.messages import Joined, Messages
from brandvoice.rules.base import CheckContext, Example, Kind, RuleOptions

MESSAGES = Messages({
    "links.default": "Check the link {match}.",
    "links.shortener": "{host} is a URL shortener: link to the real address, readers see where it goes.",
    "links.utm": "The link lacks the tracking parameters {parameters}.",
    "links.too_many": "{count} links: the guide allows at most {max}.",
})

SHORTENERS = ("bit.ly", "bitly.com", "tinyurl.com", "goo.gl", "ow.ly", "is.gd", "buff.ly", "t.ly",
              "cutt.ly", "rebrand.ly", "shorturl.at", "tiny.cc", "rb.gy", "v.gd", "lnkd.in", "s.id")


class LinksSection(BaseModel):
    """Guide section `links:`."""

    model_config = ConfigDict(extra="forbid")

    max: int | None = Field(None, ge=0)
    shorteners: bool = Field(True, description="Flag links through the usual URL shorteners.")
    banned_domains: list[str] = Field(default_factory=list, description="More domains never to link to.")
    require_utm: list[str] = Field(default_factory=list, description="Query parameters every link carries.")
    utm_domains: list[str] = Field(default_factory=list, description="Only links to these need them.")


class Options(RuleOptions):
    max: int | None = None
    banned_domains: tuple[str, ...] = SHORTENERS
    require_utm: tuple[str, ...] = ()
    utm_domains: tuple[str, ...] = ()  # empty: every link


def _split(url: str) -> SplitResult | None:
    """The URL's parts, or None for what only looks like a URL (`https://[LIEN]` placeholders)."""
    try:
        parts = urlsplit(url if "://" in url else "http://" + url)
        parts.hostname  # noqa: B018 - raises on a malformed host
    except ValueError:
        return None
    return parts


def _host(parts: SplitResult) -> str:
    return (parts.hostname or "").lower().removeprefix("www.")


def _on(host: str, domains: tuple[str, ...]) -> bool:
    return any(host == d.lower() or host.endswith("." + d.lower()) for d in domains)


def check(ctx: CheckContext, options: Options) -> Iterator[Match]:
    return iter(merged_by_span(_check(ctx, options)))


def _check(ctx: CheckContext, options: Options) -> Iterator[Match]:
    links = ctx.prose.spans_of("url")
    for link in links:
        parts = _split(link.text)
        if parts is None:
            continue
        host = _host(parts)
        if _on(host, options.banned_domains):
            yield Match(link.start, link.end, message=MESSAGES.say("links.shortener", host=host))
            continue
        if options.require_utm and (not options.utm_domains or _on(host, options.utm_domains)):
            query = parse_qs(parts.query)
            missing = [p for p in options.require_utm if p not in query]
            if missing:
                yield Match(link.start, link.end,
                            message=MESSAGES.say("links.utm", parameters=Joined(", ", tuple(missing))))
    if options.max is not None and len(links) > options.max:
        extra = links[options.max:]
        yield Match(extra[0].start, extra[-1].end,
                    message=MESSAGES.say("links.too_many", count=len(links), max=options.max), whole_document=True)


EXAMPLES = (
    Example("Read more: https://bit.ly/3xYz", expect=("https://bit.ly/3xYz",)),
    Example("Réservez : https://hotelia.fr/offres?utm_source=x", expect=("https://hotelia.fr/offres?utm_source=x",),
            options={"require_utm": ["utm_source", "utm_campaign"]}, language="fr-FR"),
    Example("Réservez : https://hotelia.fr/offres?utm_source=x&utm_campaign=ete",
            options={"require_utm": ["utm_source", "utm_campaign"]}, language="fr-FR"),
    Example("See https://a.example and https://b.example", expect=("https://b.example",), options={"max": 1}),
)


KIND = Kind(
    name="links", category="platform", level="warning", options=Options, check=check,
    messages=MESSAGES, examples=EXAMPLES, doc=__doc__,
    sees_links=True,  # findings on links, and about the whole post, which may hold links
)
