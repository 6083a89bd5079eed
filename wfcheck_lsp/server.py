"""The wfcheck language server: diagnostics, quick fixes, fix-all and hover for workflow code.

Diagnostics are pulled (`textDocument/diagnostic`) by clients that declare pull support and
pushed (`textDocument/publishDiagnostics`) to the others, as Ruff's server chooses. Either
way each version is analysed once, as soon as it arrives (see `checker.py`).
"""

from __future__ import annotations

import asyncio
import itertools
import logging
from collections.abc import Callable, Mapping
from dataclasses import replace
from pathlib import Path
from typing import Any

from lsprotocol import types
from pygls.capabilities import get_capability
from pygls.lsp.server import LanguageServer
from pygls.uris import from_fs_path, to_fs_path

from wfcheck import __version__
from wfcheck.blocks import BlockParser
from wfcheck.config import PYPROJECT_TOML, WFCHECK_TOML
from wfcheck.engine import FileReport, check_source, parse
from wfcheck.project.index import ProjectIndex
from wfcheck.project.layout import ProjectLayout, project_root
from wfcheck.settings import DetectionSettings, Settings
from wfcheck.source import read_source_if_readable
from wfcheck_lsp import code_actions
from wfcheck_lsp.checker import Analysis, Checker
from wfcheck_lsp.configuration import (
    SECTION,
    Configuration,
    ConfigurationResolver,
    EditorSettings,
    editor_settings,
    merged_settings,
)
from wfcheck_lsp.documents import Document
from wfcheck_lsp.hover import hover
from wfcheck_lsp.lsp_diagnostics import lsp_diagnostics
from wfcheck_lsp.positions import Encoding
from wfcheck_lsp.protocol import WfcheckProtocol

logger = logging.getLogger(__name__)

CONFIG_FILES = (PYPROJECT_TOML, WFCHECK_TOML)
# How long to wait for the client's answer to `workspace/configuration` before checking with
# the settings the server has: a client that never answers must not stop the checking.
CONFIGURATION_TIMEOUT = 10.0


