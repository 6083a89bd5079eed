"""`[tool.wfcheck]` and `wfcheck.toml`: found from each file upward, nearest wins, every key,
bad keys and types; the same table in `wfcheck check` and in the flake8 plugin."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from tests.conftest import FIXTURES, run_tool
from wfcheck.config import (
    ConfigError,
    find_project_config,
    settings_for_file,
    settings_from_table,
)
from wfcheck.settings import RuleSelection, Settings

WORKFLOW = (FIXTURES / "cli" / "orders.py").read_text()


def wfcheck(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return run_tool(cwd, "wfcheck", "check", "--no-cache", "--output-format=concise", *args)


def found(result: subprocess.CompletedProcess[str]) -> list[str]:
    """`path:CODE` of each finding printed."""
    return [
        f"{line.split(':')[0]}:{line.split()[1]}"
        for line in result.stdout.splitlines()
        if ": UWF" in line
    ]


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    return path


def test_settings_from_table_reads_every_setting() -> None:
    settings = settings_from_table(
        {
            "select": ["UWF1"],
            "ignore": ["uwf105"],
            "extend-select": ["UWF309"],
            "context-types": ["app.Ctx"],
            "registration-decorators": ["app.workflow"],
            "deterministic-functions": ["app.frozen_now"],
            "nondeterministic-functions": ["app.new_id"],
            "sdk-methods": ["run", "sleep"],
            "exclude": ["build"],
            "per-file-ignores": {"tests/*": ["UWF2"]},
        },
        origin="test",
    )
    assert settings.selection == RuleSelection(("UWF1",), ("UWF105",), ("UWF309",))
    detection = settings.detection
    assert detection.context_types == {"app.Ctx"}
    assert detection.registration_decorators == {"app.workflow"}
    assert detection.deterministic_functions == {"app.frozen_now"}
    assert detection.nondeterministic_functions == {"app.new_id"}
    assert detection.sdk_methods == {"run", "sleep"}


@pytest.mark.parametrize(
    ("table", "message"),
    [
        ({"selct": ["UWF"]}, "cfg: unknown key `selct`"),
        ({"select": "UWF101"}, "cfg: `select` must be a list of strings, not str 'UWF101'"),
        ({"ignore": ["UWF9"]}, "cfg: `ignore`: unknown rule selector 'UWF9'"),
        ({"respect-gitignore": "yes"}, "cfg: `respect-gitignore` must be true or false"),
        ({"per-file-ignores": ["a"]}, "cfg: `per-file-ignores` must be a table of patterns"),
        ({"per-file-ignores": {"a.py": ["X1"]}}, "cfg: `per-file-ignores.'a.py'`: unknown rule"),
        ({"context-types": ["not a name"]}, "cfg: `context-types`: 'not a name' is not a"),
        ({"output-format": "xml"}, "cfg: `output-format`: unknown format 'xml'"),
    ],
)
def test_bad_tables_name_the_key(table: dict[str, object], message: str) -> None:
    with pytest.raises(ConfigError) as error:
        settings_from_table(table, origin="cfg")
    assert str(error.value).startswith(message)


def test_nearest_configuration_wins(tmp_path: Path) -> None:
    write(tmp_path / "pyproject.toml", '[tool.wfcheck]\nignore = ["UWF101"]\n')
    write(tmp_path / "sub" / "pyproject.toml", "[project]\nname = 'x'\n")  # no table: skipped
    write(tmp_path / "sub" / "deeper" / "wfcheck.toml", 'ignore = ["UWF105"]\n')
    write(tmp_path / "sub" / "deeper" / "pyproject.toml", '[tool.wfcheck]\nignore = ["UWF2"]\n')
    assert settings_for_file(tmp_path / "sub" / "a.py").selection.ignore == ("UWF101",)
    deeper = settings_for_file(tmp_path / "sub" / "deeper" / "a.py")
    assert deeper.selection.ignore == ("UWF105",)
    config = find_project_config(tmp_path / "sub" / "deeper" / "a.py")
    assert config is not None and config.path.name == "wfcheck.toml"


def test_no_configuration_gives_the_defaults(tmp_path: Path) -> None:
    assert find_project_config(tmp_path.parent) is None, "a configuration above tmp_path"
    write(tmp_path / "sub" / "pyproject.toml", "[project]\nname = 'x'\n")  # no table
    assert find_project_config(tmp_path / "sub" / "a.py") is None
    assert settings_for_file(tmp_path / "sub" / "a.py") == Settings()
    (tmp_path / "wfcheck.toml").write_text("")
    assert settings_for_file(tmp_path / "a.py") == Settings()


def test_per_file_ignores_are_folded_into_the_files_settings(tmp_path: Path) -> None:
    write(
        tmp_path / "pyproject.toml",
        '[tool.wfcheck]\nselect = ["UWF101"]\n'
        '[tool.wfcheck.per-file-ignores]\n"legacy/*" = ["UWF1"]\n"!app/*" = ["UWF101"]\n',
    )
    legacy = settings_for_file(tmp_path / "legacy" / "deep" / "old.py")
    assert not legacy.selection.is_enabled("UWF101", opt_in=False)
    assert not settings_for_file(tmp_path / "other.py").selection.is_enabled("UWF101", opt_in=False)
    assert settings_for_file(tmp_path / "app" / "x.py").selection.is_enabled("UWF101", opt_in=False)


def test_check_uses_each_files_configuration(tmp_path: Path) -> None:
    write(tmp_path / "pyproject.toml", '[tool.wfcheck]\nignore = ["UWF105"]\n')
    write(tmp_path / "a" / "orders.py", WORKFLOW)
    write(tmp_path / "b" / "wfcheck.toml", 'select = ["UWF105"]\n')
    write(tmp_path / "b" / "orders.py", WORKFLOW)
    write(tmp_path / "c" / "orders.py", WORKFLOW)
    write(
        tmp_path / "c" / "wfcheck.toml",
        'per-file-ignores = { "orders.py" = ["UWF3"] }\nextend-select = ["UWF001"]\n',
    )
    assert found(wfcheck(tmp_path, ".")) == [
        "a/orders.py:UWF101",
        "a/orders.py:UWF308",
        "b/orders.py:UWF105",
        "c/orders.py:UWF101",
        "c/orders.py:UWF105",
        "c/orders.py:UWF001",
    ]


def test_command_line_selection_goes_over_the_configuration(tmp_path: Path) -> None:
    write(tmp_path / "wfcheck.toml", 'ignore = ["UWF105"]\n')
    write(tmp_path / "orders.py", WORKFLOW)
    assert found(wfcheck(tmp_path, "--ignore", "UWF308", ".")) == ["orders.py:UWF101"]
    assert found(wfcheck(tmp_path, "--select", "UWF105", ".")) == ["orders.py:UWF105"]


def test_config_flag_uses_that_file_for_every_file(tmp_path: Path) -> None:
    write(tmp_path / "wfcheck.toml", 'select = ["UWF105"]\n')
    write(tmp_path / "other.toml", 'select = ["UWF308"]\n')
    write(tmp_path / "orders.py", WORKFLOW)
    assert found(wfcheck(tmp_path, "--config", "other.toml", ".")) == ["orders.py:UWF308"]


def test_exclusions_and_gitignore(tmp_path: Path) -> None:
    write(tmp_path / "pyproject.toml", '[tool.wfcheck]\nextend-exclude = ["generated/"]\n')
    (tmp_path / ".git").mkdir()
    write(tmp_path / ".gitignore", "ignored_*.py\n")
    for name in ("keep.py", "generated/gen.py", "ignored_a.py", ".venv/lib.py", "sub/keep2.py"):
        write(tmp_path / name, WORKFLOW)
    write(tmp_path / "sub" / ".gitignore", "keep2.py\n")
    assert {path.split(":")[0] for path in found(wfcheck(tmp_path, "."))} == {"keep.py"}
    # Named on the command line, an excluded file is checked, unless --force-exclude.
    assert found(wfcheck(tmp_path, "--select", "UWF308", "generated/gen.py")) == [
        "generated/gen.py:UWF308"
    ]
    assert found(wfcheck(tmp_path, "--force-exclude", "generated/gen.py")) == []


def test_respect_gitignore_can_be_turned_off(tmp_path: Path) -> None:
    write(tmp_path / "wfcheck.toml", "respect-gitignore = false\nselect = ['UWF308']\n")
    (tmp_path / ".git").mkdir()
    write(tmp_path / ".gitignore", "*.py\n")
    write(tmp_path / "orders.py", WORKFLOW)
    assert found(wfcheck(tmp_path, ".")) == ["orders.py:UWF308"]


def test_configuration_errors_exit_two_naming_the_file_and_key(tmp_path: Path) -> None:
    write(tmp_path / "pyproject.toml", '[tool.wfcheck]\nselect = "UWF"\n')
    write(tmp_path / "orders.py", WORKFLOW)
    result = wfcheck(tmp_path, ".")
    assert result.returncode == 2
    assert result.stderr == (
        f"wfcheck: error: {tmp_path / 'pyproject.toml'} [tool.wfcheck]: `select` must be a "
        "list of strings, not str 'UWF'\n"
    )
    write(tmp_path / "pyproject.toml", "[tool.wfcheck\n")
    result = wfcheck(tmp_path, ".")
    assert result.returncode == 2
    assert result.stderr.startswith(
        f"wfcheck: error: {tmp_path / 'pyproject.toml'}: not valid TOML"
    )
    assert "Traceback" not in result.stderr


def flake8(cwd: Path, *options: str) -> list[str]:
    result = run_tool(cwd, "flake8", "--select", "UWF", *options, ".")
    return [line.split(": ", 1)[1].split()[0] for line in result.stdout.splitlines()]


def test_flake8_plugin_reads_the_same_table_but_not_under_isolated(tmp_path: Path) -> None:
    write(
        tmp_path / "pyproject.toml",
        '[tool.wfcheck]\nignore = ["UWF105"]\nextend-select = ["UWF001"]\n'
        'per-file-ignores = { "orders.py" = ["UWF308"] }\n',
    )
    write(tmp_path / "orders.py", WORKFLOW)
    assert flake8(tmp_path) == ["UWF101", "UWF001"]
    assert flake8(tmp_path, "--isolated") == ["UWF101", "UWF105", "UWF308"]


def test_flake8_plugin_uses_each_files_configuration_as_wfcheck_check_does(
    tmp_path: Path,
) -> None:
    """Files of one folder share its configuration; the per-file ignores still go by file."""
    write(
        tmp_path / "pyproject.toml",
        '[tool.wfcheck]\nignore = ["UWF105"]\nper-file-ignores = { "a/orders.py" = ["UWF308"] }\n',
    )
    write(tmp_path / "a" / "orders.py", WORKFLOW)
    write(tmp_path / "a" / "refunds.py", WORKFLOW)
    write(tmp_path / "b" / "wfcheck.toml", 'select = ["UWF105"]\n')
    write(tmp_path / "b" / "orders.py", WORKFLOW)
    result = run_tool(tmp_path, "flake8", "--select", "UWF", ".")
    by_flake8 = [
        f"{line.split(':')[0].removeprefix('./')}:{line.split(': ', 1)[1].split()[0]}"
        for line in result.stdout.splitlines()
    ]
    expected = [
        "a/orders.py:UWF101",
        "a/refunds.py:UWF101",
        "a/refunds.py:UWF308",
        "b/orders.py:UWF105",
    ]
    assert sorted(by_flake8) == sorted(found(wfcheck(tmp_path, "."))) == expected


def test_flake8_plugin_honours_file_level_wfcheck_and_ruff_noqa(tmp_path: Path) -> None:
    write(tmp_path / "a.py", "# ruff: noqa: UWF101\n" + WORKFLOW)
    write(tmp_path / "b.py", "# wfcheck: noqa\n" + WORKFLOW)
    assert flake8(tmp_path, "--isolated") == ["UWF105", "UWF308"]


def test_flake8_stops_on_a_broken_configuration_without_a_traceback(tmp_path: Path) -> None:
    write(tmp_path / "pyproject.toml", "[tool.wfcheck]\nselect = 3\n")
    write(tmp_path / "orders.py", WORKFLOW)
    result = run_tool(tmp_path, "flake8", "--select", "UWF", ".")
    assert result.stdout == (
        "There was a critical error during execution of Flake8:\n"
        f"wfcheck: {tmp_path / 'pyproject.toml'} [tool.wfcheck]: `select` must be a list of "
        "strings, not int 3\n"
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr


def test_flake8_reports_a_broken_configuration_below_the_paths_as_uwf000(tmp_path: Path) -> None:
    write(tmp_path / "sub" / "wfcheck.toml", "selct = []\n")
    write(tmp_path / "sub" / "orders.py", WORKFLOW)
    result = run_tool(tmp_path, "flake8", "--select", "UWF", ".")
    assert result.stdout.startswith(
        "./sub/orders.py:1:1: UWF000 wfcheck cannot read its configuration: "
        f"{tmp_path / 'sub' / 'wfcheck.toml'}: unknown key `selct`"
    )
