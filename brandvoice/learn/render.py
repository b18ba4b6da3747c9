"""How `brandvoice learn` shows its proposal: the evidence, then the diff of the guide file.

Text for people (Rich, colour following the terminal), JSON for scripts. Returns strings; the CLI
prints them.
"""

from __future__ import annotations

import io
from typing import Any

from rich.console import Console
from rich.markup import escape
from rich.text import Text

from brandvoice.formats.common import category_name
from brandvoice.i18n import _, ngettext, ui_number
from brandvoice.learn.analysis import Proposal, TagUse, WordUse


def _console(buffer: io.StringIO, color: bool) -> Console:
    return Console(file=buffer, force_terminal=color, no_color=not color, highlight=False, soft_wrap=True, width=200)


def render_text(proposal: Proposal, diff: list[str], color: bool = False, written: str | None = None) -> str:
    buffer = io.StringIO()
    out = _console(buffer, color)
    guide = proposal.guide
    learned = ngettext("Learned from {count} approved post", "Learned from {count} approved posts", proposal.posts)
    out.print(
        "[bold]" + escape(learned.format(count=proposal.posts)) + "[/bold] " + escape(ngettext(
            "with the guide “{guide}” ({path}); “recurring” means in at least {count} post.",
            "with the guide “{guide}” ({path}); “recurring” means in at least {count} posts.",
            proposal.recurring,
        ).format(guide=guide.id, path=guide.path or "?", count=proposal.recurring))
    )
    _words(out, proposal)
    _tone(out, proposal)
    _tags(out, _("Hashtags used consistently"), proposal.hashtags)
    _tags(out, _("Mentions used consistently"), proposal.mentions)
    _rules(out, proposal)
    for note in proposal.notes:
        out.print("[dim]" + escape(_("note: {note}").format(note=note)) + "[/dim]")
    for path, reason in proposal.skipped:
        out.print("[dim]" + escape(_("skipped {path}: {reason}").format(path=path, reason=reason)) + "[/dim]")
    out.print()
    if not diff:
        out.print(escape(_("The guide already matches these posts: nothing to change.")))
    else:
        for line in diff:
            out.print(Text(line, style=_diff_style(line)))
        out.print()
        if written:
            out.print("[green]" + escape(_("Wrote {path}.").format(path=written)) + "[/green] " + escape(
                _("Check it with `brandvoice guides validate {path}`.").format(path=written)))
        else:
            out.print(escape(_("Run again with --write to apply this to the guide (comments and key order are kept).")))
    return buffer.getvalue()


def _diff_style(line: str) -> str:
    if line.startswith(("+++", "---")):
        return "bold"
    if line.startswith("@@"):
        return "cyan"
    if line.startswith("+"):
        return "green"
    if line.startswith("-"):
        return "red"
    return ""


def _words(out: Console, proposal: Proposal) -> None:
    out.print()
    if not proposal.spelling_checked:
        _heading(out, _("Vocabulary"), _("{title}: not learned (--no-grammar: LanguageTool did not run)."))
        return
    if not proposal.names and not proposal.accept and not proposal.typos:
        _heading(out, _("Vocabulary"), _("{title}: no recurring word is flagged as misspelled."))
        return
    if proposal.names:
        _heading(out, _("Names"), _(
            "{title} (flagged as misspelled, recurring, written with a capital: every other writing of them will be flagged):"))
        for use in proposal.names:
            _word(out, use)
    if proposal.accept:
        _heading(out, _("Vocabulary to accept"), _("{title} (flagged as misspelled, recurring across posts):"))
        for use in proposal.accept:
            _word(out, use)
    if proposal.typos:
        _heading(out, _("Left out: they look like typos"), _("{title} (one letter or the accents away from a word):"))
        for use in proposal.typos:
            assert use.typo is not None
            out.print(
                "  " + escape(_("{word}  →  {neighbour}?").format(word=use.word, neighbour=use.typo.neighbour)) + "  [dim]"
                + escape(ngettext("{count} post; add it to vocabulary.accept by hand if it is a name",
                                  "{count} posts; add it to vocabulary.accept by hand if it is a name",
                                  use.posts).format(count=use.posts)) + "[/dim]"
            )


def _heading(out: Console, title: str, line: str, **values: str) -> None:
    """`line` (a template) with its `{title}` in bold."""
    before, _title, after = line.partition("{title}")
    out.print(escape(before.format(**values)) + "[bold]" + escape(title) + "[/bold]" + escape(after.format(**values)))


def _posts(count: int) -> str:
    return ngettext("{count} post", "{count} posts", count).format(count=count)


