"""Text edits: applying them, and the pieces fixes are built from (names, imports)."""

from __future__ import annotations

import ast
from collections.abc import Iterable

from wfcheck.diagnostics import Edit, Position, Range
from wfcheck.model.nodes import is_docstring
from wfcheck.model.scopes import BindingKind, Scope, ScopeTree
from wfcheck.source import Located, SourceText


class OverlappingEditsError(ValueError):
    pass


def apply_edits(source: SourceText, edits: Iterable[Edit]) -> str:
    """The text with the edits applied; they must not overlap."""
    ordered = sorted(edits, key=lambda edit: (edit.range.start, edit.range.end))
    pieces: list[str] = []
    cursor = 0
    text = source.text
    for edit in ordered:
        start, end = source.offset(edit.range.start), source.offset(edit.range.end)
        if start < cursor:
            raise OverlappingEditsError(f"edits overlap at line {edit.range.start.line}")
        pieces.append(text[cursor:start])
        pieces.append(edit.content)
        cursor = end
    pieces.append(text[cursor:])
    return "".join(pieces)


def replace(source: SourceText, node: Located, content: str) -> Edit:
    return Edit(source.node_range(node), content)


def reference(
    qualified: str,
    scope: Scope,
    scopes: ScopeTree,
    source: SourceText,
    *,
    from_import: bool = False,
    aliases: frozenset[str] = frozenset(),
) -> tuple[str, tuple[Edit, ...]] | None:
    """Text that evaluates to `qualified` at `scope`, and the import to add if one is needed.

    `datetime.datetime` is `datetime` after `from datetime import datetime`, `dt.datetime`
    after `import datetime as dt`, and `datetime.datetime` with a new `import datetime`
    where the module's name is free (with `from_import`, `WorkflowAbort` added to the file's
    `from upstash_workflow import ...`, or in a new one). `aliases` are other qualified names of
    the same object (`upstash_workflow.error.WorkflowAbort`) that an existing import may use.
    None when no text is certain to mean it.
    """
    candidates = [qualified.removeprefix("builtins.")] if qualified.startswith("builtins.") else []
    meanings = {qualified, *aliases}
    for bindings in scopes.module.bindings.values():
        for binding in bindings:
            bound = binding.qualified_name
            if binding.kind is not BindingKind.IMPORT or bound is None:
                continue
            for meaning in meanings:
                if meaning == bound or meaning.startswith(bound + "."):
                    candidates.append(binding.name + meaning[len(bound) :])
    for text in sorted(candidates, key=len):
        if scopes.qualified_text(text, scope) in meanings:
            return text, ()
    if from_import:
        module, _, name = qualified.rpartition(".")
        if scopes.lookup(scope, name) is None and name not in scopes.module.bindings:
            return name, (_from_import_edit(module, name, scopes, source),)
    module = qualified.split(".", 1)[0]
    if scopes.lookup(scope, module) is not None:
        return None
    return qualified, (import_edit(f"import {module}", scopes, source),)


def _from_import_edit(module: str, name: str, scopes: ScopeTree, source: SourceText) -> Edit:
    """Add `name` to the file's `from module import ...`, or a new one after the imports."""
    tree = scopes.module.node
    assert isinstance(tree, ast.Module)
    for statement in tree.body:
        if (
            isinstance(statement, ast.ImportFrom)
            and statement.module == module
            and statement.level == 0
            and statement.names[-1].name != "*"
        ):
            end = source.node_range(statement.names[-1]).end
            return Edit(Range(end, end), f", {name}")
    return import_edit(f"from {module} import {name}", scopes, source)


def import_edit(statement: str, scopes: ScopeTree, source: SourceText) -> Edit:
    """Insert an import statement after the module's last top-level import."""
    module = scopes.module.node
    assert isinstance(module, ast.Module)
    anchor: ast.stmt | None = None
    for node in module.body:
        if isinstance(node, ast.Import | ast.ImportFrom):
            anchor = node
    if anchor is None and module.body and is_docstring(module.body[0]):
        anchor = module.body[0]
    newline = source.newline()
    if anchor is None:
        return Edit(Range(Position(1, 0), Position(1, 0)), statement + newline)
    line = anchor.end_lineno or anchor.lineno
    if line >= len(source.lines):
        end = Position(line, len(source.line(line)))
        return Edit(Range(end, end), newline + statement)
    start = Position(line + 1, 0)
    return Edit(Range(start, start), statement + newline)
