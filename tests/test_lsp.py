"""`brandvoice lsp` driven through a real LSP client session over stdio (pygls' client, see
lsp_client.py): initialize, didOpen, publishDiagnostics, didChange, codeAction, hover, codeLens,
executeCommand, shutdown; positions in each negotiated encoding; guides re-read and broken guides
reported on the guide file."""

from __future__ import annotations

import asyncio
import time
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest
from lsprotocol import types

from brandvoice.channels.counting import x_length
from brandvoice.lsp.positions import PositionMap
from lsp_client import Session, run

DRAFT = "🌅👨‍👩‍👧 Chez hotelia ! Une vue incroyable...\n"  # a sunrise (2 UTF-16 units), a ZWJ family (8)


def by_code(params: types.PublishDiagnosticsParams) -> dict[str, types.Diagnostic]:
    return {d.code: d for d in params.diagnostics}


def document(uri: str) -> types.TextDocumentIdentifier:
    return types.TextDocumentIdentifier(uri=uri)


async def code_actions(session: Session, uri: str, at: types.Range, only=None) -> list[types.CodeAction]:
    return await session.client.text_document_code_action_async(types.CodeActionParams(
        text_document=document(uri), range=at, context=types.CodeActionContext(diagnostics=[], only=only)))


def test_a_session_from_initialize_to_shutdown(tmp_path):
    async def scenario():
        session = Session(tmp_path, options={"brand": "hotelia", "grammar": False, "channels": ["x"]})
        init = await session.start()
        capabilities = init.capabilities
        assert capabilities.position_encoding == types.PositionEncodingKind.Utf16
        assert capabilities.text_document_sync.change == types.TextDocumentSyncKind.Incremental
        assert set(capabilities.code_action_provider.code_action_kinds) == {"quickfix", "source.fixAll.brandvoice"}
        assert set(capabilities.execute_command_provider.commands) == {
            "brandvoice.fixAll", "brandvoice.acceptWord", "brandvoice.status"}
        assert capabilities.hover_provider and capabilities.code_lens_provider
        assert init.server_info.name == "brandvoice"

        uri = session.open(tmp_path / "post.md", DRAFT)
        found = by_code(await session.diagnostics(uri, 1))
        term = found["hotelia.names.hotelia"]
        # UTF-16: 🌅 is 2 units, 👨‍👩‍👧 is 8 (three astral emoji and two joiners), then " Chez "
        assert (term.range.start.line, term.range.start.character, term.range.end.character) == (0, 16, 23)
        assert DRAFT.encode("utf-16-le")[16 * 2 : 23 * 2].decode("utf-16-le") == "hotelia"
        assert term.severity == types.DiagnosticSeverity.Error and term.source == "brandvoice"
        assert term.message == "Le nom de la marque s'écrit « Hotelia »."
        explanation = Path(unquote(urlparse(term.code_description.href).path)).read_text(encoding="utf-8")
        assert "hotelia.names.hotelia  (guide hotelia, kind brand_name" in explanation
        assert found["hotelia.superlatifs"].severity == types.DiagnosticSeverity.Warning
        assert found["typography.fr.nbsp"].severity == types.DiagnosticSeverity.Information

        # an incremental change: the term is fixed by hand, the other findings stay
        at = session.texts[uri].index("hotelia")
        version = session.change(uri, at, at + 1, "H")
        after = by_code(await session.diagnostics(uri, version))
        assert "hotelia.names.hotelia" not in after and "typography.fr.nbsp" in after

        nbsp = after["typography.fr.nbsp"]
        quick = await code_actions(session, uri, nbsp.range, only=[types.CodeActionKind.QuickFix])
        assert [(a.title, a.kind, a.is_preferred) for a in quick] == [("Replace with “\u202f!”", "quickfix", True)]
        assert list(quick[0].edit.changes[uri]) == [types.TextEdit(range=nbsp.range, new_text="\u202f!")]
        assert quick[0].diagnostics[0].code == "typography.fr.nbsp"
        every = await code_actions(session, uri, nbsp.range)
        assert [a.kind for a in every] == ["quickfix", "source.fixAll.brandvoice"]
        assert every[1].command.command == "brandvoice.fixAll" and list(every[1].command.arguments) == [uri]

        hover = await session.client.text_document_hover_async(types.HoverParams(
            text_document=document(uri), position=after["hotelia.superlatifs"].range.start))
        assert hover.contents.kind == types.MarkupKind.Markdown
        assert "**hotelia.superlatifs** · warning · tone" in hover.contents.value
        assert "(guide hotelia, kind existence" in hover.contents.value
        nothing = await session.client.text_document_hover_async(types.HoverParams(
            text_document=document(uri), position=types.Position(line=1, character=0)))
        assert nothing is None

        [lens] = await session.client.text_document_code_lens_async(types.CodeLensParams(text_document=document(uri)))
        length = x_length(session.texts[uri].strip())
        assert lens.range.start == types.Position(line=0, character=0)
        assert lens.command.title.startswith(f"X {length}/280 · score ")

        # fix all safe: the server computes what `--fix` would do and asks the client to apply it
        result = await session.client.workspace_execute_command_async(types.ExecuteCommandParams(
            command="brandvoice.fixAll", arguments=[uri]))
        assert result == {"applied": 2}
        [applied] = session.applied
        assert applied.edit.document_changes[0].text_document.version == version
        assert session.texts[uri] == "🌅👨‍👩‍👧 Chez Hotelia\u202f! Une vue incroyable…\n"
        fixed = by_code(await session.diagnostics(uri, session.versions[uri]))
        assert "typography.fr.nbsp" not in fixed and "typography.fr.ellipsis" not in fixed

        session.client.text_document_did_close(types.DidCloseTextDocumentParams(text_document=document(uri)))
        closed = await session.diagnostics(uri, after=time.perf_counter())
        assert list(closed.diagnostics) == []
        await session.stop()
        assert session.client._server.returncode == 0
        assert b"Traceback" not in session.stderr

    run(scenario)


