"""The configurations that editors/README.md gives for Helix, Sublime Text and Zed parse, and
name the server's command and settings as the server knows them."""

from __future__ import annotations

import json
import re
import tomllib
from pathlib import Path
from typing import Any

from wfcheck_lsp.code_actions import FIX_ALL
from wfcheck_lsp.configuration import SECTION, SERVER_SETTINGS, editor_settings

README = Path(__file__).resolve().parents[2] / "editors" / "README.md"
COMMAND = "wfcheck-lsp"


def snippet(marker: str) -> str:
    """The fenced block right after `<!-- marker -->`."""
    text = README.read_text("utf-8")
    found = re.search(rf"<!-- {re.escape(marker)} -->\n```\w+\n(.*?)```", text, re.DOTALL)
    assert found, f"no block after <!-- {marker} --> in {README}"
    return found.group(1)


def toml(marker: str) -> dict[str, Any]:
    return tomllib.loads(snippet(marker))


def json_block(marker: str) -> Any:
    return json.loads(snippet(marker))


def test_every_marked_block_is_tested() -> None:
    markers = set(re.findall(r"<!-- ([\w-]+) -->", README.read_text("utf-8")))
    assert markers == {
        "helix-languages-toml",
        "sublime-lsp-settings",
        "sublime-lsp-code-actions-on-save",
        "zed-extension-toml",
        "zed-cargo-toml",
        "zed-settings-json",
    }


def test_helix_languages_toml() -> None:
    config = toml("helix-languages-toml")
    server = config["language-server"]["wfcheck"]
    assert server["command"] == COMMAND
    assert set(server["config"]) == {SECTION}
    assert set(server["config"][SECTION]) <= set(SERVER_SETTINGS)
    (python,) = config["language"]
    assert python["name"] == "python"
    assert "wfcheck" in python["language-servers"]


def test_sublime_lsp_settings() -> None:
    client = json_block("sublime-lsp-settings")["clients"]["wfcheck"]
    assert client["command"] == [COMMAND]
    assert client["selector"] == "source.python"
    # Sublime's LSP expands dotted keys into the `wfcheck` section.
    assert {key.split(".", 1)[0] for key in client["settings"]} == {SECTION}
    assert {key.split(".", 1)[1] for key in client["settings"]} <= set(SERVER_SETTINGS)
    assert json_block("sublime-lsp-code-actions-on-save") == {
        "lsp_code_actions_on_save": {FIX_ALL: True}
    }


def test_zed_extension_and_settings() -> None:
    extension = toml("zed-extension-toml")
    assert extension["language_servers"]["wfcheck"]["languages"] == ["Python"]
    cargo = toml("zed-cargo-toml")
    assert cargo["lib"]["crate-type"] == ["cdylib"]
    assert "zed_extension_api" in cargo["dependencies"]
    settings = json_block("zed-settings-json")
    assert "wfcheck" in settings["languages"]["Python"]["language_servers"]
    assert set(settings["lsp"]["wfcheck"]["settings"]) <= set(SERVER_SETTINGS)
    rust = README.read_text("utf-8").split("```rust\n", 1)[1].split("```", 1)[0]
    assert f'which("{COMMAND}")' in rust
    assert 'LspSettings::for_worktree("wfcheck", worktree)' in rust


def test_the_snippets_settings_are_taken_by_the_server() -> None:
    helix = toml("helix-languages-toml")["language-server"]["wfcheck"]["config"][SECTION]
    sublime = {
        key.split(".", 1)[1]: value
        for key, value in json_block("sublime-lsp-settings")["clients"]["wfcheck"][
            "settings"
        ].items()
    }
    zed = json_block("zed-settings-json")["lsp"]["wfcheck"]["settings"]
    for settings in (helix, sublime, zed):
        assert settings
        assert editor_settings(settings).problems == ()
