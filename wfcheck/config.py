"""Project configuration: `[tool.wfcheck]` in `pyproject.toml`, or a `wfcheck.toml`.

The command line, the flake8 plugin and the language server read the same table:

    [tool.wfcheck]
    select = ["UWF"]                    # rule codes or prefixes, Ruff's semantics
    extend-select = ["UWF108"]          # opt-in rules are named by their full code
    ignore = ["UWF106"]
    per-file-ignores = { "tests/*" = ["UWF1"] }
    exclude = [".venv", "build"]        # replaces the default exclusions
    extend-exclude = ["generated/"]     # adds to them
    respect-gitignore = true
    force-exclude = false
    output-format = "full"
    docs-url = "https://example.com/wfcheck/rules/{code}.html"   # {code} and {name} filled in
    context-types = ["myapp.workflows.WorkflowCtx"]
    registration-decorators = ["myapp.workflows.workflow"]
    deterministic-functions = ["myapp.clock.frozen_now"]
    nondeterministic-functions = ["myapp.ids.new_id"]
    sdk-methods = ["run", "sleep", "sleep_until", "call", "wait_for_event"]

`wfcheck.toml` holds the same keys at its top level, as `ruff.toml` does. A file's settings
come from the nearest configuration found from its folder upward (a `wfcheck.toml` before a
`pyproject.toml` in the same folder; a `pyproject.toml` without `[tool.wfcheck]` is skipped).
Unknown keys and values of the wrong type raise ConfigError, whose message names the file and
the key.
"""

from __future__ import annotations

import fnmatch
import os
import tomllib
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from wfcheck.output import OUTPUT_FORMATS
from wfcheck.rules import RULES_BY_CODE
from wfcheck.sdk import SDK_2_0_0_METHODS
from wfcheck.settings import DetectionSettings, RuleSelection, Settings, SettingsError

WFCHECK_TOML = "wfcheck.toml"
PYPROJECT_TOML = "pyproject.toml"

# Ruff's default `exclude`, plus wfcheck's own cache.
DEFAULT_EXCLUDE = (
    ".bzr",
    ".direnv",
    ".eggs",
    ".git",
    ".git-rewrite",
    ".hg",
    ".ipynb_checkpoints",
    ".mypy_cache",
    ".nox",
    ".pants.d",
    ".pyenv",
    ".pytest_cache",
    ".pytype",
    ".ruff_cache",
    ".svn",
    ".tox",
    ".venv",
    ".vscode",
    ".wfcheck_cache",
    "__pypackages__",
    "_build",
    "buck-out",
    "dist",
    "node_modules",
    "site-packages",
    "venv",
)


class ConfigError(Exception):
    """A configuration that cannot be used; the message names the file and the key."""


@dataclass(frozen=True)
class PerFileIgnore:
    """Ruff's per-file-ignores entry: a glob (`!` negates it) and the codes it disables.

    A pattern with a `/` is matched against the path relative to the configuration's folder,
    one without against the file's name; `*` crosses folders, as in Ruff.
    """

    pattern: str
    codes: tuple[str, ...]

    def applies_to(self, relative: str | None, name: str) -> bool:
        negated = self.pattern.startswith("!")
        pattern = self.pattern.removeprefix("!")
        target = relative if "/" in pattern else name
        matched = target is not None and fnmatch.fnmatchcase(target, pattern)
        return matched != negated


@dataclass(frozen=True)
class ProjectConfig:
    """One configuration file: its rule and detection Settings and its file options.

    `exclude` is the whole exclusion list (the defaults unless the file sets `exclude`, plus
    `extend-exclude`), as gitignore-style patterns relative to the file's folder.
    """

    path: Path
    settings: Settings = field(default_factory=Settings)
    per_file_ignores: tuple[PerFileIgnore, ...] = ()
    exclude: tuple[str, ...] = DEFAULT_EXCLUDE
    respect_gitignore: bool = True
    force_exclude: bool = False
    output_format: str | None = None
    docs_url: str | None = None

    @property
    def root(self) -> Path:
        return self.path.parent

    def relative_path(self, path: Path) -> str | None:
        """`path` relative to the configuration's folder, `/`-separated; None outside it."""
        relative = os.path.relpath(os.path.abspath(path), os.path.abspath(self.root))
        if relative == ".." or relative.startswith(".." + os.sep):
            return None
        return Path(relative).as_posix()

    def settings_for(self, path: Path) -> Settings:
        """The Settings of one file: the per-file ignores that match it folded in."""
        relative = self.relative_path(path)
        codes = tuple(
            code
            for entry in self.per_file_ignores
            if entry.applies_to(relative, path.name)
            for code in entry.codes
        )
        if not codes:
            return self.settings
        selection = replace(self.settings.selection, per_file_ignores=codes)
        return replace(self.settings, selection=selection)


