"""Settings: the editor's (initializationOptions, workspace/configuration, their changes) and
the project's `[tool.wfcheck]`, merged as `configurationPreference` says."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from lsprotocol import types

from tests.lsp.session import CLIENTS, NEOVIM, VS_CODE, Session, capabilities, start_session
from tests.lsp.workflows import NIGHTLY

pytestmark = pytest.mark.asyncio

# Without settings: UWF101 at the clock read, UWF105 at the branch.
DEFAULT = ["UWF101", "UWF105"]


def ignoring(*codes: str, **more: Any) -> dict[str, Any]:
    """The editor's settings with a `[tool.wfcheck]`-shaped `configuration`."""
    return {"configuration": {"ignore": list(codes)}, **more}


def project(root: Path, table: str) -> str:
    """A project with `pyproject.toml` holding `table` and the workflow; the workflow's URI."""
    (root / "pyproject.toml").write_text(f"[project]\nname = 'app'\n\n{table}\n", "utf-8")
    (root / "app").mkdir(exist_ok=True)
    path = root / "app" / "nightly.py"
    path.write_text(NIGHTLY, "utf-8")
    return path.as_uri()


async def codes(session: Session, uri: str, after: int = 0) -> list[str | int | None]:
    return [d.code for d in await session.diagnostics(uri, after)]


def notify_configuration_change(session: Session, settings: object = None) -> int:
    """Send didChangeConfiguration; returns the count of publishes before it."""
    published = len(session.client.published)
    params = types.DidChangeConfigurationParams(settings=settings)
    session.client.workspace_did_change_configuration(params)
    return published


@pytest.mark.parametrize("client", CLIENTS)
async def test_initialization_options(client: str, tmp_path: Path) -> None:
    uri = project(tmp_path, "")
    options = {"settings": ignoring("UWF105")}
    async with start_session(client, root=tmp_path, initialization_options=options) as session:
        session.open(uri, NIGHTLY)
        assert await codes(session, uri) == ["UWF101"]


@pytest.mark.parametrize("client", CLIENTS)
async def test_workspace_configuration_wins_over_initialization_options(
    client: str, tmp_path: Path
) -> None:
    uri = project(tmp_path, "")
    async with start_session(
        client,
        root=tmp_path,
        initialization_options={"settings": ignoring("UWF105")},
        configuration=ignoring("UWF101"),
    ) as session:
        session.open(uri, NIGHTLY)
        assert await codes(session, uri) == ["UWF105"]


@pytest.mark.parametrize("client", CLIENTS)
async def test_a_settings_change_checks_open_documents_again(client: str, tmp_path: Path) -> None:
    uri = project(tmp_path, "")
    async with start_session(client, root=tmp_path, configuration={}) as session:
        session.open(uri, NIGHTLY)
        assert await codes(session, uri) == DEFAULT
        session.client.set_configuration(ignoring("UWF101"), section="wfcheck")
        before = notify_configuration_change(session)
        # Pushed: a new publish of the same version; pulled: the next pull.
        assert await codes(session, uri, after=before) == ["UWF105"]


async def test_settings_pushed_with_the_change_notification(tmp_path: Path) -> None:
    """A client without workspace/configuration sends the settings with the notification."""
    uri = project(tmp_path, "")
    caps = capabilities(VS_CODE)
    assert caps.workspace is not None
    caps.workspace.configuration = False
    async with start_session(caps, root=tmp_path) as session:
        session.open(uri, NIGHTLY)
        assert await codes(session, uri) == DEFAULT
        before = notify_configuration_change(session, {"wfcheck": ignoring("UWF101")})
        assert await codes(session, uri, after=before) == ["UWF105"]


@pytest.mark.parametrize("client", CLIENTS)
async def test_the_projects_configuration_applies(client: str, tmp_path: Path) -> None:
    uri = project(tmp_path, '[tool.wfcheck]\nignore = ["UWF101"]')
    async with start_session(client, root=tmp_path) as session:
        session.open(uri, NIGHTLY)
        assert await codes(session, uri) == ["UWF105"]