class WfcheckServer(LanguageServer):
    def __init__(self) -> None:
        super().__init__("wfcheck-lsp", __version__, protocol_cls=WfcheckProtocol)
        self.checker = Checker(self._analyse, self._publish)
        self.resolver = ConfigurationResolver()
        self.encoding = Encoding.Utf16
        self.pulls_diagnostics = False
        self.initialization_settings: Mapping[str, Any] = {}
        # The editor's settings: "" holds the global ones, a folder's URI that folder's.
        self.editor: dict[str, EditorSettings] = {"": EditorSettings()}
        self.folders: list[str] = []
        # The summaries of each project's modules: open documents' text, else the disk's.
        self.projects: dict[tuple[Path, DetectionSettings], ProjectIndex] = {}
        # Each open document's parser, which keeps its blocks' trees from one version to the
        # next (used on the checker's thread only).
        self.parsers: dict[str, BlockParser] = {}

    def report_server_error(self, error: Exception, source: type[Exception]) -> None:
        """Log what went wrong; never a pop-up in the user's editor (pygls' default)."""
        logger.error("%s: %s: %s", source.__name__, type(error).__name__, error)

    def supports(self, capability: str) -> bool:
        return bool(get_capability(self.client_capabilities, capability, False))

    @property
    def client(self) -> code_actions.Client:
        resolved = get_capability(
            self.client_capabilities, "text_document.code_action.resolve_support.properties", []
        )
        return code_actions.Client(
            encoding=self.encoding,
            document_changes=self.supports("workspace.workspace_edit.document_changes"),
            resolves_edits="edit" in resolved,
        )

    def editor_settings_for(self, uri: str) -> EditorSettings:
        """The settings of the innermost workspace folder holding the document."""
        folders = [folder for folder in self.editor if folder and uri.startswith(folder)]
        return self.editor[max(folders, key=len)] if folders else self.editor[""]

    def root_for(self, uri: str) -> Path | None:
        folders = [folder for folder in self.folders if uri.startswith(folder)]
        path = to_fs_path(max(folders, key=len)) if folders else None
        return Path(path) if path else None

    def settings_changed(self) -> None:
        """Check every open document again with the new settings."""
        self.resolver.forget()
        self.checker.recheck_all()
        if self.pulls_diagnostics and self.supports("workspace.diagnostics.refresh_support"):
            self.workspace_diagnostic_refresh(None)

    def _analyse(self, document: Document) -> tuple[Configuration, FileReport]:
        """Runs in the checker's thread."""
        editor = self.editor_settings_for(document.uri)
        configuration = self.resolver.resolve(document.path, editor, self.root_for(document.uri))
        if configuration.excluded:
            return configuration, FileReport()
        filename = str(document.path or document.uri)
        settings = configuration.settings
        project = self.project_for(document, settings)
        configuration = replace(configuration, project=project)
        parser = self.parsers.setdefault(document.uri, BlockParser(parse))
        return configuration, check_source(
            document.text, settings, filename=filename, project=project, parser=parser.parse
        )

    def project_for(self, document: Document, settings: Settings) -> ProjectIndex | None:
        """The index of the document's project (None for a buffer not on disk)."""
        if document.path is None:
            return None
        workspace = self.root_for(document.uri)
        key = (project_root(document.path, (workspace,) if workspace else ()), settings.detection)
        if key not in self.projects:
            layout = ProjectLayout(key[0])
            self.projects[key] = ProjectIndex(layout, settings.detection, self._module_text)
        return self.projects[key]

    def _module_text(self, path: Path) -> str | None:
        """An open document's unsaved text, else the file's on disk."""
        uri = from_fs_path(str(path))
        document = self.checker.document(uri) if uri is not None else None
        return document.text if document is not None else read_source_if_readable(path)

    async def module_changed(self, path: Path) -> None:
        """A module's text changed (an edit, a file changed on disk): its summary and those
        made from it are forgotten, on the engine's thread, and then the open documents that
        used one of them are checked again."""
        forgotten = await self.checker.run(self._forget_module, path)
        self.checker.recheck_dependents({str(module) for module in forgotten})

    def _forget_module(self, path: Path) -> set[Path]:
        forgotten: set[Path] = {path.resolve()}
        for index in self.projects.values():
            forgotten |= index.invalidate(path)
        return forgotten

    def _publish(self, analysis: Analysis) -> None:
        if self.pulls_diagnostics:
            return
        document = analysis.document
        params = types.PublishDiagnosticsParams(
            uri=document.uri, diagnostics=self.diagnostics(analysis), version=document.version
        )
        self.text_document_publish_diagnostics(params)

    def diagnostics(self, analysis: Analysis) -> list[types.Diagnostic]:
        configuration = analysis.configuration
        return lsp_diagnostics(
            analysis.report,
            analysis.document.uri,
            analysis.document.converter(self.encoding),
            docs_url=configuration.docs_url,
            show_syntax_errors=configuration.show_syntax_errors,
            problems=configuration.problems,
        )


def create_server() -> WfcheckServer:
    server = WfcheckServer()
    features: dict[str, Callable[..., object]] = {
        types.INITIALIZE: initialize,
        types.INITIALIZED: initialized,
        types.SHUTDOWN: shutdown,
        types.TEXT_DOCUMENT_DID_OPEN: did_open,
        types.TEXT_DOCUMENT_DID_CHANGE: did_change,
        types.TEXT_DOCUMENT_DID_SAVE: did_save,
        types.TEXT_DOCUMENT_DID_CLOSE: did_close,
        types.WORKSPACE_DID_CHANGE_CONFIGURATION: did_change_configuration,
        types.WORKSPACE_DID_CHANGE_WATCHED_FILES: did_change_watched_files,
        types.WORKSPACE_DID_CHANGE_WORKSPACE_FOLDERS: did_change_workspace_folders,
        types.TEXT_DOCUMENT_HOVER: hover_request,
        types.CODE_ACTION_RESOLVE: resolve_code_action,
    }
    for method, handler in features.items():
        server.feature(method)(handler)
    options = types.CodeActionOptions(
        code_action_kinds=list(code_actions.KINDS), resolve_provider=True
    )
    server.feature(types.TEXT_DOCUMENT_CODE_ACTION, options)(code_action)
    return server


