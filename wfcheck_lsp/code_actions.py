"""Code actions: a quick fix per fixable finding, `# noqa` for a line, and fix-all.

Titles follow Ruff's (`Ruff (F401): Remove unused import`): `wfcheck (UWF303): Add await`. An
unsafe fix is offered alone, never by fix-all, and its title says that it changes the
workflow's steps. The `# noqa` action and fix-all cost a pass over the text, so for clients
that resolve code actions their edits are computed by `codeAction/resolve`, when chosen.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from lsprotocol import types

from wfcheck.diagnostics import Applicability, Diagnostic, Edit, Position, Range
from wfcheck.fixing import applies, fix_text
from wfcheck.noqa import noqa_edits
from wfcheck.source import SourceText
from wfcheck_lsp.checker import Analysis
from wfcheck_lsp.lsp_diagnostics import finding
from wfcheck_lsp.positions import Encoding

FIX_ALL = f"{types.CodeActionKind.SourceFixAll.value}.wfcheck"
KINDS = (types.CodeActionKind.QuickFix, FIX_ALL)
UNSAFE_NOTE = "unsafe: changes the workflow's steps"


@dataclass(frozen=True)
class Client:
    """What the client supports, for the shape of the actions."""

    encoding: Encoding
    document_changes: bool
    resolves_edits: bool


def code_actions(
    analysis: Analysis, params: types.CodeActionParams, client: Client
) -> list[types.CodeAction]:
    """The actions for the findings touching the requested range, then fix-all."""
    document = analysis.document
    converter = document.converter(client.encoding)
    requested = converter.from_client_range(params.range)
    wanted = _Kinds(params.context.only)
    actions: list[types.CodeAction] = []
    for diagnostic in analysis.report.diagnostics:
        if not _touches(diagnostic.range, requested):
            continue
        lsp_diagnostic = finding(
            diagnostic, document.uri, converter, analysis.configuration.docs_url
        )
        if wanted.quick_fixes:
            actions.extend(_fix_action(analysis, diagnostic, lsp_diagnostic, client))
            actions.extend(_noqa_action(analysis, diagnostic, lsp_diagnostic, client))
    if wanted.fix_all and _has_safe_fix(analysis):
        actions.append(_fix_all_action(analysis, client))
    return actions


def resolve(
    action: types.CodeAction, analysis: Analysis | None, client: Client
) -> types.CodeAction:
    """Fill in the edit of a `# noqa` or fix-all action, if the document has not changed since."""
    data = action.data if isinstance(action.data, dict) else {}
    if analysis is None or data.get("version") != analysis.document.version:
        return action
    if data.get("action") == "noqa" and isinstance(data.get("line"), int):
        action.edit = _noqa_edit(analysis, data["line"], str(data.get("code")), client)
    elif data.get("action") == "fixAll":
        action.edit = _fix_all_edit(analysis, client)
    return action


class _Kinds:
    """The kinds of action a request asks for (`context.only`; every kind when absent)."""

    def __init__(self, only: Sequence[str] | None) -> None:
        self.quick_fixes = _asks_for(only, types.CodeActionKind.QuickFix)
        self.fix_all = _asks_for(only, FIX_ALL)


def _asks_for(only: Sequence[str] | None, kind: str) -> bool:
    """Kinds are hierarchical: asking for `source` or `source.fixAll` includes ours."""
    return only is None or any(kind == asked or kind.startswith(f"{asked}.") for asked in only)


def _touches(range_: Range, requested: Range) -> bool:
    """Overlapping, or touching at a cursor on either end of the finding."""
    return range_.start <= requested.end and requested.start <= range_.end


def _fix_action(
    analysis: Analysis, diagnostic: Diagnostic, lsp_diagnostic: types.Diagnostic, client: Client
) -> Iterator[types.CodeAction]:
    fix = diagnostic.fix
    if fix is None or not applies(fix, unsafe=True):
        return
    safe = fix.applicability is Applicability.SAFE
    title = f"wfcheck ({diagnostic.code}): {fix.title}"
    yield types.CodeAction(
        title=title if safe else f"{title} ({UNSAFE_NOTE})",
        kind=types.CodeActionKind.QuickFix,
        diagnostics=[lsp_diagnostic],
        is_preferred=safe,
        edit=_workspace_edit(analysis, fix.edits, client),
    )


def _noqa_action(
    analysis: Analysis, diagnostic: Diagnostic, lsp_diagnostic: types.Diagnostic, client: Client
) -> Iterator[types.CodeAction]:
    """For clients that resolve actions, the edit is computed when the action is chosen; it
    is missing then where no comment can go (see `noqa_edit`)."""
    data = _data(analysis, "noqa") | {"line": diagnostic.line, "code": diagnostic.code}
    action = types.CodeAction(
        title=f"wfcheck ({diagnostic.code}): Disable for this line",
        kind=types.CodeActionKind.QuickFix,
        diagnostics=[lsp_diagnostic],
        data=data,
    )
    if not client.resolves_edits:
        action = resolve(action, analysis, client)
    if client.resolves_edits or action.edit is not None:
        yield action


def _fix_all_action(analysis: Analysis, client: Client) -> types.CodeAction:
    action = types.CodeAction(
        title="wfcheck: Fix all auto-fixable problems",
        kind=FIX_ALL,
        data=_data(analysis, "fixAll"),
    )
    return action if client.resolves_edits else resolve(action, analysis, client)


def _data(analysis: Analysis, action: str) -> dict[str, object]:
    """What `codeAction/resolve` needs to compute the action's edit."""
    document = analysis.document
    return {"action": action, "uri": document.uri, "version": document.version}