@pytest.mark.parametrize("encoding, start, end", [("utf-8", 28, 35), ("utf-32", 12, 19)])
def test_positions_follow_the_negotiated_encoding(tmp_path, encoding, start, end):
    async def scenario():
        session = Session(tmp_path, options={"brand": "hotelia", "grammar": False}, encodings=[encoding])
        init = await session.start()
        assert init.capabilities.position_encoding == encoding
        uri = session.open(tmp_path / "post.md", DRAFT)
        term = by_code(await session.diagnostics(uri, 1))["hotelia.names.hotelia"]
        assert (term.range.start.character, term.range.end.character) == (start, end)
        await session.stop()

    run(scenario)


def test_changes_are_debounced(tmp_path):
    async def scenario():
        session = Session(tmp_path, options={"brand": "hotelia", "grammar": False, "debounce": 0.4})
        await session.start()
        uri = session.open(tmp_path / "post.md", "Chez hotelia.\n")
        await session.diagnostics(uri, 1)
        for word in ("HOTELIA", "Hotelia", "hotelia", "Hôtelia", "Hotelia"):  # typed faster than 0.4 s
            start = session.texts[uri].index("Chez ") + 5
            version = session.change(uri, start, start + 7, word)
        final = await session.diagnostics(uri, version)
        await asyncio.sleep(0.5)
        assert [params.version for _, params in session.published[uri]] == [1, version]
        assert "hotelia.names.hotelia" not in by_code(final)
        await session.stop()

    run(scenario)


def test_a_check_running_for_an_older_version_is_cancelled_and_never_published(monkeypatch):
    """In process, with a check that runs until it is told to stop: the server's own wiring."""
    import threading

    from pygls.workspace import Workspace

    from brandvoice.engine import CheckCancelled
    from brandvoice.lsp.features import create_server
    from brandvoice.lsp.server import Checked

    server = create_server()
    server.protocol._workspace = Workspace(None)
    uri = "file:///tmp/post.md"
    server.workspace.put_text_document(types.TextDocumentItem(uri=uri, language_id="markdown", version=1, text="a"))
    started, seen, published = threading.Event(), [], []

    def slow_check(path, text, version, cancel):
        seen.append(version)
        if version == 1:
            started.set()
            if not cancel.wait(30):
                raise AssertionError("the first check was never cancelled")
            raise CheckCancelled()
        return Checked(version, text, PositionMap(text))

    monkeypatch.setattr(server, "_check", slow_check)
    monkeypatch.setattr(server, "text_document_publish_diagnostics", published.append)
    monkeypatch.setattr(server, "_refresh_status", lambda: None)

    async def scenario():
        server.schedule(uri, 0)
        while not started.is_set():
            await asyncio.sleep(0.01)
        server.workspace.update_text_document(
            types.VersionedTextDocumentIdentifier(uri=uri, version=2), types.TextDocumentContentChangeWholeDocument(text="b"))
        server.schedule(uri, 0)
        while not published:
            await asyncio.sleep(0.01)
        await asyncio.sleep(0.1)

    run(scenario)
    assert seen == [1, 2]
    assert [(p.uri, p.version) for p in published] == [(uri, 2)]
    server.pool.shutdown()