def settings_from_table(table: Mapping[str, Any], *, origin: str) -> Settings:
    """Settings from a `[tool.wfcheck]`-shaped mapping (kebab-case keys).

    Every key of the table is checked, also those that are not Settings (`exclude`...), so a
    table that passes here is a valid configuration. `origin` names the table in messages
    (`pyproject.toml [tool.wfcheck]`). Raises ConfigError.
    """
    return _read_table(table, origin).settings


def project_config_from_table(
    table: Mapping[str, Any], *, path: Path, origin: str
) -> ProjectConfig:
    """The ProjectConfig of the configuration file `path` whose table is `table`."""
    return replace(_read_table(table, origin), path=path)


def read_table(path: Path) -> Mapping[str, Any]:
    """The raw table of a configuration file: a `pyproject.toml`'s `[tool.wfcheck]` (empty
    when it has none) or the whole of a `wfcheck.toml`. Raises ConfigError."""
    document = _load_toml(path)
    if path.name != PYPROJECT_TOML:
        return document
    return _wfcheck_table(document, path) or {}


def table_origin(path: Path) -> str:
    """How messages name a configuration file's table."""
    return f"{path} [tool.wfcheck]" if path.name == PYPROJECT_TOML else str(path)


def load_config(path: Path) -> ProjectConfig:
    """The configuration in `path`: a `wfcheck.toml`, or a `pyproject.toml`'s `[tool.wfcheck]`
    (an empty configuration when it has none). Raises ConfigError."""
    return project_config_from_table(read_table(path), path=path, origin=table_origin(path))


def find_project_config(path: Path) -> ProjectConfig | None:
    """The nearest configuration from `path`'s folder upward (`path` itself if a folder).

    A `wfcheck.toml` wins over a `pyproject.toml` of the same folder; a `pyproject.toml`
    without a `[tool.wfcheck]` table is passed over. Raises ConfigError.
    """
    return ConfigFinder().find(path)


def settings_for_file(path: Path) -> Settings:
    """The Settings that apply to the file `path`: its nearest configuration's, with that
    configuration's per-file ignores for this file folded in; Settings() when there is no
    configuration. Raises ConfigError."""
    config = find_project_config(path)
    return config.settings_for(path) if config else Settings()


class ConfigFinder:
    """find_project_config with the answers kept per folder, for runs over many files.

    Create a new one to see configuration files that changed since.
    """

    def __init__(self) -> None:
        self._by_folder: dict[Path, ProjectConfig | None] = {}

    def find(self, path: Path) -> ProjectConfig | None:
        folder = Path(os.path.abspath(path))
        if not folder.is_dir():
            folder = folder.parent
        visited: list[Path] = []
        found: ProjectConfig | None = None
        for candidate in (folder, *folder.parents):
            if candidate in self._by_folder:
                found = self._by_folder[candidate]
                break
            visited.append(candidate)
            found = _config_in(candidate)
            if found is not None:
                break
        for candidate in visited:
            self._by_folder[candidate] = found
        return found


def _config_in(folder: Path) -> ProjectConfig | None:
    own = folder / WFCHECK_TOML
    if own.is_file():
        return load_config(own)
    pyproject = folder / PYPROJECT_TOML
    if pyproject.is_file():
        table = _wfcheck_table(_load_toml(pyproject), pyproject)
        if table is not None:
            origin = f"{pyproject} [tool.wfcheck]"
            return project_config_from_table(table, path=pyproject, origin=origin)
    return None


def _load_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as file:
            return tomllib.load(file)
    except OSError as error:
        raise ConfigError(f"{path}: cannot read the file: {error.strerror or error}") from error
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise ConfigError(f"{path}: not valid TOML: {error}") from error


def _wfcheck_table(document: Mapping[str, Any], path: Path) -> Mapping[str, Any] | None:
    tool = document.get("tool")
    if not isinstance(tool, dict) or "wfcheck" not in tool:
        return None
    table = tool["wfcheck"]
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: `tool.wfcheck` must be a table")
    return table


# Readers of one key's value: (origin, key, value) -> the value as the settings hold it.
_Reader = Callable[[str, str, Any], Any]


def _strings(origin: str, key: str, value: Any) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise ConfigError(f"{origin}: `{key}` must be a list of strings, not {_shown(value)}")
    return tuple(value)


