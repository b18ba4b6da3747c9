"""LanguageTool as a service of the engine: every text of a batch whose rules need it is sent at
once (concurrently, chunk by chunk), each to its own project's server, before any rule runs; the
grammar kind then reads its result from `ctx.services`."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from brandvoice.rules.base import CheckContext, Service, ServiceRequest

NAME = "languagetool"


def fingerprint(request: ServiceRequest) -> str:
    """What the results depend on besides the text and guide (the engine's result cache key)."""
    from brandvoice.languagetool import LT_VERSION
    from brandvoice.languagetool.client import configured_url

    return f"languagetool-{LT_VERSION}@{configured_url(request.ctx.languagetool_url) or 'local'}"


def prepare(requests: Sequence[ServiceRequest]) -> None:
    """The engine's batch hook: the options are those of the guide's rule that sends the text
    (its `grammar` rule)."""
    send([(r.ctx, r.rules[0].options if r.rules else None) for r in requests])


def send(texts: Sequence[tuple[CheckContext, Any]]) -> None:
    """Check every text not checked yet, with its grammar options (None: LanguageTool's
    defaults); results go to `ctx.services`."""
    from brandvoice.languagetool.client import LanguageToolClient

    todo = [(ctx, options) for ctx, options in texts if NAME not in ctx.services]
    if not todo:
        return
    # each text goes to its own project's server, never to another project's
    by_server: dict[str | None, list[tuple[CheckContext, Any]]] = {}
    for ctx, options in todo:
        by_server.setdefault(ctx.languagetool_url, []).append((ctx, options))
    for url, group in by_server.items():
        items = [(ctx.prose, _check_options(ctx, options)) for ctx, options in group]
        client = LanguageToolClient.connect(url=url, languages=sorted({ctx.language for ctx, _ in group}), first=items)
        for (ctx, _), result in zip(group, client.check_many(items)):
            ctx.services[NAME] = result


def _check_options(ctx: CheckContext, options: Any):
    from brandvoice.languagetool.client import CheckOptions

    if options is None:
        return CheckOptions(language=ctx.language)
    return CheckOptions(
        language=ctx.language,
        disabled_rules=options.disabled_rules,
        enabled_rules=options.enabled_rules,
        disabled_categories=options.disabled_categories,
        picky=options.picky,
        mother_tongue=options.mother_tongue,
    )


SERVICE = Service(NAME, prepare, fingerprint, waits=True)
