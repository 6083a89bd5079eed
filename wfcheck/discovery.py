"""Finding the Python files under the paths given on the command line, and reading them."""

from __future__ import annotations

import io
import os
import tokenize
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

PYTHON_SUFFIXES = frozenset({".py", ".pyi"})

# Ruff's default `exclude`, plus wfcheck's own cache.
DEFAULT_EXCLUDE = frozenset(
    {
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
    }
)


class InputError(Exception):
    """A path that cannot be checked: missing, unreadable, undecodable, too deep to analyse."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


@dataclass(frozen=True)
class Discovered:
    files: list[Path]
    errors: list[InputError]


def discover(paths: list[str]) -> Discovered:
    """Files named on the command line are checked whatever their suffix; folders are walked."""
    files: list[Path] = []
    errors: list[InputError] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            files.extend(sorted(_walk(path)))
        elif path.is_file():
            files.append(path)
        elif not path.exists():
            errors.append(InputError(raw, "No such file or directory"))
        else:
            errors.append(InputError(raw, "Not a regular file or directory"))
    return Discovered(_unique(files), errors)


def _walk(root: Path) -> Iterator[Path]:
    for folder, subfolders, names in os.walk(root):
        subfolders[:] = [name for name in subfolders if name not in DEFAULT_EXCLUDE]
        for name in names:
            if Path(name).suffix in PYTHON_SUFFIXES:
                yield Path(folder, name)


def _unique(files: list[Path]) -> list[Path]:
    seen: set[Path] = set()
    unique = []
    for file in files:
        key = file.resolve()
        if key not in seen:
            seen.add(key)
            unique.append(file)
    return unique


def read_source(path: Path) -> str:
    """The file's text, decoded as Python does (BOM, then coding cookie, then UTF-8)."""
    try:
        data = path.read_bytes()
    except OSError as error:
        raise InputError(str(path), error.strerror or str(error)) from error
    return decode_source(data, str(path))


def decode_source(data: bytes, name: str) -> str:
    try:
        try:
            encoding, _ = tokenize.detect_encoding(io.BytesIO(data).readline)
        except SyntaxError as error:
            # Bytes that are not UTF-8 on the first lines: say so rather than blame a cookie.
            data.decode("utf-8")
            raise InputError(name, f"cannot read the encoding: {error}") from error
        return data.decode(encoding)
    except LookupError as error:
        raise InputError(name, f"cannot read the encoding: {error}") from error
    except UnicodeDecodeError as error:
        raise InputError(
            name, f"cannot decode the file as {error.encoding} (byte {error.start})"
        ) from error
