"""The language server's parser (`BlockParser`): after an edit it parses again only the blocks
the edit touched, and always gives the tree, positions included, or the syntax error that
parsing the whole text gives."""

from __future__ import annotations

import ast

import pytest

from wfcheck.blocks import BlockParser
from wfcheck.engine import parse

MODULE = '''\
"""Orders."""

from __future__ import annotations

import time

from upstash_workflow import AsyncWorkflowContext


@serve.post(
    "/orders"
)
async def orders(context: AsyncWorkflowContext) -> None:
    started = time.time()
    await context.run("charge", lambda: started)


QUERY = """
SELECT *
FROM orders
"""

try:
    import orjson
except ImportError:  # the standard library's then
    orjson = None
else:
    pass
finally:
    pass


def total(values):  # a comment
    return sum(values)
# a comment at the first column
x = 1; y = 2
'''


def dump(tree: ast.AST) -> str:
    return ast.dump(tree, include_attributes=True)


def assert_parses_as_a_whole(parser: BlockParser, text: str) -> None:
    try:
        expected = dump(parse(text))
    except SyntaxError as error:
        with pytest.raises(SyntaxError) as raised:
            parser.parse(text)
        assert (raised.value.msg, raised.value.lineno, raised.value.offset) == (
            error.msg,
            error.lineno,
            error.offset,
        )
        return
    assert dump(parser.parse(text)) == expected


def test_a_module_with_every_kind_of_block_parses_as_a_whole() -> None:
    parser = BlockParser(parse)
    assert_parses_as_a_whole(parser, MODULE)  # parsed whole, then kept by blocks
    assert_parses_as_a_whole(parser, MODULE.replace("sum(values)", "sum(values) + 1"))
    assert parser.parsed_blocks == 1


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("sum(values)", "sum(values) + 1"),  # inside a function
        ('"/orders"', '"/orders/v2"'),  # inside a decorator's call that closes at column 0
        ("FROM orders", "FROM orders\nWHERE 1"),  # a string's lines at column 0
        ("x = 1; y = 2\n", "x = 1; y = 2\nz = 3\n"),  # a statement appended
        ("    pass\nfinally", "    pass\n\nfinally"),  # a line inserted: later blocks move
        ("import time\n", "import time\nimport os\n"),
        ("started = time.time()", "started = time.time("),  # a syntax error
        ("QUERY = ", "from __future__ import division\nQUERY = "),  # the compiler's error
        ("else:\n    pass\n", ""),
        ("\n\n\ndef total", "\n\n\n@cached\ndef total"),
        ('"""Orders."""\n', ""),
        ("x = 1", "x = 1\r\ny = 2\rz = 3"),  # a lone carriage return ends a line too
        ("def total", "\x0cdef total"),
    ],
)
def test_an_edit_parses_as_the_whole_edited_text(old: str, new: str) -> None:
    parser = BlockParser(parse)
    assert_parses_as_a_whole(parser, MODULE)
    edited = MODULE.replace(old, new, 1)
    assert edited != MODULE
    assert_parses_as_a_whole(parser, edited)
    assert_parses_as_a_whole(parser, MODULE)  # and back


def test_only_the_edited_block_is_parsed_again() -> None:
    functions = "".join(f"def f{n}(a):\n    return a + {n}\n\n\n" for n in range(40))
    parser = BlockParser(parse)
    parser.parse(functions)
    before = parser.parsed_blocks
    tree = parser.parse(functions.replace("a + 7\n", "a + 70\n"))
    assert parser.parsed_blocks - before == 1
    assert dump(tree) == dump(parse(functions.replace("a + 7\n", "a + 70\n")))


def test_blocks_an_inserted_line_moves_are_kept_and_moved() -> None:
    functions = "".join(f"def f{n}(a):\n    return a + {n}\n\n\n" for n in range(40))
    parser = BlockParser(parse)
    parser.parse(functions)
    before = parser.parsed_blocks
    edited = functions.replace("a + 3\n", "a + 3\n\n    b = 1\n")
    assert dump(parser.parse(edited)) == dump(parse(edited))
    assert parser.parsed_blocks - before == 1
    assert dump(parser.parse(functions)) == dump(parse(functions))  # and back up
    assert parser.parsed_blocks - before == 2
