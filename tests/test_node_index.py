"""The model's node index: the parent index, built one top-level statement at a time, agrees
with a full walk (on the fixtures and examples, and on statements that share a line or span
several); the scope of a node is the one the binder evaluates it in."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from wfcheck.model.nodes import NodeIndex
from wfcheck.model.scopes import bind_module

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
    index = NodeIndex(tree)
    for child in reversed(list(expected)):
        assert index.parent(child) is expected[child], ast.dump(child)
    assert NodeIndex(tree).parent(tree) is None


@pytest.mark.parametrize("path", FILES, ids=[path.name for path in FILES])
def test_the_index_agrees_with_a_full_walk(path: Path) -> None:
    assert_agrees(path.read_text("utf-8"))


def test_statements_that_share_a_line_or_span_several() -> None:
    assert_agrees(SHARING_LINES)


def test_a_node_without_a_position_is_found() -> None:
    tree = ast.parse(SHARING_LINES)
    function = tree.body[3]
    assert isinstance(function, ast.FunctionDef)
    index = NodeIndex(tree)
    assert index.parent(function.args) is function
    comprehension = next(n for n in ast.walk(tree) if isinstance(n, ast.comprehension))
    assert isinstance(index.parent(comprehension), ast.ListComp)


SCOPES = """\
@decorate(lambda: deco_body)
def f(a=default, b=lambda: lambda_body, *, c: annotation = 1) -> returned:
    inside = [element for item in first_iterable for other in second_iterable]
class C(base, metaclass=meta):
    attribute = class_body
    def m(self):
        return method_body
module_level = 1
"""


def test_the_scope_of_a_name_is_the_one_the_binder_gives_it() -> None:
    tree = ast.parse(SCOPES)
    scopes = bind_module(tree)
    names = {node.id: node for node in ast.walk(tree) if isinstance(node, ast.Name)}
    where = {name: scopes.scope_at(node).node for name, node in names.items()}
    function, klass = tree.body[0], tree.body[1]
    assert isinstance(function, ast.FunctionDef) and isinstance(klass, ast.ClassDef)
    lambdas = {
        node.body.id: node
        for node in ast.walk(tree)
        if isinstance(node, ast.Lambda) and isinstance(node.body, ast.Name)
    }
    comprehension = next(node for node in ast.walk(tree) if isinstance(node, ast.ListComp))
    method = klass.body[1]
    assert where == {
        "decorate": tree,
        "deco_body": lambdas["deco_body"],
        "default": tree,
        "lambda_body": lambdas["lambda_body"],
        "annotation": tree,
        "returned": tree,
        "inside": function,
        "element": comprehension,
        "item": comprehension,
        "first_iterable": function,
        "other": comprehension,
        "second_iterable": comprehension,
        "base": tree,
        "meta": tree,
        "attribute": klass,
        "class_body": klass,
        "method_body": method,
        "module_level": tree,
    }
    arguments = function.args
    assert scopes.scope_at(arguments).node is tree  # a node without a position