def _word(out: Console, use: WordUse) -> None:
    times = ngettext("{count} time", "{count} times", use.occurrences).format(count=use.occurrences)
    out.print(f"  [green]{escape(use.word)}[/green]  " + escape(_("{posts}, {times}").format(posts=_posts(use.posts), times=times)))
    for example in use.examples:
        out.print(f"      [dim]{escape(example.path)}:[/dim] {escape(example.excerpt)}")


def _tone(out: Console, proposal: Proposal) -> None:
    if proposal.tone:
        out.print()
        _heading(out, _("Tone bands"), _("{title} (10th–90th percentile of the posts):"))
        for band in proposal.tone:
            measured = ngettext("median {median}, {count} post measured", "median {median}, {count} posts measured",
                                band.measured).format(median=ui_number(band.median), count=band.measured)
            interval = _("[{low}, {high}]").format(low=ui_number(band.low), high=ui_number(band.high))
            out.print(f"  {escape(band.dimension):<22} {escape(interval)}  [dim]{escape(measured)}[/dim]")
    register = proposal.register
    if register and register.counts:
        shares = ", ".join(f"{name} {count}" for name, count in sorted(register.counts.items(), key=lambda kv: -kv[1]))
        if register.clear:
            dominant = _("{shares} → {register} ({share} of the posts that address the reader)").format(
                shares=shares, register=register.dominant, share=ui_number(register.share, ".0%"))
        elif any(register.counts.get(r) for r in ("tu", "vous")):
            dominant = _("{shares} (no clear majority: not proposed)").format(shares=shares)
        else:
            dominant = _("{shares} (no post addresses the reader as tu or vous)").format(shares=shares)
        _heading(out, _("Register"), _("{title}: {text}"), text=dominant)


def _tags(out: Console, title: str, uses: list[TagUse]) -> None:
    if not uses:
        return
    out.print()
    _heading(out, title, _("{title}:"))
    for use in uses:
        variants = "" if len(use.spellings) == 1 else "  [dim](" + escape(", ".join(f"{s} ×{n}" for s, n in use.spellings.items())) + ")[/dim]"
        share = _("{posts} ({share})").format(posts=_posts(use.posts), share=ui_number(use.share, ".0%"))
        out.print(f"  {escape(use.tag):<24} {escape(share)}{variants}")


def _rules(out: Console, proposal: Proposal) -> None:
    if not proposal.rules:
        return
    out.print()
    _heading(out, _("Rules that fire on most approved posts"), _("{title} (the guide disagrees with practice):"))
    for use in proposal.rules:
        share = _("{share} of posts").format(share=ui_number(use.share, ".0%"))
        kind = f"{_(use.level)}, {category_name(use.category)}"
        out.print(f"  {escape(use.rule):<40} {escape(share)}  [dim]{escape(kind)}[/dim]")
        out.print(f"      [dim]{escape(use.example.path)}:[/dim] {escape(use.example.excerpt)}")


def to_json(proposal: Proposal, diff: list[str], written: str | None = None) -> dict[str, Any]:
    def word(use: WordUse) -> dict[str, Any]:
        found = {
            "word": use.word,
            "posts": use.posts,
            "occurrences": use.occurrences,
            "examples": [{"path": e.path, "excerpt": e.excerpt} for e in use.examples],
        }
        if use.typo:
            found["typo_of"] = use.typo.neighbour
        return found

    def tag(use: TagUse) -> dict[str, Any]:
        return {"tag": use.tag, "posts": use.posts, "share": round(use.share, 4), "spellings": use.spellings}

    register = proposal.register
    return {
        "guide": {"id": proposal.guide.id, "path": proposal.guide.path},
        "posts": proposal.posts,
        "recurring": proposal.recurring,
        "spelling_checked": proposal.spelling_checked,
        "names": [word(u) for u in proposal.names],
        "accept": [word(u) for u in proposal.accept],
        "typos": [word(u) for u in proposal.typos],
        "tone": {
            b.dimension: {"band": [b.low, b.high], "median": b.median, "measured": b.measured} for b in proposal.tone
        },
        "register": (
            {"counts": register.counts, "dominant": register.dominant, "share": round(register.share, 4), "clear": register.clear}
            if register
            else None
        ),
        "hashtags": [tag(u) for u in proposal.hashtags],
        "mentions": [tag(u) for u in proposal.mentions],
        "rules": [
            {"rule": u.rule, "category": u.category, "level": u.level, "posts": u.posts, "share": round(u.share, 4)}
            for u in proposal.rules
        ],
        "changes": [{"path": list(c.path), "value": c.value, "mode": c.mode} for c in proposal.changes],
        "notes": proposal.notes,
        "skipped": [{"path": p, "reason": r} for p, r in proposal.skipped],
        "diff": diff,
        "written": written,
    }
