"""The VS Code extension's manifest (editors/vscode/package.json) against the server: the
server's settings are contributed with the same names and defaults, the extension's own
settings are ones the server ignores, and the extension passes on exactly the server's."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from wfcheck_lsp.code_actions import FIX_ALL
from wfcheck_lsp.configuration import (
    CLIENT_SETTINGS,
    SECTION,
    SERVER_SETTINGS,
    ConfigurationPreference,
    editor_settings,
)

EXTENSION = Path(__file__).resolve().parents[2] / "editors" / "vscode"
MANIFEST: dict[str, Any] = json.loads((EXTENSION / "package.json").read_text("utf-8"))
PROPERTIES: dict[str, dict[str, Any]] = MANIFEST["contributes"]["configuration"]["properties"]
EXTENSION_SETTINGS = {"importStrategy", "interpreter", "path", "trace.server"}


def contributed() -> dict[str, dict[str, Any]]:
    prefix = f"{SECTION}."
    assert all(name.startswith(prefix) for name in PROPERTIES)
    return {name.removeprefix(prefix): schema for name, schema in PROPERTIES.items()}


def test_the_server_settings_have_the_same_names_and_defaults() -> None:
    schema = contributed()
    assert set(schema) - EXTENSION_SETTINGS == set(SERVER_SETTINGS)
    assert {name: schema[name]["default"] for name in SERVER_SETTINGS} == SERVER_SETTINGS


def test_the_server_settings_have_the_types_the_server_takes() -> None:
    schema = contributed()
    assert schema["configurationPreference"]["enum"] == [p.value for p in ConfigurationPreference]
    assert schema["showSyntaxErrors"]["type"] == "boolean"
    assert set(schema["configuration"]["type"]) == {"object", "string", "null"}
    # Each setting's default, and each choice, is taken without a problem.
    assert editor_settings(dict(SERVER_SETTINGS)).problems == ()
    for choice in schema["configurationPreference"]["enum"]:
        assert editor_settings({"configurationPreference": choice}).problems == ()


def test_the_extension_settings_are_ignored_by_the_server() -> None:
    schema = contributed()
    assert {name.split(".", 1)[0] for name in EXTENSION_SETTINGS} <= CLIENT_SETTINGS
    assert schema["importStrategy"]["enum"] == ["useBundled", "fromEnvironment"]
    assert schema["importStrategy"]["default"] == "useBundled"
    assert schema["interpreter"]["default"] == [] == schema["path"]["default"]
    assert schema["trace.server"]["enum"] == ["off", "messages", "verbose"]
    # VS Code answers `workspace/configuration` with the whole section, defaults included.
    whole = {**SERVER_SETTINGS, "importStrategy": "useBundled", "interpreter": [], "path": []}
    assert editor_settings({**whole, "trace": {"server": "off"}}).problems == ()


def test_the_extension_passes_on_exactly_the_server_settings() -> None:
    source = (EXTENSION / "src" / "settings.ts").read_text("utf-8")
    block = source.split("// SERVER_SETTINGS_START", 1)[1].split("// SERVER_SETTINGS_END", 1)[0]
    assert re.findall(r"'(\w+)'", block) == list(SERVER_SETTINGS)


def test_commands_and_fix_all() -> None:
    commands = {
        c["command"]: f"{c['category']}: {c['title']}" for c in MANIFEST["contributes"]["commands"]
    }
    assert commands == {
        "wfcheck.restart": "wfcheck: Restart Server",
        "wfcheck.showOutput": "wfcheck: Show Output",
        "wfcheck.fixAll": "wfcheck: Fix all auto-fixable problems",
    }
    source = (EXTENSION / "src" / "extension.ts").read_text("utf-8")
    assert FIX_ALL == "source.fixAll.wfcheck"
    assert "CodeActionKind.SourceFixAll.append('wfcheck')" in source


def test_the_build_is_pinned() -> None:
    lock = json.loads((EXTENSION / "package-lock.json").read_text("utf-8"))
    root = lock["packages"][""]
    assert root["dependencies"] == MANIFEST["dependencies"]
    assert root["devDependencies"] == MANIFEST["devDependencies"]
    # vscode-languageclient 9 goes with VS Code 1.82; vsce 3 runs on Node 20.
    assert MANIFEST["dependencies"]["vscode-languageclient"].startswith("9.")
    assert MANIFEST["engines"]["vscode"] == "^1.82.0"
    assert MANIFEST["devDependencies"]["@vscode/vsce"].startswith("3.")
    ignored = (EXTENSION / ".gitignore").read_text("utf-8").split()
    assert {"node_modules/", "dist/", "bundled/libs/", "*.vsix"} <= set(ignored)