PREFERENCES = [
    ("editorFirst", ["UWF101"]),
    ("filesystemFirst", ["UWF105"]),
    ("editorOnly", ["UWF101"]),
]


@pytest.mark.parametrize(("preference", "expected"), PREFERENCES)
async def test_configuration_preference(
    preference: str, expected: list[str], tmp_path: Path
) -> None:
    """The project ignores UWF101 and selects the opt-in UWF108; the editor ignores UWF105."""
    text = NIGHTLY.replace("    started =", '    print("start")\n    started =')
    table = '[tool.wfcheck]\nignore = ["UWF101"]\nextend-select = ["UWF108"]'
    uri = project(tmp_path, table)
    settings = ignoring("UWF105", configurationPreference=preference)
    async with start_session(NEOVIM, root=tmp_path, configuration=settings) as session:
        session.open(uri, text)
        found = await codes(session, uri)
    # Keys are merged one by one: `extend-select` comes from the project unless editorOnly.
    opt_in = [] if preference == "editorOnly" else ["UWF108"]
    assert found == opt_in + expected


@pytest.mark.parametrize("client", CLIENTS)
async def test_a_changed_project_configuration_is_read_again(client: str, tmp_path: Path) -> None:
    """VS Code is told to watch the files and reports the change; Neovim (which does not watch
    files on Linux) sees it when the document is saved."""
    uri = project(tmp_path, "")
    async with start_session(client, root=tmp_path) as session:
        session.open(uri, NIGHTLY)
        assert await codes(session, uri) == DEFAULT
        project(tmp_path, '[tool.wfcheck]\nignore = ["UWF105"]')
        before = len(session.client.published)
        if client == VS_CODE:
            (registration,) = session.client.registrations
            assert registration.method == types.WORKSPACE_DID_CHANGE_WATCHED_FILES
            watchers = registration.register_options["watchers"]
            assert [w["globPattern"] for w in watchers] == [
                "**/pyproject.toml",
                "**/wfcheck.toml",
                "**/*.py",
            ]
            event = types.FileEvent(
                (tmp_path / "pyproject.toml").as_uri(), types.FileChangeType.Changed
            )
            session.client.workspace_did_change_watched_files(
                types.DidChangeWatchedFilesParams([event])
            )
        else:
            assert session.client.registrations == []
            identifier = types.TextDocumentIdentifier(uri=uri)
            session.client.text_document_did_save(types.DidSaveTextDocumentParams(identifier))
        assert await codes(session, uri, after=before) == ["UWF101"]


async def test_the_rule_docs_url_follows_the_configuration(tmp_path: Path) -> None:
    uri = project(tmp_path, '[tool.wfcheck]\ndocs-url = "https://docs.example.com/{code}/{name}"')
    async with start_session(VS_CODE, root=tmp_path) as session:
        session.open(uri, NIGHTLY)
        diagnostics = await session.diagnostics(uri)
    assert [d.code_description.href for d in diagnostics if d.code_description] == [
        "https://docs.example.com/UWF101/clock-outside-step",
        "https://docs.example.com/UWF105/nondeterministic-control-flow",
    ]


async def test_excluded_files_get_no_findings(tmp_path: Path) -> None:
    uri = project(tmp_path, '[tool.wfcheck]\nextend-exclude = ["app/"]')
    async with start_session(VS_CODE, root=tmp_path) as session:
        session.open(uri, NIGHTLY)
        assert await codes(session, uri) == []


BAD_SETTINGS = [
    (
        {"configuration": {"select": ["XYZ"]}},
        "wfcheck settings: `wfcheck.configuration`: `select`: unknown rule selector 'XYZ';"
        " checking with the default settings",
    ),
    ({"bogus": 1}, "wfcheck settings: unknown setting `bogus`"),
    (
        {"configurationPreference": "projectFirst"},
        "wfcheck settings: `configurationPreference` must be one of 'editorFirst',"
        " 'filesystemFirst', 'editorOnly', not 'projectFirst'",
    ),
]