def _selectors(origin: str, key: str, value: Any) -> tuple[str, ...]:
    selectors = tuple(item.strip().upper() for item in _strings(origin, key, value))
    _validate_selectors(origin, key, selectors)
    return selectors


def _validate_selectors(origin: str, key: str, selectors: Iterable[str]) -> None:
    try:
        RuleSelection(select=tuple(selectors)).validate(RULES_BY_CODE)
    except SettingsError as error:
        problem = str(error).removeprefix("select: ")
        raise ConfigError(f"{origin}: `{key}`: {problem}") from error


def _boolean(origin: str, key: str, value: Any) -> bool:
    if not isinstance(value, bool):
        raise ConfigError(f"{origin}: `{key}` must be true or false, not {_shown(value)}")
    return value


def _text(origin: str, key: str, value: Any) -> str:
    if not isinstance(value, str):
        raise ConfigError(f"{origin}: `{key}` must be a string, not {_shown(value)}")
    return value


def _url_template(origin: str, key: str, value: Any) -> str:
    text = _text(origin, key, value)
    if "{code}" not in text and "{name}" not in text:
        raise ConfigError(
            f"{origin}: `{key}` must hold {{code}} or {{name}}, where each rule's code or name goes"
        )
    return text


def _output_format(origin: str, key: str, value: Any) -> str:
    text = _text(origin, key, value)
    if text not in OUTPUT_FORMATS:
        choices = ", ".join(OUTPUT_FORMATS)
        raise ConfigError(f"{origin}: `{key}`: unknown format {text!r} (one of {choices})")
    return text


def _names(origin: str, key: str, value: Any) -> frozenset[str]:
    names = _strings(origin, key, value)
    for name in names:
        if not all(part.isidentifier() for part in name.split(".")):
            raise ConfigError(f"{origin}: `{key}`: {name!r} is not a (qualified) Python name")
    return frozenset(names)


def _per_file_ignores(origin: str, key: str, value: Any) -> tuple[PerFileIgnore, ...]:
    if not isinstance(value, dict):
        raise ConfigError(f"{origin}: `{key}` must be a table of patterns, not {_shown(value)}")
    entries = []
    for pattern, codes in value.items():
        entry_key = f"{key}.{pattern!r}"
        entries.append(PerFileIgnore(pattern, _selectors(origin, entry_key, codes)))
    return tuple(entries)


_READERS: dict[str, _Reader] = {
    "select": _selectors,
    "ignore": _selectors,
    "extend-select": _selectors,
    "per-file-ignores": _per_file_ignores,
    "exclude": _strings,
    "extend-exclude": _strings,
    "respect-gitignore": _boolean,
    "force-exclude": _boolean,
    "output-format": _output_format,
    "docs-url": _url_template,
    "context-types": _names,
    "registration-decorators": _names,
    "deterministic-functions": _names,
    "nondeterministic-functions": _names,
    "sdk-methods": _names,
}


def _read_table(table: Mapping[str, Any], origin: str) -> ProjectConfig:
    values: dict[str, Any] = {}
    for key, value in table.items():
        reader = _READERS.get(key)
        if reader is None:
            known = ", ".join(_READERS)
            raise ConfigError(f"{origin}: unknown key `{key}` (known keys: {known})")
        values[key] = reader(origin, key, value)
    default = RuleSelection()
    selection = RuleSelection(
        select=values.get("select", default.select),
        ignore=values.get("ignore", ()),
        extend_select=values.get("extend-select", ()),
    )
    detection = DetectionSettings(
        context_types=values.get("context-types", frozenset()),
        registration_decorators=values.get("registration-decorators", frozenset()),
        deterministic_functions=values.get("deterministic-functions", frozenset()),
        nondeterministic_functions=values.get("nondeterministic-functions", frozenset()),
        sdk_methods=values.get("sdk-methods", SDK_2_0_0_METHODS),
    )
    return ProjectConfig(
        path=Path(WFCHECK_TOML),
        settings=Settings(selection=selection, detection=detection),
        per_file_ignores=values.get("per-file-ignores", ()),
        exclude=(*values.get("exclude", DEFAULT_EXCLUDE), *values.get("extend-exclude", ())),
        respect_gitignore=values.get("respect-gitignore", True),
        force_exclude=values.get("force-exclude", False),
        output_format=values.get("output-format"),
        docs_url=values.get("docs-url"),
    )


def _shown(value: Any) -> str:
    return f"{type(value).__name__} {value!r}"