def initialize(ls: WfcheckServer, params: types.InitializeParams) -> None:
    ls.encoding = Encoding(ls.workspace.position_encoding or Encoding.Utf16)
    options = params.initialization_options
    settings = options.get("settings") if isinstance(options, Mapping) else None
    ls.initialization_settings = settings if isinstance(settings, Mapping) else {}
    ls.editor = {"": editor_settings(ls.initialization_settings)}
    ls.folders = [folder.uri for folder in params.workspace_folders or ()]
    if not ls.folders and params.root_uri:
        ls.folders = [params.root_uri]
    # pygls would advertise pull diagnostics to every client once a handler is registered.
    ls.pulls_diagnostics = params.capabilities.text_document is not None and (
        params.capabilities.text_document.diagnostic is not None
    )
    if ls.pulls_diagnostics:
        options = types.DiagnosticOptions(
            identifier=SECTION, inter_file_dependencies=False, workspace_diagnostics=False
        )
        ls.feature(types.TEXT_DOCUMENT_DIAGNOSTIC, options)(pull_diagnostics)


async def initialized(ls: WfcheckServer, params: types.InitializedParams) -> None:
    await _fetch_editor_settings(ls)
    ls.checker.start()
    if ls.supports("workspace.did_change_watched_files.dynamic_registration"):
        await _watch_config_files(ls)


async def _watch_config_files(ls: WfcheckServer) -> None:
    patterns = [*(f"**/{name}" for name in CONFIG_FILES), "**/*.py"]  # modules: summaries
    watchers = [types.FileSystemWatcher(glob_pattern=pattern) for pattern in patterns]
    registration = types.Registration(
        id="wfcheck-config-files",
        method=types.WORKSPACE_DID_CHANGE_WATCHED_FILES,
        register_options=types.DidChangeWatchedFilesRegistrationOptions(watchers=watchers),
    )
    try:
        await ls.client_register_capability_async(types.RegistrationParams([registration]))
    except Exception as error:  # the client refused: files are read again on save instead
        logger.warning("could not watch configuration files: %s", error)


async def _fetch_editor_settings(ls: WfcheckServer) -> None:
    """The `wfcheck` section, globally and per workspace folder, over the initial settings."""
    if not ls.supports("workspace.configuration"):
        return
    scopes = ["", *ls.folders]
    items = [types.ConfigurationItem(scope_uri=scope or None, section=SECTION) for scope in scopes]
    try:
        answer = await asyncio.wait_for(
            ls.workspace_configuration_async(types.ConfigurationParams(items=items)),
            CONFIGURATION_TIMEOUT,
        )
    except Exception as error:  # no answer, or an error: keep the settings there are
        logger.warning("could not read the editor's settings: %s", error)
        return
    values = list(answer) if isinstance(answer, list | tuple) else []
    ls.editor = {
        scope: editor_settings(merged_settings(ls.initialization_settings, value))
        for scope, value in itertools.zip_longest(scopes, values[: len(scopes)])
    }


async def _reload_settings(ls: WfcheckServer, pushed: object = None) -> None:
    """Read the editor's settings again (`pushed`: the section a client without
    `workspace/configuration` sent), and check the open documents with them."""
    ls.checker.pause()  # answers wait for the new settings
    if ls.supports("workspace.configuration"):
        await _fetch_editor_settings(ls)
    elif pushed is not None:
        ls.editor = {"": editor_settings(merged_settings(ls.initialization_settings, pushed))}
    ls.settings_changed()
    ls.checker.start()


def shutdown(ls: WfcheckServer, params: None) -> None:
    ls.checker.shutdown()


async def did_open(ls: WfcheckServer, params: types.DidOpenTextDocumentParams) -> None:
    item = params.text_document
    document = Document(item.uri, item.version, item.text, item.language_id)
    if document.is_python:
        ls.checker.update(document)
        await _module_changed(ls, document)