def test_a_check_stops_when_it_is_cancelled():
    from brandvoice.engine import CheckCancelled
    from brandvoice.runner import Checker, RunOptions

    checker = Checker(RunOptions(brand="hotelia", grammar=False, cache=False))
    with pytest.raises(CheckCancelled):
        checker.check_texts([("post.md", "Chez hotelia.")], cancelled=lambda: True)
    [result] = checker.check_texts([("post.md", "Chez hotelia.")], cancelled=lambda: False)
    assert "hotelia.names.hotelia" in [f.rule for f in result.findings]


GUIDE = "name: Acme\nextends: base-fr\n# the brand's own words\nvocabulary:\n  acept: [Acme]\n"


def test_a_broken_guide_is_a_diagnostic_on_the_guide_and_guides_are_read_again(tmp_path):
    guides = tmp_path / "styleguides"
    guides.mkdir()
    guide = guides / "acme.yaml"
    guide.write_text(GUIDE, encoding="utf-8")
    (tmp_path / ".brandvoice.yaml").write_text("brand: acme\nlanguagetool: {enabled: false}\n", encoding="utf-8")

    async def scenario():
        session = Session(tmp_path)
        await session.start()
        uri = session.open(tmp_path / "post.md", "Écrivez-nous par courriel, on vous attend.\n")
        [problem] = (await session.diagnostics(uri, 1)).diagnostics
        assert types.CLIENT_REGISTER_CAPABILITY in session.requests  # watching guides and configuration
        assert problem.code == "config" and "acme.yaml:5: vocabulary.acept" in problem.message
        [on_guide] = (await session.diagnostics(guide.as_uri())).diagnostics
        assert on_guide.range.start.line == 4 and on_guide.code == "guide"
        assert on_guide.message.startswith("vocabulary.acept: ")

        # the guide is fixed on disk: the client's file event makes the server read it again
        guide.write_text(GUIDE.replace("acept: [Acme]", "accept: [Acme]") + "terms:\n  - use: e-mail\n"
                         "    not: [courriel]\n", encoding="utf-8")
        since = time.perf_counter()
        session.client.workspace_did_change_watched_files(types.DidChangeWatchedFilesParams(
            changes=[types.FileEvent(uri=guide.as_uri(), type=types.FileChangeType.Changed)]))
        assert list((await session.diagnostics(guide.as_uri(), after=since)).diagnostics) == []
        again = await session.diagnostics(uri, 1, after=since)
        assert [d.code for d in again.diagnostics] == ["acme.terms.e-mail"]

        # edited again without a file event: the next check sees the guide's new stamp
        guide.write_text(guide.read_text(encoding="utf-8") + "rules:\n  attente:\n    kind: existence\n"
                         "    tokens: [attend]\n", encoding="utf-8")
        version = session.change(uri, 0, 0, "")
        codes = [d.code for d in (await session.diagnostics(uri, version)).diagnostics]
        assert codes == ["acme.terms.e-mail", "acme.attente"]

        # a guide saved in the editor is validated at once
        guide.write_text(guide.read_text(encoding="utf-8").replace("kind: existence", "kind: existance"),
                         encoding="utf-8")
        since = time.perf_counter()
        session.client.text_document_did_save(types.DidSaveTextDocumentParams(text_document=document(guide.as_uri())))
        [on_guide] = (await session.diagnostics(guide.as_uri(), after=since)).diagnostics
        assert on_guide.range.start.line == 10 and "unknown rule kind “existance”" in on_guide.message
        await session.stop()

    run(scenario)