@pytest.mark.parametrize(("settings", "message"), BAD_SETTINGS)
async def test_bad_settings_are_shown_not_raised(
    settings: dict[str, Any], message: str, tmp_path: Path
) -> None:
    uri = project(tmp_path, "")
    async with start_session(VS_CODE, root=tmp_path, configuration=settings) as session:
        session.open(uri, NIGHTLY)
        diagnostics = await session.diagnostics(uri)
    assert session.client.messages == []  # no pop-up
    first, *findings = diagnostics
    assert (first.message, first.severity, first.range.start) == (
        message,
        types.DiagnosticSeverity.Warning,
        types.Position(0, 0),
    )
    assert [d.code for d in findings] == DEFAULT


async def test_a_broken_project_configuration_is_shown(tmp_path: Path) -> None:
    uri = project(tmp_path, "[tool.wfcheck]\nselect = 'UWF1'")
    async with start_session(NEOVIM, root=tmp_path) as session:
        session.open(uri, NIGHTLY)
        first, *findings = await session.diagnostics(uri)
    pyproject = tmp_path / "pyproject.toml"
    assert first.message == (
        f"wfcheck settings: {pyproject} [tool.wfcheck]: `select` must be a list of strings,"
        " not str 'UWF1'; checking with the default settings"
    )
    assert [d.code for d in findings] == DEFAULT


async def test_a_pull_client_that_can_refresh_is_asked_to_pull_again(tmp_path: Path) -> None:
    uri = project(tmp_path, "")
    caps = capabilities(NEOVIM)
    assert caps.workspace is not None
    caps.workspace.diagnostics = types.DiagnosticWorkspaceClientCapabilities(refresh_support=True)
    async with start_session(caps, root=tmp_path, configuration={}) as session:
        session.open(uri, NIGHTLY)
        assert await codes(session, uri) == DEFAULT
        assert session.client.diagnostic_refresh_count == 0
        session.client.set_configuration(ignoring("UWF101"), section="wfcheck")
        notify_configuration_change(session)
        assert await codes(session, uri) == ["UWF105"]
        assert session.client.diagnostic_refresh_count == 1


async def test_each_workspace_folder_has_its_settings(tmp_path: Path) -> None:
    """A folder added later gets its own section of the editor's settings."""
    first, second = tmp_path / "first", tmp_path / "second"
    first.mkdir()
    second.mkdir()
    uri = project(second, "")
    async with start_session(VS_CODE, root=first, configuration={}) as session:
        session.client.set_configuration(
            ignoring("UWF105"), section="wfcheck", scope_uri=second.as_uri()
        )
        session.open(uri, NIGHTLY)
        assert await codes(session, uri) == DEFAULT
        before = len(session.client.published)
        added = types.WorkspaceFolder(uri=second.as_uri(), name="second")
        event = types.WorkspaceFoldersChangeEvent(added=[added], removed=[])
        session.client.workspace_did_change_workspace_folders(
            types.DidChangeWorkspaceFoldersParams(event)
        )
        assert await codes(session, uri, after=before) == ["UWF101"]


async def test_the_editor_can_name_a_configuration_file(tmp_path: Path) -> None:
    uri = project(tmp_path, '[tool.wfcheck]\nignore = ["UWF105"]')
    shared_config = tmp_path / "team" / "wfcheck.toml"
    shared_config.parent.mkdir()
    shared_config.write_text('ignore = ["UWF101"]\n', "utf-8")
    settings = {"configuration": str(shared_config)}
    async with start_session(VS_CODE, root=tmp_path, configuration=settings) as session:
        session.open(uri, NIGHTLY)
        assert await codes(session, uri) == ["UWF105"]
