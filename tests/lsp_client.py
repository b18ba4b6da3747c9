"""A real LSP client session with `brandvoice lsp` over stdio (pygls' client), for the tests and the
benchmark: it keeps the documents it opened, answers the server's requests (applyEdit applies the
edit to its copy, as an editor would), and lets a test wait for the diagnostics of a version."""

from __future__ import annotations

import asyncio
import os
import sys
import time
from pathlib import Path
from typing import Any, Union

from lsprotocol import types
from pygls.lsp.client import LanguageClient

from brandvoice.lsp.positions import PositionMap

ROOT = Path(__file__).resolve().parent.parent


class Session:
    def __init__(self, cwd: Path, options: dict | None = None, encodings: list[str] | None = None,
                 env: dict[str, str] | None = None, args: tuple[str, ...] = ()) -> None:
        self.cwd, self.options, self.encodings = cwd, options, encodings
        self.env = {**os.environ, "BRANDVOICE_NO_SERVER": "1", **(env or {})}
        self.args = args
        self.client = LanguageClient("brandvoice-tests", "1")
        _read_code_actions_by_the_spec(self.client)
        self.published: dict[str, list[tuple[float, types.PublishDiagnosticsParams]]] = {}
        self.texts: dict[str, str] = {}
        self.versions: dict[str, int] = {}
        self.applied: list[types.ApplyWorkspaceEditParams] = []
        self.requests: list[str] = []
        self.stderr = bytearray()
        self._arrived = asyncio.Event()
        self.initialized: types.InitializeResult | None = None
        self._handlers()

    def _handlers(self) -> None:
        client = self.client

        @client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        def published(params: types.PublishDiagnosticsParams) -> None:
            self.published.setdefault(params.uri, []).append((time.perf_counter(), params))
            self._arrived.set()

        @client.feature(types.WORKSPACE_APPLY_EDIT)
        def apply_edit(params: types.ApplyWorkspaceEditParams) -> types.ApplyWorkspaceEditResult:
            self.applied.append(params)
            for change in params.edit.document_changes or []:
                uri = change.text_document.uri
                if change.text_document.version != self.versions.get(uri):
                    return types.ApplyWorkspaceEditResult(applied=False, failure_reason="version")
                self._edit(uri, change.edits)
            for uri, edits in (params.edit.changes or {}).items():
                self._edit(uri, edits)
            return types.ApplyWorkspaceEditResult(applied=True)

        for method in (types.CLIENT_REGISTER_CAPABILITY, types.WORKSPACE_CODE_LENS_REFRESH,
                       types.WORKSPACE_INLAY_HINT_REFRESH):
            def answer(params: Any, method: str = method) -> None:
                self.requests.append(method)
                return None
            client.feature(method)(answer)

    def _edit(self, uri: str, edits: list[types.TextEdit]) -> None:
        """Apply edits (given against the same text) as an editor does, and tell the server."""
        text = self.texts[uri]
        positions = PositionMap(text, self.encoding)
        spans = sorted(((positions.offset(e.range.start), positions.offset(e.range.end), e.new_text) for e in edits),
                       reverse=True)
        for start, end, new in spans:
            text = text[:start] + new + text[end:]
        self.change_all(uri, text)

    @property
    def encoding(self) -> str:
        assert self.initialized is not None
        return self.initialized.capabilities.position_encoding or types.PositionEncodingKind.Utf16

    async def start(self) -> types.InitializeResult:
        await self.client.start_io(sys.executable, "-m", "brandvoice", "lsp", *self.args, cwd=str(self.cwd), env=self.env)
        self._drain = asyncio.create_task(self._read_stderr())
        capabilities = types.ClientCapabilities(
            general=types.GeneralClientCapabilities(position_encodings=self.encodings) if self.encodings else None,
            workspace=types.WorkspaceClientCapabilities(
                workspace_edit=types.WorkspaceEditClientCapabilities(document_changes=True),
                did_change_watched_files=types.DidChangeWatchedFilesClientCapabilities(dynamic_registration=True),
                code_lens=types.CodeLensWorkspaceClientCapabilities(refresh_support=True),
            ),
        )
        self.initialized = await self.client.initialize_async(types.InitializeParams(
            capabilities=capabilities, root_uri=self.cwd.as_uri(), initialization_options=self.options,
        ))
        self.client.initialized(types.InitializedParams())
        return self.initialized

    async def _read_stderr(self) -> None:
        stream = self.client._server.stderr
        while chunk := await stream.read(65536):
            self.stderr.extend(chunk)

    def open(self, path: Path, text: str, language: str = "markdown") -> str:
        uri = path.as_uri()
        self.texts[uri], self.versions[uri] = text, 1
        self.client.text_document_did_open(types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(uri=uri, language_id=language, version=1, text=text)))
        return uri

    def change(self, uri: str, start: int, end: int, new: str) -> int:
        """An incremental change: code points `start:end` of the current text become `new`."""
        text = self.texts[uri]
        positions = PositionMap(text, self.encoding)
        self.texts[uri] = text[:start] + new + text[end:]
        self.versions[uri] += 1
        self.client.text_document_did_change(types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=self.versions[uri]),
            content_changes=[types.TextDocumentContentChangePartial(range=positions.range(start, end), text=new)],
        ))
        return self.versions[uri]

    def change_all(self, uri: str, text: str) -> int:
        self.texts[uri] = text
        self.versions[uri] += 1
        self.client.text_document_did_change(types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=self.versions[uri]),
            content_changes=[types.TextDocumentContentChangeWholeDocument(text=text)],
        ))
        return self.versions[uri]

    async def diagnostics(self, uri: str, version: int | None = None, timeout: float = 120,
                          after: float = 0.0) -> types.PublishDiagnosticsParams:
        """The first diagnostics published for `uri` (at `version`, if given) after `after`."""
        deadline = time.monotonic() + timeout
        while True:
            for at, params in self.published.get(uri, []):
                if at >= after and (version is None or params.version == version):
                    return params
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise AssertionError(f"no diagnostics for {uri} v{version}; stderr: {self.stderr.decode(errors='replace')}")
            self._arrived.clear()
            try:
                await asyncio.wait_for(self._arrived.wait(), remaining)
            except asyncio.TimeoutError:
                pass

    async def stop(self) -> None:
        await self.client.shutdown_async(None)
        self.client.exit(None)
        await asyncio.wait_for(self.client.stop(), 30)
        await self._drain


def _read_code_actions_by_the_spec(client: LanguageClient) -> None:
    """lsprotocol 2025.0.0 reads any code action with a `command` as a bare Command; the spec tells
    them apart by the type of `command` (a string only in a Command), as editors do."""
    converter = client.protocol._converter

    def structure(value: Any, _: type) -> types.Command | types.CodeAction:
        kind = types.Command if isinstance(value.get("command"), str) else types.CodeAction
        return converter.structure(value, kind)

    converter.register_structure_hook(Union[types.Command, types.CodeAction], structure)


def run(scenario) -> Any:
    """Run an async test scenario."""
    return asyncio.run(scenario())
