"""Where a project's modules are: its root, and the file each module name stands for.

Nothing is imported or run: module names are matched to files under the project root and
its `src/` folder, as a `src/` layout installs them.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

_ROOT_MARKERS = ("pyproject.toml", "wfcheck.toml")


def project_root(path: Path, checked: Sequence[Path] = ()) -> Path:
    """The folder of the nearest `pyproject.toml` or `wfcheck.toml` above `path`; else, in a
    package, the folder above the outermost package holding it (`app/routes.py` with
    `app/__init__.py`: the folder of `app`); else the innermost checked path (a folder named
    on the command line, the editor's workspace folder) that holds it; else its folder."""
    path = path.resolve()
    start = path if path.is_dir() else path.parent
    marked = _marked_root(start)
    if marked is not None:
        return marked
    if (start / "__init__.py").is_file():
        return _above_packages(start)
    holding = [folder for folder in checked if folder == start or folder in start.parents]
    return max(holding, key=lambda folder: len(folder.parts)) if holding else start


@functools.lru_cache(maxsize=16)
def checked_folders(paths: tuple[str, ...]) -> tuple[Path, ...]:
    """The folders of the paths a run was given (a file's own folder; `-` is stdin)."""
    resolved = (Path(path).resolve() for path in paths if path != "-")
    return tuple(path if path.is_dir() else path.parent for path in resolved)


@functools.lru_cache(maxsize=1024)
def _marked_root(start: Path) -> Path | None:
    for folder in (start, *start.parents):
        if any((folder / marker).is_file() for marker in _ROOT_MARKERS):
            return folder
    return None


@functools.lru_cache(maxsize=1024)
def _above_packages(start: Path) -> Path:
    folder = start
    while (folder / "__init__.py").is_file() and folder.parent != folder:
        folder = folder.parent
    return folder


@dataclass(frozen=True)
class ModuleName:
    name: str  # `app.services.billing`
    is_package: bool  # an `__init__.py`: its relative imports start from itself


class ProjectLayout:
    """Module names and files of one project (lookups of the file system are remembered)."""

    def __init__(self, root: Path) -> None:
        self.root = root.resolve()
        source = self.root / "src"
        self.search_roots = (self.root, source) if source.is_dir() else (self.root,)
        self._files: dict[str, Path | None] = {}
        self._modules: dict[Path, ModuleName | None] = {}

    def module_of(self, path: Path) -> ModuleName | None:
        """The module name a file of the project is imported as (None outside the project)."""
        if path not in self._modules:
            self._modules[path] = self._module_of(path.resolve())
        return self._modules[path]

    def _module_of(self, path: Path) -> ModuleName | None:
        for search_root in reversed(self.search_roots):  # `src/` first: it is inside the root
            try:
                parts = list(path.relative_to(search_root).with_suffix("").parts)
            except ValueError:
                continue
            is_package = parts[-1] == "__init__"
            if is_package:
                parts.pop()
            if parts and all(part.isidentifier() for part in parts):
                return ModuleName(".".join(parts), is_package)
        return None

    def file_of(self, module: str) -> Path | None:
        """The `.py` file (or package `__init__.py`) of a module of the project."""
        if module not in self._files:
            self._files[module] = self._find(module)
        return self._files[module]

    def _find(self, module: str) -> Path | None:
        parts = module.split(".")
        if not all(part.isidentifier() for part in parts):
            return None
        for search_root in self.search_roots:
            base = search_root.joinpath(*parts)
            for candidate in (base.with_suffix(".py"), base / "__init__.py"):
                if candidate.is_file():
                    return candidate
        return None

    def display(self, path: Path) -> str:
        """`app/db.py`: a path as a message shows it, relative to the root."""
        try:
            return path.resolve().relative_to(self.root).as_posix()
        except ValueError:
            return path.as_posix()


def absolute_name(imported: str, importer: ModuleName | None) -> str | None:
    """`app.db.Session` for `..db.Session` imported in `app.services.billing`; absolute names
    unchanged; None when the dots climb above the top package."""
    level = len(imported) - len(imported.lstrip("."))
    if level == 0:
        return imported
    if importer is None:
        return None
    package = importer.name.split(".")
    if not importer.is_package:
        package.pop()
    climb = level - 1
    if climb > len(package):
        return None
    base = package[: len(package) - climb]
    rest = imported[level:]
    return ".".join([*base, rest]) if rest else ".".join(base) or None