@pytest.mark.languagetool
def test_a_spelling_finding_adds_the_word_to_the_guides_vocabulary(tmp_path, languagetool_server):
    guides = tmp_path / "styleguides"
    guides.mkdir()
    guide = guides / "acme.yaml"
    guide.write_text("name: Acme  # the brand\nextends: base-fr\nvocabulary:\n  accept: [Acme]  # our names\n",
                     encoding="utf-8")
    (tmp_path / ".brandvoice.yaml").write_text("brand: acme\n", encoding="utf-8")

    async def scenario():
        session = Session(tmp_path)
        await session.start()
        # a coinage in lower case: written with a capital inside a sentence, it would read as a name
        uri = session.open(tmp_path / "post.md", "Nos tentes en zorblax sont arrivées chez Acme.\n")
        found = (await session.diagnostics(uri, 1)).diagnostics
        [spelling] = [d for d in found if d.code.startswith("languagetool.") and "zorblax" in
                      session.texts[uri][d.range.start.character : d.range.end.character]]
        actions = await code_actions(session, uri, spelling.range)
        [accept] = [a for a in actions if a.command and a.command.command == "brandvoice.acceptWord"]
        assert accept.title == "Add “zorblax” to the accepted vocabulary of acme"
        since = time.perf_counter()
        await session.client.workspace_execute_command_async(types.ExecuteCommandParams(
            command=accept.command.command, arguments=accept.command.arguments))
        written = guide.read_text(encoding="utf-8").splitlines()  # the comments are kept
        assert written[:3] == ["name: Acme  # the brand", "extends: base-fr", "vocabulary:"]
        assert written[3].split() == ["accept:", "[Acme,", "zorblax]", "#", "our", "names"]
        again = (await session.diagnostics(uri, 1, after=since)).diagnostics
        assert spelling.code not in [d.code for d in again]
        await session.stop()

    run(scenario)


def test_accepting_a_word_never_rewrites_a_read_only_or_hard_linked_guide(tmp_path):
    """The guide is written as `--fix` writes (issue 19): refused with a message, never a traceback."""
    import os
    from types import SimpleNamespace

    from brandvoice.errors import BrandvoiceError
    from brandvoice.lsp.actions import add_accepted_word

    text = "name: Acme\nvocabulary:\n  accept: [Acme]\n"
    guide = tmp_path / "acme.yaml"
    guide.write_text(text, encoding="utf-8")
    os.link(guide, tmp_path / "other-name.yaml")
    with pytest.raises(BrandvoiceError, match="acme.yaml not written: has 2 hard links"):
        add_accepted_word(SimpleNamespace(path=str(guide)), "Zorblax")
    (tmp_path / "other-name.yaml").unlink()
    guide.chmod(0o444)
    with pytest.raises(BrandvoiceError, match="acme.yaml not written: read-only"):
        add_accepted_word(SimpleNamespace(path=str(guide)), "Zorblax")
    assert guide.read_text(encoding="utf-8") == text


def test_positions_split_lines_as_the_protocol_does():
    text = "a\r\nb😀c\rd\ne"
    utf16 = PositionMap(text)
    assert utf16.position(text.index("c")) == types.Position(line=1, character=3)  # 😀 is 2 units
    assert utf16.position(text.index("d")) == types.Position(line=2, character=0)  # a lone \r ends a line
    assert utf16.position(1) == utf16.position(2) == types.Position(line=0, character=1)  # inside \r\n
    for offset in range(len(text) + 1):
        if text[offset - 1 : offset + 1] != "\r\n":
            assert utf16.offset(utf16.position(offset)) == offset
    assert utf16.offset(types.Position(line=1, character=99)) == text.index("\r", 3)  # past the end of a line
    assert PositionMap(text, "utf-8").position(text.index("c")) == types.Position(line=1, character=5)


def test_errors_that_stop_a_check_land_on_the_file_at_fault(tmp_path):
    from brandvoice.config import load_project
    from brandvoice.errors import BrandvoiceError
    from brandvoice.lsp.diagnostics import error_diagnostics

    draft = str(tmp_path / "post.md")
    config = tmp_path / ".brandvoice.yaml"
    config.write_text("brand: acme\nchannels: [x\n", encoding="utf-8")
    with pytest.raises(BrandvoiceError) as broken:
        load_project(config)
    found = error_diagnostics(broken.value, draft)
    [on_config] = found[str(config)]
    assert on_config.range.start.line == 2 and on_config.message.startswith("not valid YAML")
    [on_draft] = found[draft]
    assert on_draft.code == "config" and on_draft.message.startswith(f"{config}:3: not valid YAML")

    [front_matter] = error_diagnostics(BrandvoiceError(f"{draft}:3: front matter is not valid YAML"), draft)[draft]
    assert front_matter.range.start.line == 2
