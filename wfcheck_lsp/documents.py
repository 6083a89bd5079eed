"""The open documents: their text and version, kept in step with the client's changes.

The server keeps the text itself rather than in pygls' workspace, whose line splitting also
breaks lines at form feeds and Unicode line separators, which Python and LSP do not.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cached_property
from pathlib import Path

from lsprotocol import types
from pygls.uris import to_fs_path

from wfcheck.source import SourceText
from wfcheck_lsp.positions import Encoding, PositionConverter

PYTHON_LANGUAGE_IDS = frozenset({"python"})


@dataclass(frozen=True)
class Document:
    uri: str
    version: int
    text: str
    language_id: str = "python"

    @cached_property
    def source(self) -> SourceText:
        """The text as the engine sees it, with its lines computed once per version."""
        return SourceText(self.text)

    @cached_property
    def path(self) -> Path | None:
        """The file's path, for documents stored on disk (not `untitled:` buffers)."""
        path = to_fs_path(self.uri) if self.uri.startswith("file:") else None
        return Path(path) if path else None

    @property
    def is_python(self) -> bool:
        return self.language_id in PYTHON_LANGUAGE_IDS

    def converter(self, encoding: Encoding) -> PositionConverter:
        return PositionConverter(self.source, encoding)

    def changed(
        self,
        changes: Sequence[types.TextDocumentContentChangeEvent],
        version: int,
        encoding: Encoding,
    ) -> Document:
        """The document after the client's changes, applied in order."""
        text = self.text
        for change in changes:
            text = _apply_change(text, change, encoding)
        return replace(self, version=version, text=text)


def _apply_change(
    text: str, change: types.TextDocumentContentChangeEvent, encoding: Encoding
) -> str:
    if not isinstance(change, types.TextDocumentContentChangePartial):
        return change.text
    source = SourceText(text)
    converter = PositionConverter(source, encoding)
    start = source.offset(converter.from_client(change.range.start))
    end = source.offset(converter.from_client(change.range.end))
    return text[:start] + change.text + text[max(start, end) :]
