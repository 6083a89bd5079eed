"""The model's parent index, built one top-level statement at a time, agrees with a full walk:
on the fixtures and examples, and on statements that share a line or span several."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from wfcheck.model.nodes import ParentIndex

ROOT = Path(__file__).resolve().parent
FILES = [
    path
    for path in [*(ROOT / "fixtures").rglob("*.py"), *(ROOT.parent / "examples").glob("*.py")]
    if path.name != "broken.py"  # tests/fixtures/cli/broken.py does not parse
]
SHARED = (ast.expr_context, ast.operator, ast.unaryop, ast.cmpop, ast.boolop)

SHARING_LINES = """\
import os; x = (1,
    2); y = [i for i in range(3) if i]
@decorator(
    arg)
def f(a=lambda: 1, *, b: int = 2) -> None:
    with open(a) as h, open(b): pass
class C(Base, metaclass=M):
    def m(self): return {k: v for k, v in self}
match x:
    case [1, *rest] if rest: pass
"""


def walked_parents(tree: ast.Module) -> dict[ast.AST, ast.AST]:
    return {
        child: node
        for node in ast.walk(tree)
        for child in ast.iter_child_nodes(node)
        if not isinstance(child, SHARED)
    }


def assert_agrees(text: str) -> None:
    tree = ast.parse(text)
    expected = walked_parents(tree)
    # Asked in reverse order, so that later statements are indexed before earlier ones.
    index = ParentIndex(tree)
    for child in reversed(list(expected)):
        assert index.parent(child) is expected[child], ast.dump(child)
    assert ParentIndex(tree).parent(tree) is None


@pytest.mark.parametrize("path", FILES, ids=[path.name for path in FILES])
def test_the_index_agrees_with_a_full_walk(path: Path) -> None:
    assert_agrees(path.read_text("utf-8"))


def test_statements_that_share_a_line_or_span_several() -> None:
    assert_agrees(SHARING_LINES)


def test_a_node_without_a_position_is_found() -> None:
    tree = ast.parse(SHARING_LINES)
    function = tree.body[3]
    assert isinstance(function, ast.FunctionDef)
    index = ParentIndex(tree)
    assert index.parent(function.args) is function
    comprehension = next(n for n in ast.walk(tree) if isinstance(n, ast.comprehension))
    assert isinstance(index.parent(comprehension), ast.ListComp)
