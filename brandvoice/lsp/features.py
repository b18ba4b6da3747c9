"""What each Language Server Protocol method does in `brandvoice lsp`: the documents' lifecycle,
configuration and file events, code actions and commands, hover, the status lens or hint; and
`serve`, which runs the server over stdio."""

from __future__ import annotations

import asyncio
import logging
from pathlib import Path
from typing import Any

from lsprotocol import types
from pygls.uris import to_fs_path

from brandvoice.errors import BrandvoiceError
from brandvoice.lsp import actions
from brandvoice.lsp.diagnostics import status
from brandvoice.lsp.positions import PositionMap
from brandvoice.lsp.server import (
    CONFIG_NAMES,
    GUIDE_SUFFIXES,
    BrandvoiceServer,
    Settings,
    checkable,
    path_of,
)


def create_server(settings: Settings | None = None) -> BrandvoiceServer:
    server = BrandvoiceServer(settings)

    @server.feature(types.INITIALIZE)
    def initialize(ls: BrandvoiceServer, params: types.InitializeParams) -> None:
        ls.settings = ls.settings.updated(params.initialization_options)

    @server.feature(types.INITIALIZED)
    def initialized(ls: BrandvoiceServer, params: types.InitializedParams) -> None:
        workspace = ls.client_capabilities.workspace
        watched = workspace.did_change_watched_files if workspace else None
        if watched and watched.dynamic_registration:
            watchers = [types.FileSystemWatcher(glob_pattern=f"**/{pattern}")
                        for pattern in ("*.yaml", "*.yml", "pyproject.toml")]
            ls.client_register_capability(types.RegistrationParams(registrations=[types.Registration(
                id="brandvoice-guides", method=types.WORKSPACE_DID_CHANGE_WATCHED_FILES,
                register_options=types.DidChangeWatchedFilesRegistrationOptions(watchers=watchers),
            )]))

    @server.feature(types.WORKSPACE_DID_CHANGE_CONFIGURATION)
    def did_change_configuration(ls: BrandvoiceServer, params: types.DidChangeConfigurationParams) -> None:
        settings = ls.settings.updated(params.settings)
        if settings != ls.settings:
            ls.settings = settings
            ls.reset()
            ls.recheck_all()

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: BrandvoiceServer, params: types.DidOpenTextDocumentParams) -> None:
        path = to_fs_path(params.text_document.uri) or ""
        if path.endswith(GUIDE_SUFFIXES):
            if ls.is_guide(path):
                ls.validate_guide(path)
        elif checkable(ls.workspace.get_text_document(params.text_document.uri)):
            ls.schedule(params.text_document.uri, 0)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: BrandvoiceServer, params: types.DidChangeTextDocumentParams) -> None:
        if params.text_document.uri in ls.drafts:
            ls.schedule(params.text_document.uri, ls.settings.debounce)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    def did_save(ls: BrandvoiceServer, params: types.DidSaveTextDocumentParams) -> None:
        path = to_fs_path(params.text_document.uri) or ""
        if path.endswith(GUIDE_SUFFIXES) or Path(path).name in CONFIG_NAMES:
            ls.reset()
            if path.endswith(GUIDE_SUFFIXES) and ls.is_guide(path):
                ls.validate_guide(path)
            ls.recheck_all()

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: BrandvoiceServer, params: types.DidCloseTextDocumentParams) -> None:
        uri = params.text_document.uri
        draft = ls.drafts.pop(uri, None)
        if draft is not None:
            if draft.task is not None:
                draft.task.cancel()
            if draft.cancel is not None:
                draft.cancel.set()
            ls.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=[]))
            ls._report_related(uri, {})

    @server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    def did_change_watched_files(ls: BrandvoiceServer, params: types.DidChangeWatchedFilesParams) -> None:
        paths = [to_fs_path(change.uri) or "" for change in params.changes]
        relevant = [p for p in paths if p.endswith(GUIDE_SUFFIXES) or Path(p).name in CONFIG_NAMES]
        if relevant:
            ls.reset()
            for path in relevant:
                if path.endswith(GUIDE_SUFFIXES) and ls.is_guide(path) and Path(path).exists():
                    ls.validate_guide(path)
            ls.recheck_all()

    @server.feature(
        types.TEXT_DOCUMENT_CODE_ACTION,
        types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix, actions.FIX_ALL_KIND]),
    )
    def code_action(ls: BrandvoiceServer, params: types.CodeActionParams) -> list[types.CodeAction]:
        uri = params.text_document.uri
        checked = ls.current(uri)
        if checked is None or checked.result is None:
            return []
        positions = checked.positions
        start, end = positions.offset(params.range.start), positions.offset(params.range.end)
        found: list[types.CodeAction] = []
        words: set[str] = set()
        for finding, diag in zip(checked.result.findings, checked.diagnostics):
            shown = diag.range
            first, last = positions.offset(shown.start), positions.offset(shown.end)
            if not (first <= end and start <= last):
                continue
            found.extend(actions.quick_fixes(uri, finding, diag, positions))
            word = finding.match.strip()
            if (finding.category == "spelling" and word and word not in words and " " not in word
                    and checked.guide is not None and actions.writable_guide(checked.guide)):
                words.add(word)
                found.append(actions.accept_word(uri, word, checked.guide, diag))
        if any(f.fix_safe for f in checked.result.findings):
            found.append(actions.fix_all(uri))
        only = params.context.only
        if only:
            found = [a for a in found if any(a.kind == k or (a.kind or "").startswith(f"{k}.") for k in only)]
        return found

    @server.command(actions.FIX_ALL)
    async def fix_all(ls: BrandvoiceServer, *args: Any) -> dict[str, int]:
        uri = _argument(args, 0)
        document = ls.workspace.get_text_document(uri)
        text, version = document.source, document.version
        fixed = await asyncio.get_running_loop().run_in_executor(ls.pool, ls.fixed, path_of(document), text)
        if fixed == text:
            return {"applied": 0}
        edits = actions.text_edits(text, fixed, PositionMap(text, ls.workspace.position_encoding or "utf-16"))
        edit = types.WorkspaceEdit(document_changes=[types.TextDocumentEdit(
            text_document=types.OptionalVersionedTextDocumentIdentifier(uri=uri, version=version), edits=edits,
        )])
        result = await ls.workspace_apply_edit_async(types.ApplyWorkspaceEditParams(edit=edit, label=actions.TITLES["fix_all"]))
        return {"applied": len(edits) if result.applied else 0}

    @server.command(actions.ACCEPT_WORD)
    async def accept_word(ls: BrandvoiceServer, *args: Any) -> dict[str, str]:
        uri, word = _argument(args, 0), _argument(args, 1)
        checked = ls.drafts.get(uri).checked if uri in ls.drafts else None
        guide = checked.guide if checked else None
        if guide is None or not actions.writable_guide(guide):
            raise BrandvoiceError("this draft's guide is not a file brandvoice may write")
        await asyncio.get_running_loop().run_in_executor(ls.pool, actions.add_accepted_word, guide, word)
        ls.reset()
        ls.recheck_all()
        return {"guide": str(guide.path), "word": word}

    @server.command(actions.STATUS)
    def show_status(ls: BrandvoiceServer, *args: Any) -> str:
        checked = ls.current(_argument(args, 0)) if args else None
        return status(checked.result) if checked and checked.result else ""

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    def hover(ls: BrandvoiceServer, params: types.HoverParams) -> types.Hover | None:
        checked = ls.current(params.text_document.uri)
        if checked is None or checked.result is None:
            return None
        at = checked.positions.offset(params.position)
        parts = []
        for finding, diag in zip(checked.result.findings, checked.diagnostics):
            shown = diag.range
            if checked.positions.offset(shown.start) <= at <= checked.positions.offset(shown.end):
                explanation = ls.explanations.text(finding.rule, checked.rules, checked.guide,
                                                   ls.settings.run_options().guides_dirs)
                parts.append(f"**{finding.rule}** · {finding.level} · {finding.category}\n\n{finding.message}\n\n"
                             f"```text\n{explanation}\n```")
        if not parts:
            return None
        return types.Hover(contents=types.MarkupContent(kind=types.MarkupKind.Markdown, value="\n\n---\n\n".join(parts)))

    @server.feature(types.TEXT_DOCUMENT_CODE_LENS, types.CodeLensOptions(resolve_provider=False))
    def code_lens(ls: BrandvoiceServer, params: types.CodeLensParams) -> list[types.CodeLens]:
        checked = ls.current(params.text_document.uri)
        if ls.settings.status != "codeLens" or checked is None or checked.result is None:
            return []
        text = status(checked.result)
        top = types.Range(start=types.Position(line=0, character=0), end=types.Position(line=0, character=0))
        return [types.CodeLens(range=top, command=types.Command(
            title=text, command=actions.STATUS, arguments=[params.text_document.uri]))] if text else []

    @server.feature(types.TEXT_DOCUMENT_INLAY_HINT, types.InlayHintOptions(resolve_provider=False))
    def inlay_hint(ls: BrandvoiceServer, params: types.InlayHintParams) -> list[types.InlayHint]:
        checked = ls.current(params.text_document.uri)
        if ls.settings.status != "inlayHint" or checked is None or checked.result is None or params.range.start.line > 0:
            return []
        text = status(checked.result)
        end = checked.positions.line_range(0).end
        return [types.InlayHint(position=end, label=text, padding_left=True)] if text else []

    @server.feature(types.SHUTDOWN)
    def shutdown(ls: BrandvoiceServer, *args: Any) -> None:
        for draft in ls.drafts.values():
            if draft.cancel is not None:
                draft.cancel.set()
            if draft.task is not None:
                draft.task.cancel()
        ls.pool.shutdown(wait=False, cancel_futures=True)

    return server


def _argument(args: tuple[Any, ...], index: int) -> str:
    if len(args) <= index or not isinstance(args[index], str):
        raise BrandvoiceError(f"argument {index + 1} is missing or not a string")
    return args[index]


def serve(settings: Settings | None = None) -> None:
    """Serve over stdio until the client says exit. Anything printed by mistake goes to stderr:
    stdout carries the protocol."""
    import sys

    logging.basicConfig(level=logging.WARNING, stream=sys.stderr)
    stdin, stdout = sys.stdin.buffer, sys.stdout.buffer
    sys.stdout = sys.stderr
    create_server(settings).start_io(stdin, stdout)
