"""The settings a document is checked with: the editor's and its project's, as Ruff merges them.

The editor's settings (the `wfcheck` section of `workspace/configuration`, or
`initializationOptions.settings`) are:

    configurationPreference  "editorFirst" (default), "filesystemFirst" or "editorOnly"
    configuration            a `[tool.wfcheck]`-shaped table (the same kebab-case keys), or
                             the path of a `pyproject.toml` or `wfcheck.toml` to use
    showSyntaxErrors         whether a text that does not parse shows its syntax error (true)

Keys that belong to the client (`CLIENT_SETTINGS`: how it starts the server, its tracing)
are ignored, since clients send their whole `wfcheck` section; any other key is reported as
an unknown setting.

The project's configuration is the nearest `wfcheck.toml` or `pyproject.toml` with a
`[tool.wfcheck]` table above the document. With "editorFirst" the editor's keys win over the
project's, with "filesystemFirst" the project's win, and "editorOnly" ignores the project.
"""

from __future__ import annotations

import enum
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from wfcheck.config import (
    WFCHECK_TOML,
    ConfigError,
    ConfigFinder,
    ProjectConfig,
    project_config_from_table,
    read_table,
)
from wfcheck.discovery import Exclusions
from wfcheck.project.index import ProjectIndex
from wfcheck.settings import Settings

SECTION = "wfcheck"
# The server's settings and their defaults; editors/vscode/package.json contributes the same.
SERVER_SETTINGS: Mapping[str, object] = {
    "configurationPreference": "editorFirst",
    "configuration": None,
    "showSyntaxErrors": True,
}
# Settings of the `wfcheck` section that language clients read themselves: the VS Code
# extension's (`importStrategy`, `interpreter`, `path`, `trace.server`), and those of other
# clients and extensions written after vscode-python-tools-extension-template and ruff-vscode.
CLIENT_SETTINGS = frozenset(
    {
        "args",
        "enable",
        "importStrategy",
        "interpreter",
        "path",
        "serverPath",
        "showNotifications",
        "trace",
    }
)
# Neovim sends an empty Lua table (`settings = { wfcheck = {} }`) as an empty JSON array.
EMPTY_LUA_TABLE: list[object] = []


class ConfigurationPreference(enum.Enum):
    EDITOR_FIRST = "editorFirst"
    FILESYSTEM_FIRST = "filesystemFirst"
    EDITOR_ONLY = "editorOnly"


@dataclass(frozen=True)
class EditorSettings:
    preference: ConfigurationPreference = ConfigurationPreference.EDITOR_FIRST
    table: Mapping[str, Any] = field(default_factory=dict)
    table_path: Path | None = None
    show_syntax_errors: bool = True
    problems: tuple[str, ...] = ()


def editor_settings(value: object) -> EditorSettings:
    """The editor's settings from a client's JSON; what cannot be used is named in `problems`."""
    if value is None:
        return EditorSettings()
    if not isinstance(value, Mapping):
        return EditorSettings(problems=(f"the settings must be an object, not {value!r}",))
    problems = [
        f"unknown setting `{key}`"
        for key in value
        if key not in SERVER_SETTINGS and key not in CLIENT_SETTINGS
    ]
    given = {**SERVER_SETTINGS, **value}  # a setting the client leaves out has its default
    preference = _preference(given["configurationPreference"], problems)
    table, table_path = _configuration(given["configuration"], problems)
    show_syntax_errors = given["showSyntaxErrors"]
    if not isinstance(show_syntax_errors, bool):
        problems.append(f"`showSyntaxErrors` must be true or false, not {show_syntax_errors!r}")
        show_syntax_errors = True
    return EditorSettings(preference, table, table_path, show_syntax_errors, tuple(problems))


def merged_settings(initial: Mapping[str, Any], value: object) -> object:
    """The client's `wfcheck` section over the settings of the initialization options."""
    if value is None or value == EMPTY_LUA_TABLE:
        return initial
    if isinstance(value, Mapping):
        return {**initial, **value}
    return value


