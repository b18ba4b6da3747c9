"""Code actions: each suggestion as a quick fix (a safe fix is the preferred one), "fix all safe"
for the file (what `--fix` does, round after round), and "add to the guide's accepted vocabulary"
for a spelling finding, written through the same round-trip writer as `learn --write`."""

from __future__ import annotations

import difflib
import os
from pathlib import Path

from lsprotocol import types

from brandvoice.errors import BrandvoiceError
from brandvoice.findings import Finding
from brandvoice.guides.model import ResolvedGuide
from brandvoice.lsp.positions import PositionMap

FIX_ALL = "brandvoice.fixAll"  # arguments: the document's URI
ACCEPT_WORD = "brandvoice.acceptWord"  # arguments: the document's URI, the word
STATUS = "brandvoice.status"  # the status lens' command: shows nothing more
FIX_ALL_KIND = f"{types.CodeActionKind.SourceFixAll.value}.brandvoice"

# the server's few words of its own (the findings' messages come from the catalogue)
TITLES = {
    "replace": "Replace with “{replacement}”",
    "remove": "Remove “{match}”",
    "fix_all": "Fix all safe brandvoice findings in this file",
    "accept": "Add “{word}” to the accepted vocabulary of {guide}",
}


def quick_fixes(uri: str, finding: Finding, diagnostic: types.Diagnostic, positions: PositionMap) -> list[types.CodeAction]:
    """One action per suggestion; never for a finding about the whole post (as `--fix`)."""
    if finding.whole_document:
        return []
    where = positions.range(finding.offset, finding.offset + finding.length)
    actions = []
    for replacement in finding.replacements:
        title = (TITLES["replace"].format(replacement=replacement) if replacement
                 else TITLES["remove"].format(match=finding.match))
        actions.append(types.CodeAction(
            title=title,
            kind=types.CodeActionKind.QuickFix,
            diagnostics=[diagnostic],
            is_preferred=finding.fix_safe,
            edit=types.WorkspaceEdit(changes={uri: [types.TextEdit(range=where, new_text=replacement)]}),
        ))
    return actions


def fix_all(uri: str, kind: str = FIX_ALL_KIND, diagnostics: list[types.Diagnostic] | None = None) -> types.CodeAction:
    return types.CodeAction(
        title=TITLES["fix_all"], kind=kind, diagnostics=diagnostics,
        command=types.Command(title=TITLES["fix_all"], command=FIX_ALL, arguments=[uri]),
    )


def accept_word(uri: str, word: str, guide: ResolvedGuide, diagnostic: types.Diagnostic) -> types.CodeAction:
    title = TITLES["accept"].format(word=word, guide=guide.id)
    return types.CodeAction(
        title=title, kind=types.CodeActionKind.QuickFix, diagnostics=[diagnostic],
        command=types.Command(title=title, command=ACCEPT_WORD, arguments=[uri, word]),
    )


def text_edits(old: str, new: str, positions: PositionMap) -> list[types.TextEdit]:
    """The few edits that turn `old` into `new` (the cursor and undo history stay put)."""
    edits = []
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op != "equal":
            edits.append(types.TextEdit(range=positions.range(a1, a2), new_text=new[b1:b2]))
    return edits


def writable_guide(guide: ResolvedGuide) -> bool:
    """A guide of the user's own: a file they can write, not one shipped with brandvoice."""
    from brandvoice.guides.loader import shipped_guides_dir

    if guide.path is None:
        return False
    path = Path(guide.path).resolve()
    return shipped_guides_dir().resolve() not in path.parents and os.access(path, os.W_OK)


def add_accepted_word(guide: ResolvedGuide, word: str) -> None:
    """`vocabulary.accept` of the guide's file gains `word`; comments, order and style are kept,
    the result is validated before it is written, and written only if the file did not change."""
    from brandvoice.files import NotWritten
    from brandvoice.fixes import FileChanged, write_atomically
    from brandvoice.learn.analysis import Change
    from brandvoice.learn.guidefile import apply_changes, validate_text

    assert guide.path is not None
    path = Path(guide.path)
    with path.open(encoding="utf-8-sig", newline="") as handle:
        current = handle.read()
    updated = apply_changes(current, [Change(("vocabulary", "accept"), [word], "extend")], label=str(path))
    if updated == current:
        return
    validate_text(path, updated)
    try:
        write_atomically(path, current, updated)
    except FileChanged:
        raise BrandvoiceError(f"{path} changed while it was being edited: try again") from None
    except NotWritten as exc:  # read-only, hard links, another owner: as `--fix` and `learn --write`
        raise BrandvoiceError(f"{path} not written: {exc}") from None
