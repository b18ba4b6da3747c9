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

from brandvoice.learn.analysis import Proposal, TagUse, WordUse


def _console(buffer: io.StringIO, color: bool) -> Console:
    return Console(file=buffer, force_terminal=color, no_color=not color, highlight=False, soft_wrap=True, width=200)


def render_text(proposal: Proposal, diff: list[str], color: bool = False, written: str | None = None) -> str:
    buffer = io.StringIO()
    out = _console(buffer, color)
    guide = proposal.guide
    out.print(
        f"[bold]Learned from {proposal.posts} approved post{'s' * (proposal.posts != 1)}[/bold] "
        f"with the guide “{escape(guide.id)}” ({escape(guide.path or '?')}); "
        f"“recurring” means in at least {proposal.recurring} posts."
    )
    _words(out, proposal)
    _tone(out, proposal)
    _tags(out, "Hashtags used consistently", proposal.hashtags)
    _tags(out, "Mentions used consistently", proposal.mentions)
    _rules(out, proposal)
    for note in proposal.notes:
        out.print(f"[dim]note: {escape(note)}[/dim]")
    for path, reason in proposal.skipped:
        out.print(f"[dim]skipped {escape(path)}: {escape(reason)}[/dim]")
    out.print()
    if not diff:
        out.print("The guide already matches these posts: nothing to change.")
    else:
        for line in diff:
            out.print(Text(line, style=_diff_style(line)))
        out.print()
        if written:
            out.print(f"[green]Wrote {escape(written)}.[/green] Check it with `brandvoice guides validate {escape(written)}`.")
        else:
            out.print("Run again with --write to apply this to the guide (comments and key order are kept).")
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
        out.print("[bold]Vocabulary[/bold]: not learned (--no-grammar: LanguageTool did not run).")
        return
    if not proposal.names and not proposal.accept and not proposal.typos:
        out.print("[bold]Vocabulary[/bold]: no recurring word is flagged as misspelled.")
        return
    if proposal.names:
        out.print("[bold]Names[/bold] (flagged as misspelled, recurring, written with a capital: every other "
                  "writing of them will be flagged):")
        for use in proposal.names:
            _word(out, use)
    if proposal.accept:
        out.print("[bold]Vocabulary to accept[/bold] (flagged as misspelled, recurring across posts):")
        for use in proposal.accept:
            _word(out, use)
    if proposal.typos:
        out.print("[bold]Left out: they look like typos[/bold] (one letter or the accents away from a word):")
        for use in proposal.typos:
            assert use.typo is not None
            out.print(
                f"  {escape(use.word)}  →  {escape(use.typo.neighbour)}?  "
                f"[dim]{use.posts} posts; add it to vocabulary.accept by hand if it is a name[/dim]"
            )


def _word(out: Console, use: WordUse) -> None:
    out.print(f"  [green]{escape(use.word)}[/green]  {use.posts} posts, {use.occurrences} times")
    for example in use.examples:
        out.print(f"      [dim]{escape(example.path)}:[/dim] {escape(example.excerpt)}")


def _tone(out: Console, proposal: Proposal) -> None:
    if proposal.tone:
        out.print()
        out.print("[bold]Tone bands[/bold] (10th–90th percentile of the posts):")
        for band in proposal.tone:
            out.print(
                f"  {escape(band.dimension):<22} [{band.low:g}, {band.high:g}]  "
                f"[dim]median {band.median:g}, {band.measured} posts measured[/dim]"
            )
    register = proposal.register
    if register and register.counts:
        shares = ", ".join(f"{name} {count}" for name, count in sorted(register.counts.items(), key=lambda kv: -kv[1]))
        if register.clear:
            dominant = f" → {register.dominant} ({register.share:.0%} of the posts that address the reader)"
        elif any(register.counts.get(r) for r in ("tu", "vous")):
            dominant = " (no clear majority: not proposed)"
        else:
            dominant = " (no post addresses the reader as tu or vous)"
        out.print(f"[bold]Register[/bold]: {escape(shares)}{escape(dominant)}")


def _tags(out: Console, title: str, uses: list[TagUse]) -> None:
    if not uses:
        return
    out.print()
    out.print(f"[bold]{title}[/bold]:")
    for use in uses:
        variants = "" if len(use.spellings) == 1 else "  [dim](" + escape(", ".join(f"{s} ×{n}" for s, n in use.spellings.items())) + ")[/dim]"
        out.print(f"  {escape(use.tag):<24} {use.posts} posts ({use.share:.0%}){variants}")


def _rules(out: Console, proposal: Proposal) -> None:
    if not proposal.rules:
        return
    out.print()
    out.print("[bold]Rules that fire on most approved posts[/bold] (the guide disagrees with practice):")
    for use in proposal.rules:
        out.print(f"  {escape(use.rule):<40} {use.share:.0%} of posts  [dim]{use.level}, {use.category}[/dim]")
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