async def _module_changed(ls: WfcheckServer, document: Document) -> None:
    if document.path is not None and ls.projects:
        await ls.module_changed(document.path)


async def did_change(ls: WfcheckServer, params: types.DidChangeTextDocumentParams) -> None:
    document = ls.checker.document(params.text_document.uri)
    if document is None:
        logger.debug("a change of a document that is not checked: %s", params.text_document.uri)
        return
    version = params.text_document.version
    changed = document.changed(params.content_changes, version, ls.encoding)
    ls.checker.update(changed)
    await _module_changed(ls, changed)


def did_save(ls: WfcheckServer, params: types.DidSaveTextDocumentParams) -> None:
    """Read the configuration files again: clients that cannot watch them still see changes."""
    ls.resolver.forget()
    ls.checker.recheck(params.text_document.uri)


async def did_close(ls: WfcheckServer, params: types.DidCloseTextDocumentParams) -> None:
    uri = params.text_document.uri
    document = ls.checker.document(uri)
    ls.checker.close(uri)
    ls.parsers.pop(uri, None)
    if not ls.pulls_diagnostics:
        ls.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri, []))
    if document is not None:  # its summary comes from the disk again
        await _module_changed(ls, document)


async def did_change_configuration(
    ls: WfcheckServer, params: types.DidChangeConfigurationParams
) -> None:
    pushed = params.settings.get(SECTION) if isinstance(params.settings, Mapping) else None
    await _reload_settings(ls, pushed)


async def did_change_watched_files(
    ls: WfcheckServer, params: types.DidChangeWatchedFilesParams
) -> None:
    if any(change.uri.endswith(CONFIG_FILES) for change in params.changes):
        ls.settings_changed()
    for change in params.changes:
        path = to_fs_path(change.uri) if change.uri.endswith(".py") else None
        if path and ls.checker.document(change.uri) is None:  # an open one has its text
            await ls.module_changed(Path(path))


async def did_change_workspace_folders(
    ls: WfcheckServer, params: types.DidChangeWorkspaceFoldersParams
) -> None:
    removed = {folder.uri for folder in params.event.removed}
    added = [folder.uri for folder in params.event.added]
    ls.folders = [folder for folder in ls.folders if folder not in removed] + added
    await _reload_settings(ls)


async def pull_diagnostics(
    ls: WfcheckServer, params: types.DocumentDiagnosticParams
) -> types.DocumentDiagnosticReport:
    analysis = await ls.checker.current(params.text_document.uri)
    if analysis is None:
        return types.RelatedFullDocumentDiagnosticReport(items=[])
    result_id = str(analysis.serial)
    if params.previous_result_id == result_id:
        return types.RelatedUnchangedDocumentDiagnosticReport(result_id=result_id)
    return types.RelatedFullDocumentDiagnosticReport(
        items=ls.diagnostics(analysis), result_id=result_id
    )


async def code_action(ls: WfcheckServer, params: types.CodeActionParams) -> list[types.CodeAction]:
    analysis = await ls.checker.current(params.text_document.uri)
    if analysis is None:
        return []
    return await ls.checker.run(code_actions.code_actions, analysis, params, ls.client)


async def resolve_code_action(ls: WfcheckServer, params: types.CodeAction) -> types.CodeAction:
    data = params.data if isinstance(params.data, Mapping) else {}
    uri = data.get("uri")
    analysis = await ls.checker.current(uri) if isinstance(uri, str) else None
    return await ls.checker.run(code_actions.resolve, params, analysis, ls.client)


async def hover_request(ls: WfcheckServer, params: types.HoverParams) -> types.Hover | None:
    analysis = await ls.checker.current(params.text_document.uri)
    if analysis is None:
        return None
    markdown = types.MarkupKind.Markdown in (
        get_capability(ls.client_capabilities, "text_document.hover.content_format", None) or []
    )
    return hover(analysis, params.position, ls.encoding, markdown=markdown)