def _has_safe_fix(analysis: Analysis) -> bool:
    return any(
        d.fix is not None and applies(d.fix, unsafe=False) for d in analysis.report.diagnostics
    )


def _workspace_edit(
    analysis: Analysis, edits: tuple[Edit, ...] | list[Edit], client: Client
) -> types.WorkspaceEdit:
    document = analysis.document
    converter = document.converter(client.encoding)
    text_edits = [
        types.TextEdit(range=converter.to_client_range(edit.range), new_text=edit.content)
        for edit in edits
    ]
    if not client.document_changes:
        return types.WorkspaceEdit(changes={document.uri: text_edits})
    identifier = types.OptionalVersionedTextDocumentIdentifier(
        uri=document.uri, version=document.version
    )
    edit = types.TextDocumentEdit(text_document=identifier, edits=list(text_edits))
    return types.WorkspaceEdit(document_changes=[edit])


def _noqa_edit(
    analysis: Analysis, line: int, code: str, client: Client
) -> types.WorkspaceEdit | None:
    edit = noqa_edit(analysis.document.source, line, code)
    return _workspace_edit(analysis, [edit], client) if edit else None


def noqa_edit(source: SourceText, line: int, code: str) -> Edit | None:
    """Add `code` to the `# noqa` comment of the finding's noqa row, or end the row with a
    new one (as `--add-noqa` does); None where nothing can or need be added."""
    edits = noqa_edits(source, {line: [code]})
    return edits[0] if edits else None


def _fix_all_edit(analysis: Analysis, client: Client) -> types.WorkspaceEdit | None:
    document = analysis.document
    filename = str(document.path or document.uri)
    settings = analysis.configuration.settings
    result = fix_text(
        document.text,
        settings,
        unsafe=False,
        filename=filename,
        report=analysis.report,
        project=analysis.configuration.project,
    )
    edit = replacement(document.source, result.text)
    return _workspace_edit(analysis, [edit], client) if edit else None


def replacement(old: SourceText, new_text: str) -> Edit | None:
    """One edit that turns `old` into `new_text`: the part between their common beginning and
    end. None when they are the same."""
    text = old.text
    if text == new_text:
        return None
    start = _shared_prefix(text, new_text)
    shared_end = _shared_prefix(text[::-1], new_text[::-1])
    tail = min(shared_end, len(text) - start, len(new_text) - start)
    end = len(text) - tail
    # Never split a `\r\n`: the positions on either side of it are the same.
    start -= text.startswith("\r\n", start - 1) if start else 0
    end += text.startswith("\r\n", end - 1) if end else 0
    content = new_text[start : len(new_text) - (len(text) - end)]
    return Edit(Range(_position_at(text, start), _position_at(text, end)), content)


def _shared_prefix(first: str, second: str) -> int:
    """The length of the longest common beginning (by bisection: slices compare in C)."""
    low, high = 0, min(len(first), len(second))
    while low < high:
        middle = (low + high + 1) // 2
        if first[:middle] == second[:middle]:
            low = middle
        else:
            high = middle - 1
    return low


def _position_at(text: str, offset: int) -> Position:
    lines = SourceText(text[:offset]).lines
    return Position(len(lines), len(lines[-1]))