def _preference(value: object, problems: list[str]) -> ConfigurationPreference:
    try:
        return ConfigurationPreference(value)
    except ValueError:
        choices = ", ".join(repr(choice.value) for choice in ConfigurationPreference)
        problems.append(f"`configurationPreference` must be one of {choices}, not {value!r}")
        return ConfigurationPreference.EDITOR_FIRST


def _configuration(value: object, problems: list[str]) -> tuple[Mapping[str, Any], Path | None]:
    if value is None or value == EMPTY_LUA_TABLE:
        return {}, None
    if isinstance(value, Mapping):
        return value, None
    if isinstance(value, str):
        return {}, Path(os.path.expandvars(os.path.expanduser(value)))
    problems.append(f"`configuration` must be a table or a file's path, not {value!r}")
    return {}, None


@dataclass(frozen=True)
class Configuration:
    """What one document is checked with."""

    settings: Settings = field(default_factory=Settings)
    docs_url: str | None = None  # the template of the rules' URLs; None: the default
    excluded: bool = False
    show_syntax_errors: bool = True
    problems: tuple[str, ...] = ()
    # The summaries of the document's project (the modules it imports), for fix-all's checks.
    project: ProjectIndex | None = field(default=None, compare=False)


class ConfigurationResolver:
    """Resolves and remembers each document's configuration until `forget` is called.

    Configuration files are read again after `forget`: the server calls it when a document is
    saved, when the client reports a changed `pyproject.toml` or `wfcheck.toml`, and when the
    editor's settings change.
    """

    def __init__(self) -> None:
        self._finder = ConfigFinder()
        self._generation = 0
        # Per document path (None: unsaved buffers), with the generation it was resolved in.
        self._resolved: dict[Path | None, tuple[int, Configuration]] = {}

    def forget(self) -> None:
        self._generation += 1
        self._finder = ConfigFinder()
        self._resolved = {}

    def resolve(
        self, path: Path | None, editor: EditorSettings, root: Path | None
    ) -> Configuration:
        """The configuration of the document at `path` (None for an unsaved buffer)."""
        generation = self._generation
        remembered = self._resolved.get(path)
        if remembered is not None and remembered[0] == generation:
            return remembered[1]
        configuration = self._resolve(path, editor, root)
        self._resolved[path] = (generation, configuration)
        return configuration

    def _resolve(
        self, path: Path | None, editor: EditorSettings, root: Path | None
    ) -> Configuration:
        try:
            config = self._project_config(path, editor, root)
        except ConfigError as error:
            problems = (*editor.problems, f"{error}; checking with the default settings")
            return Configuration(show_syntax_errors=editor.show_syntax_errors, problems=problems)
        return Configuration(
            settings=config.settings_for(path) if path else config.settings,
            docs_url=config.docs_url,
            excluded=path is not None and Exclusions(lambda _: config).excluded_with_parents(path),
            show_syntax_errors=editor.show_syntax_errors,
            problems=editor.problems,
        )

    def _project_config(
        self, path: Path | None, editor: EditorSettings, root: Path | None
    ) -> ProjectConfig:
        base = root or (path.parent if path else Path.cwd())
        editor_table, editor_config, origin = _editor_config(editor, base)
        project = None
        if path is not None and editor.preference is not ConfigurationPreference.EDITOR_ONLY:
            project = self._finder.find(path)
        if project is None:
            return editor_config
        project_table = read_table(project.path)
        if editor.preference is ConfigurationPreference.EDITOR_FIRST:
            merged = {**project_table, **editor_table}
        else:
            merged = {**editor_table, **project_table}
        origin = f"{project.path} with {origin}"
        return project_config_from_table(merged, path=project.path, origin=origin)


def _editor_config(
    editor: EditorSettings, base: Path
) -> tuple[Mapping[str, Any], ProjectConfig, str]:
    """The editor's configuration: its table, as a configuration, and how messages name it.

    A table given inline applies from `base` (the workspace folder); a file, from its folder.
    """
    if editor.table_path is None:
        table, path, origin = editor.table, base / WFCHECK_TOML, f"`{SECTION}.configuration`"
    else:
        path = editor.table_path
        table, origin = read_table(path), str(path)
    return table, project_config_from_table(table, path=path, origin=origin), origin
