"""Finding the Python files under the paths given on the command line.

Folders are walked for `*.py` and `*.pyi`, leaving out what the nearest configuration's
`exclude` (Ruff's defaults unless set) and `extend-exclude` patterns match, and, unless
`respect-gitignore = false`, what `.gitignore` files (those of the folder's git repository
above it, and those met while walking) and `.git/info/exclude` ignore. A file named on the
command line is checked whatever its suffix and exclusions, unless `--force-exclude`.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pathspec

from wfcheck.config import ProjectConfig
from wfcheck.source import InputError

PYTHON_SUFFIXES = frozenset({".py", ".pyi"})
GITIGNORE = ".gitignore"


@dataclass(frozen=True)
class Discovered:
    files: list[Path]
    errors: list[InputError]


# The configuration that applies in a folder (the nearest one, or the defaults).
ConfigLookup = Callable[[Path], ProjectConfig]


class Exclusions:
    """Whether a path is excluded by its configuration's patterns or by `.gitignore` files."""

    def __init__(self, config_for: ConfigLookup) -> None:
        self.config_for = config_for
        self._specs: dict[tuple[str, ...], pathspec.GitIgnoreSpec] = {}
        self._gitignores: dict[Path, list[tuple[Path, pathspec.GitIgnoreSpec]]] = {}

    def excluded(self, path: Path, *, is_dir: bool) -> bool:
        config = self.config_for(path.parent)
        if self._matches(config, path, is_dir=is_dir):
            return True
        return config.respect_gitignore and self._ignored(path, is_dir=is_dir)

    def excluded_with_parents(self, path: Path) -> bool:
        """For `--force-exclude`: the path or one of its folders is excluded."""
        absolute = Path(os.path.abspath(path))
        config = self.config_for(absolute.parent)
        if self._matches(config, absolute, is_dir=False):
            return True
        return any(
            self._matches(config, folder, is_dir=True)
            for folder in absolute.parents
            if config.relative_path(folder) not in (None, ".")
        )

    def _matches(self, config: ProjectConfig, path: Path, *, is_dir: bool) -> bool:
        spec = self._specs.get(config.exclude)
        if spec is None:
            spec = self._specs[config.exclude] = pathspec.GitIgnoreSpec.from_lines(config.exclude)
        relative = config.relative_path(path) or path.name
        return spec.match_file(relative + "/" if is_dir else relative)

    def _ignored(self, path: Path, *, is_dir: bool) -> bool:
        ignored = False
        for base, spec in self._gitignore_specs(Path(os.path.abspath(path.parent))):
            relative = Path(os.path.relpath(os.path.abspath(path), base)).as_posix()
            result = spec.check_file(relative + "/" if is_dir else relative)
            if result.include is not None:
                ignored = result.include
        return ignored

    def _gitignore_specs(self, folder: Path) -> list[tuple[Path, pathspec.GitIgnoreSpec]]:
        """The ignore files that apply in `folder`, outermost first."""
        if folder in self._gitignores:
            return self._gitignores[folder]
        is_repository_root = (folder / ".git").exists()
        at_top = is_repository_root or folder.parent == folder
        specs = [] if at_top else list(self._gitignore_specs(folder.parent))
        if is_repository_root:
            specs.extend(_spec_of(folder, folder / ".git" / "info" / "exclude"))
        specs.extend(_spec_of(folder, folder / GITIGNORE))
        self._gitignores[folder] = specs
        return specs


def _spec_of(base: Path, file: Path) -> list[tuple[Path, pathspec.GitIgnoreSpec]]:
    try:
        lines = file.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return []
    return [(base, pathspec.GitIgnoreSpec.from_lines(lines))]


def discover(
    paths: list[str], config_for: ConfigLookup, *, force_exclude: bool = False
) -> Discovered:
    """The files to check under `paths`, in order, each once."""
    exclusions = Exclusions(config_for)
    files: list[Path] = []
    errors: list[InputError] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            files.extend(sorted(_walk(path, exclusions)))
        elif path.is_file():
            if not (force_exclude and exclusions.excluded_with_parents(path)):
                files.append(path)
        elif not path.exists():
            errors.append(InputError(raw, "No such file or directory"))
        else:
            errors.append(InputError(raw, "Not a regular file or directory"))
    return Discovered(_unique(files), errors)


def _walk(root: Path, exclusions: Exclusions) -> Iterator[Path]:
    for folder, subfolders, names in os.walk(root):
        base = Path(folder)
        subfolders[:] = [
            name for name in subfolders if not exclusions.excluded(base / name, is_dir=True)
        ]
        for name in names:
            path = base / name
            if path.suffix in PYTHON_SUFFIXES and not exclusions.excluded(path, is_dir=False):
                yield path


def _unique(files: list[Path]) -> list[Path]:
    seen: set[Path] = set()
    unique = []
    for file in files:
        key = file.resolve()
        if key not in seen:
            seen.add(key)
            unique.append(file)
    return unique
