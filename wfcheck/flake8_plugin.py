"""The flake8 plugin (entry point `UWF`): the engine's findings as flake8 errors.

flake8 parses the file and applies its own `# noqa` and `# flake8: noqa`; the plugin adds the
file-level `# wfcheck: noqa` and `# ruff: noqa` forms that flake8 does not know, and UWF001
(unused `# noqa: UWF...`) when selected. Settings come from the nearest `[tool.wfcheck]` (or
`wfcheck.toml`) of each file, per-file ignores included, unless flake8 runs with
`--isolated`; `--wfcheck-extend-select` adds opt-in rules on top.

The summaries of the project modules a file imports are kept between runs where `wfcheck
check` keeps them (`.wfcheck_cache` in the folder of the configuration that applies to the
current directory), unless `--wfcheck-no-cache` is given: each process (flake8's workers
included) writes the ones it made when it ends.
"""

from __future__ import annotations

import argparse
import ast
import multiprocessing.util
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any, ClassVar

from flake8.exceptions import ExecutionError

from wfcheck import __version__
from wfcheck.cache import CACHE_FOLDER, EntryFile, SummaryStore, summaries_file, today
from wfcheck.config import PYPROJECT_TOML, ConfigError, ConfigFinder, ProjectConfig
from wfcheck.engine import AnalysisError, InternalError, apply_noqa, rule_findings
from wfcheck.project.index import ProjectView, keep_shared_summaries, shared_index
from wfcheck.project.layout import checked_folders
from wfcheck.settings import Settings
from wfcheck.source import SourceText

WFCHECK_ERROR = "UWF000"


