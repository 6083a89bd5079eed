"""The results cache, `.wfcheck_cache` (as Ruff's `.ruff_cache`): an unchanged file is not
analysed again.

A result is keyed by a hash of the file's bytes, its path, wfcheck's version and the file's
settings (rule selection with its per-file ignores, detection settings): a change to any of
them is a miss. A result that used the summaries of other modules of the project keeps their
digests and those of the texts they were made from, and holds while the texts are the same
or, if one changed, the summaries made again are (an edited helper re-checks its callers).

The summaries of the project's modules are kept too (`SummaryStore`), each with the digest of
its module's text and of the summaries it used: a later run takes one while they are the same,
so after an edit only the edited module, and the modules whose summaries change with it, are
summarised again.

Results and summaries are two JSON files per wfcheck version (`EntryFile`), each read at most
once (the summaries only when a module has to be summarised) and written at most once per run
(atomically); entries unused for PRUNE_AFTER_DAYS are dropped. A cache that cannot be read is
treated as empty, one that cannot be written is skipped: the cache never changes a result.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import os
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, TypeVar

from wfcheck import __version__
from wfcheck.diagnostics import (
    Applicability,
    Diagnostic,
    Edit,
    Fix,
    Position,
    Range,
    RelatedLocation,
    Severity,
)
from wfcheck.engine import FileReport, SyntaxIssue
from wfcheck.project.index import KeptSummary
from wfcheck.project.summary_json import summary_from_json, summary_to_json
from wfcheck.settings import DetectionSettings, Settings, settings_key

if sys.platform != "win32":
    import fcntl

_Decoded = TypeVar("_Decoded")

CACHE_FOLDER = ".wfcheck_cache"
PRUNE_AFTER_DAYS = 30
# 2: the project modules a result used; 3: module summaries; 4: whether a module leads to
# the SDK among what a result used
_FORMAT = 4


class EntryFile:
    """One JSON file of the cache: entries by key, each with the day it was last used, read
    when first needed and written when changed (atomically); entries unused for
    PRUNE_AFTER_DAYS are dropped when it is written.

    Several processes may write the same file (flake8's workers, a command-line run beside
    them): a write holds a lock on the file (where the platform has `fcntl`) and adds this
    process's changes to what the file holds by then, so none of them loses the others'."""

    def __init__(
        self, file: Path | None, today: int, entries: dict[str, list[Any]] | None = None
    ) -> None:
        self.file = file  # None: entries handed over by another process, never written
        self.today = today
        self._entries = entries
        self._loaded: os.stat_result | None = None  # the file as it was read
        self._changes: dict[str, list[Any] | None] = {}  # by key, None: dropped

    @property
    def entries(self) -> dict[str, list[Any]]:
        if self._entries is None:
            self._entries, self._loaded = self._load()
        return self._entries

    def decoded(self, key: str, decode: Callable[[Any], _Decoded]) -> _Decoded | None:
        """The entry's value decoded (the entry is marked used today), or None; an entry that
        `decode` rejects (KeyError, IndexError, TypeError, ValueError) is dropped."""
        entry = self.entries.get(key)
        if entry is None:
            return None
        try:
            decoded = decode(entry[1])
        except (KeyError, IndexError, TypeError, ValueError):
            self.drop(key)
            return None
        if entry[0] != self.today:
            entry[0] = self.today
            self._changes[key] = entry
        return decoded

    def put(self, key: str, value: Any) -> list[Any]:
        entry = self.entries[key] = self._changes[key] = [self.today, value]
        return entry

    def drop(self, key: str) -> None:
        self.entries.pop(key, None)
        self._changes[key] = None

    def add(self, entries: dict[str, list[Any]]) -> None:
        self.entries.update(entries)
        self._changes.update(entries)

    def save(self, folder: Path) -> str | None:
        """Write the file if it changed; the reason when it could not be written."""
        if not self._changes or self.file is None:
            return None
        try:
            self.file.parent.mkdir(parents=True, exist_ok=True)
            _mark_cache_folder(folder)
            with _locked(self.file):
                self._entries = self._merged(self.file)
                self._write(self.file, self._entries)
        except OSError as error:
            return f"{self.file}: {error.strerror or error}"
        self._changes = {}
        return None

    def _merged(self, file: Path) -> dict[str, list[Any]]:
        """This process's changes over what the file holds now (read again only if another
        process wrote it since it was read here), without the entries unused too long."""
        entries = self.entries
        if not _same_file(self._loaded, file):
            entries, _ = self._load()
            for key, entry in self._changes.items():
                if entry is None:
                    entries.pop(key, None)
                else:
                    entries[key] = entry
        oldest = self.today - PRUNE_AFTER_DAYS
        return {key: entry for key, entry in entries.items() if entry[0] >= oldest}

    def _write(self, file: Path, entries: dict[str, list[Any]]) -> None:
        handle, temporary = tempfile.mkstemp(dir=file.parent, suffix=".tmp")
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            # dumps: the C encoder (dump encodes piece by piece, in Python)
            out.write(json.dumps({"format": _FORMAT, "entries": entries}, separators=(",", ":")))
        os.replace(temporary, file)
        self._loaded = os.stat(file)

    def _load(self) -> tuple[dict[str, list[Any]], os.stat_result | None]:
        if self.file is None:
            return {}, None
        try:
            with self.file.open("rb") as handle:
                status = os.fstat(handle.fileno())
                document = json.loads(handle.read())
        except (OSError, ValueError):
            return {}, None
        if not isinstance(document, dict) or document.get("format") != _FORMAT:
            return {}, status
        entries = document.get("entries")
        return (entries if isinstance(entries, dict) else {}), status


def _same_file(loaded: os.stat_result | None, file: Path) -> bool:
    """Whether the file is still the one read (each write replaces it with a new file)."""
    try:
        now = os.stat(file)
    except OSError:
        return loaded is None
    return loaded is not None and (now.st_ino, now.st_mtime_ns, now.st_size) == (
        loaded.st_ino,
        loaded.st_mtime_ns,
        loaded.st_size,
    )


@contextlib.contextmanager
def _locked(file: Path) -> Iterator[None]:
    """Held while the file is read again and written, by one process at a time."""
    if sys.platform == "win32":  # no fcntl: writes are still atomic, a concurrent one may win
        yield
        return
    handle = os.open(f"{file}.lock", os.O_CREAT | os.O_RDWR, 0o644)
    try:
        fcntl.flock(handle, fcntl.LOCK_EX)
        yield
    finally:
        os.close(handle)


class SummaryStore:
    """Module summaries kept between runs, by module and detection settings: what a project
    index looks up before it summarises a module, and where it puts the ones it makes
    (`SummaryKeeper`). A worker process gets a copy of the entries; what it adds goes back
    with its outcomes (`take_added`)."""

    def __init__(self, file: EntryFile) -> None:
        self.file = file
        self._added: dict[str, list[Any]] = {}

    def get(self, path: Path, detection: DetectionSettings) -> KeptSummary | None:
        return self.file.decoded(_entry_key(detection, str(path)), _kept_from_json)

    def put(self, path: Path, detection: DetectionSettings, kept: KeptSummary) -> None:
        key = _entry_key(detection, str(path))
        self._added[key] = self.file.put(key, _kept_to_json(kept))

    def take_added(self) -> dict[str, list[Any]]:
        """The entries put since the last call."""
        added, self._added = self._added, {}
        return added


def today() -> int:
    """The day entries are marked as last used on."""
    return int(time.time() // 86_400)


def summaries_file(folder: Path) -> Path:
    """Where the cache in `folder` keeps module summaries (the flake8 plugin's too)."""
    return folder / __version__ / "summaries.json"


class ResultCache:
    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.results = EntryFile(folder / __version__ / "results.json", today())
        # In a file of their own: a run that finds every result current never reads them.
        self.summaries = SummaryStore(EntryFile(summaries_file(folder), today()))

    def key(self, data: bytes, settings: Settings, path: str) -> str:
        """By content, settings and path: the path decides which project modules the file's
        imports name (its relative imports, its project's root)."""
        return _entry_key(settings, path, data)

    def get(self, key: str) -> FileReport | None:
        return self.results.decoded(key, _report_from_json)

    def put(self, key: str, report: FileReport) -> None:
        if report.analysis_error is None and report.internal_error is None:
            self.results.put(key, _report_to_json(report))

    def save(self) -> str | None:
        """Write what changed; the reason when it could not be written."""
        problems = [self.results.save(self.folder), self.summaries.file.save(self.folder)]
        return next((problem for problem in problems if problem is not None), None)


def _entry_key(settings: Settings | DetectionSettings, path: str, data: bytes = b"") -> str:
    """A key of the cache: wfcheck's version, the settings, a file's path and its bytes."""
    digest = hashlib.blake2b(digest_size=20)
    digest.update(f"{__version__}\0{_settings_text(settings)}\0{path}\0".encode())
    digest.update(data)
    return digest.hexdigest()


@functools.lru_cache(maxsize=64)
def _settings_text(settings: Settings | DetectionSettings) -> str:
    """Worked out once per settings (a run has one, or one per per-file-ignores entry)."""
    return settings_key(settings)


def _mark_cache_folder(folder: Path) -> None:
    """Keep the cache out of git and out of backups, as Ruff does."""
    for name, content in (
        (".gitignore", "# Automatically created by wfcheck.\n*\n"),
        ("CACHEDIR.TAG", "Signature: 8a477f597d28d172789f06886806bc55\n"),
    ):
        path = folder / name
        if not path.exists():
            with contextlib.suppress(OSError):
                path.write_text(content, encoding="utf-8")


def _kept_to_json(kept: KeptSummary) -> dict[str, Any]:
    return {
        "text": kept.text,
        "used": [list(used) for used in kept.used],
        "summary": summary_to_json(kept.summary),
    }


def _kept_from_json(value: dict[str, Any]) -> KeptSummary:
    used = tuple((str(path), str(digest)) for path, digest in value["used"])
    return KeptSummary(str(value["text"]), used, summary_from_json(value["summary"]))


def _range_to_json(range_: Range) -> list[int]:
    return [range_.start.line, range_.start.column, range_.end.line, range_.end.column]


def _range_from_json(values: list[int]) -> Range:
    line, column, end_line, end_column = values
    return Range(Position(line, column), Position(end_line, end_column))


def _report_to_json(report: FileReport) -> dict[str, Any]:
    syntax = report.syntax_error
    return {
        "d": [_diagnostic_to_json(d) for d in report.diagnostics],
        "s": [syntax.message, syntax.line, syntax.column] if syntax else None,
        "u": [list(dependency) for dependency in report.dependencies],
        "t": [list(text) for text in report.texts],
    }


def _report_from_json(value: dict[str, Any]) -> FileReport:
    syntax = value["s"]
    return FileReport(
        tuple(_diagnostic_from_json(item) for item in value["d"]),
        SyntaxIssue(syntax[0], syntax[1], syntax[2]) if syntax else None,
        dependencies=tuple((path, digest) for path, digest in value.get("u", ())),
        texts=tuple((path, digest) for path, digest in value.get("t", ())),
    )


def _diagnostic_to_json(diagnostic: Diagnostic) -> list[Any]:
    fix = diagnostic.fix
    return [
        diagnostic.code,
        diagnostic.rule_name,
        diagnostic.message,
        _range_to_json(diagnostic.range),
        diagnostic.severity.value,
        [
            fix.title,
            fix.applicability.value,
            [[*_range_to_json(edit.range), edit.content] for edit in fix.edits],
        ]
        if fix
        else None,
        [[*_range_to_json(item.range), item.message, item.path] for item in diagnostic.related],
    ]


def _diagnostic_from_json(value: list[Any]) -> Diagnostic:
    code, name, message, range_, severity, fix, related = value
    return Diagnostic(
        code,
        name,
        message,
        _range_from_json(range_),
        Severity(severity),
        _fix_from_json(fix) if fix else None,
        tuple(RelatedLocation(_range_from_json(item[:4]), item[4], item[5]) for item in related),
    )


def _fix_from_json(value: list[Any]) -> Fix:
    title, applicability, edits = value
    return Fix(
        title,
        tuple(Edit(_range_from_json(edit[:4]), edit[4]) for edit in edits),
        Applicability(applicability),
    )