class Plugin:
    name = "wfcheck"
    version = __version__
    extend_select: ClassVar[tuple[str, ...]] = ()
    isolated: ClassVar[bool] = False
    configs: ClassVar[ConfigFinder] = ConfigFinder()
    checked: ClassVar[tuple[Path, ...]] = ()  # the folders flake8 was given
    cache_folder: ClassVar[Path | None] = None  # None: summaries are not kept between runs
    # Per folder of a checked file: its configuration and its settings with the options on
    # top, worked out for the first file of the folder.
    folders: ClassVar[dict[str | None, tuple[ProjectConfig | None, Settings]]] = {}

    def __init__(self, tree: ast.Module, lines: list[str], filename: str = "-") -> None:
        self.tree = tree
        self.lines = lines
        self.filename = filename

    @classmethod
    def add_options(cls, option_manager: Any) -> None:
        option_manager.add_option(
            "--wfcheck-extend-select",
            default="",
            parse_from_config=True,
            comma_separated_list=True,
            help="Opt-in wfcheck rules to turn on (for example UWF001, UWF108, UWF309).",
        )
        option_manager.add_option(
            "--wfcheck-no-cache",
            action="store_true",
            parse_from_config=True,
            help=f"Neither read nor write the project summaries kept in {CACHE_FOLDER}.",
        )

    @classmethod
    def parse_options(
        cls, option_manager: Any, options: argparse.Namespace, filenames: list[str]
    ) -> None:
        """Read the options; check the configurations of the paths given, so that a broken
        one stops flake8 with its message before any file is checked."""
        cls.extend_select = tuple(
            code.strip().upper() for code in options.wfcheck_extend_select if code
        )
        cls.isolated = _isolated(sys.argv[1:])
        cls.checked = checked_folders(tuple(filenames or ["."]))
        cls.configs = ConfigFinder()
        cls.folders = {}
        cls.cache_folder = None
        try:
            if not cls.isolated:
                for name in filenames or ["."]:
                    cls.configs.find(Path(name))
            if not options.wfcheck_no_cache:
                cls.cache_folder = cls._root_config().root / CACHE_FOLDER
        except ConfigError as error:
            raise ExecutionError(f"wfcheck: {error}") from error

    @classmethod
    def _root_config(cls) -> ProjectConfig:
        """The configuration that applies to the current directory, where `wfcheck check`
        keeps its cache."""
        found = None if cls.isolated else cls.configs.find(Path.cwd())
        return found or ProjectConfig(Path.cwd() / PYPROJECT_TOML)

    def settings(self) -> Settings:
        """The file's settings: its configuration's (a ConfigError stops flake8 with the
        message naming the file and the key), with `--wfcheck-extend-select` added; the
        configuration's per-file ignores are matched against each file."""
        local = not self.isolated and self.filename not in ("-", "stdin")
        folder = os.path.dirname(self.filename) if local else None  # None: no configuration
        if folder not in self.folders:
            config = self.configs.find(Path(folder)) if folder is not None else None
            settings = config.settings if config is not None else Settings()
            self.folders[folder] = (config, self._with_options(settings))
        config, settings = self.folders[folder]
        if config is None or not config.per_file_ignores:
            return settings
        return self._with_options(config.settings_for(Path(self.filename)))

    def _with_options(self, settings: Settings) -> Settings:
        return settings.with_selection_overrides(extend_select=self.extend_select)

    def run(self) -> Iterator[tuple[int, int, str, type]]:
        """The file's findings. What stops the file from being checked (a broken
        configuration of a folder below the paths given, a file too deeply nested, a bug of
        wfcheck) is one UWF000 on its first line: a worker cannot stop flake8, and the other
        files must still be checked."""
        try:
            settings = self.settings()
        except ConfigError as error:
            yield self._wfcheck_error(f"wfcheck cannot read its configuration: {error}")
            return
        source = SourceText("".join(self.lines))
        try:
            findings = rule_findings(self.tree, source, settings, self._project_view(settings))
            kept = apply_noqa(findings, source, settings, line_level=False) if findings else []
        except AnalysisError as error:
            yield self._wfcheck_error(f"wfcheck could not check {self.filename}: {error}")
            return
        except Exception as error:  # a bug of wfcheck: contained to this file
            internal = InternalError.of(error)
            message = f"wfcheck failed on {self.filename} with an internal error: {internal}"
            yield self._wfcheck_error(f"{message}; please report it")
            return
        for diagnostic in kept:
            text = f"{diagnostic.code} {diagnostic.message}"
            yield diagnostic.line, diagnostic.column, text, type(self)

    def _project_view(self, settings: Settings) -> ProjectView | None:
        """The file's project, its modules read from disk (as `wfcheck check` reads them)."""
        if self.filename in ("-", "stdin"):
            return None
        if self.cache_folder is not None:
            keep_shared_summaries(_kept_summaries(self.cache_folder))
        path = Path(self.filename)
        return shared_index(path, settings.detection, self.checked).view(path)

    def _wfcheck_error(self, message: str) -> tuple[int, int, str, type]:
        return 1, 0, f"{WFCHECK_ERROR} {message}", type(self)


# This process's summaries kept between runs, by cache folder (a worker has its own).
_STORES: dict[tuple[int, Path], SummaryStore] = {}


def _kept_summaries(folder: Path) -> SummaryStore:
    """The summaries kept in the folder, read when first needed and written when this
    process ends: flake8's workers end through multiprocessing, which runs its finalizers
    (and not `atexit`'s functions), as the main process does at its exit."""
    key = (os.getpid(), folder)
    if key not in _STORES:
        store = _STORES[key] = SummaryStore(EntryFile(summaries_file(folder), today()))
        multiprocessing.util.Finalize(None, store.file.save, args=(folder,), exitpriority=0)
    return _STORES[key]


def _isolated(arguments: list[str]) -> bool:
    """Whether flake8 runs with `--isolated`: flake8 reads that option before the plugins'
    options and keeps it out of the options they get, so it is read here the same way."""
    parser = argparse.ArgumentParser(add_help=False)
    parser.add_argument("--isolated", action="store_true")
    isolated: bool = parser.parse_known_args(arguments)[0].isolated
    return isolated
