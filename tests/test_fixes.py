"""The wrap-in-a-step fix of UWF101 to UWF103: the fixed text, and that it fixes.

Each case is a workflow body; the test applies the fix of the one finding of the given code
and compares the whole fixed file, then re-parses and re-checks it: the finding is gone.
"""

from __future__ import annotations

import ast
import textwrap

import pytest

from wfcheck.diagnostics import Applicability, Diagnostic
from wfcheck.engine import check_source
from wfcheck.fixes import apply_edits
from wfcheck.source import SourceText

ASYNC_HEADER = """\
import time
from datetime import datetime
from uuid import uuid4

from fastapi import FastAPI
from upstash_workflow.fastapi import Serve

serve = Serve(FastAPI())


@serve.post("/example")
async def example(context) -> None:
"""

SYNC_HEADER = """\
import time

from flask import Flask
from upstash_workflow.flask import Serve

serve = Serve(Flask(__name__))


@serve.route("/report")
def report(context) -> None:
"""


def module(header: str, body: str) -> str:
    return header + textwrap.indent(textwrap.dedent(body), "    ")


def findings(text: str, code: str) -> list[Diagnostic]:
    return [d for d in check_source(text).diagnostics if d.code == code]


def fixed(text: str, code: str, index: int = 0) -> str:
    diagnostic = findings(text, code)[index]
    assert diagnostic.fix is not None, diagnostic
    assert diagnostic.fix.applicability is Applicability.UNSAFE
    return apply_edits(SourceText(text), diagnostic.fix.edits)


CASES = [
    pytest.param(
        ASYNC_HEADER,
        """\
        if time.time() % 5 == 2:
            await context.run("step-1", lambda: 1)
        """,
        "UWF101",
        """\
        if (await context.run("example-time", lambda: time.time())) % 5 == 2:
            await context.run("step-1", lambda: 1)
        """,
        id="clock-in-condition",
    ),
    pytest.param(
        ASYNC_HEADER,
        """\
        started = datetime.now()
        await context.run("log", lambda: str(started))
        """,
        "UWF101",
        """\
        started = datetime.fromisoformat(await context.run("example-now", lambda: datetime.now().isoformat()))
        await context.run("log", lambda: str(started))
        """,
        id="datetime-round-trip",
    ),
    pytest.param(
        ASYNC_HEADER,
        """\
        entry_id = context.request_payload["entry_id"]
        result = await get_result_from_db(entry_id)
        await context.run("use", lambda: result)
        """,
        "UWF103",
        """\
        entry_id = context.request_payload["entry_id"]
        result = await context.run("example-get-result-from-db", lambda: get_result_from_db(entry_id))
        await context.run("use", lambda: result)
        """,
        id="awaited-io-becomes-lambda-without-await",
    ),
    pytest.param(
        ASYNC_HEADER,
        """\
        await context.run("example-time", lambda: 1)
        deadline = time.time() + 60
        await context.run("use", lambda: deadline)
        """,
        "UWF101",
        """\
        await context.run("example-time", lambda: 1)
        deadline = (await context.run("example-time-2", lambda: time.time())) + 60
        await context.run("use", lambda: deadline)
        """,
        id="name-numbered-on-collision",
    ),
    pytest.param(
        SYNC_HEADER,
        """\
        now = time.time()
        context.run("use", lambda: now)
        """,
        "UWF101",
        """\
        now = context.run("report-time", lambda: time.time())
        context.run("use", lambda: now)
        """,
        id="sync-context-has-no-await",
    ),
]


@pytest.mark.parametrize(("header", "body", "code", "expected"), CASES)
def test_fix_text(header: str, body: str, code: str, expected: str) -> None:
    text = module(header, body)
    result = fixed(text, code)
    assert result == module(header, expected)
    ast.parse(result)
    assert findings(result, code) == []


def test_uuid_round_trip_adds_the_import() -> None:
    text = module(
        ASYNC_HEADER,
        'await context.run(f"order", lambda: str(uuid4()) + str(uuid4()))\n'
        "order_id = uuid4()\n"
        'await context.run("use", lambda: str(order_id))\n',
    )
    result = fixed(text, "UWF102")
    assert "from upstash_workflow.fastapi import Serve\nimport uuid\n" in result
    assert (
        'order_id = uuid.UUID(await context.run("example-uuid4", lambda: str(uuid4())))' in result
    )
    assert findings(result, "UWF102") == []


def test_bytes_round_trip_and_context_by_another_name() -> None:
    header = ASYNC_HEADER.replace("import time", "import secrets").replace("(context)", "(ctx)")
    text = module(header, 'key = secrets.token_bytes(16)\nawait ctx.run("store", lambda: key)\n')
    assert (
        'key = bytes.fromhex(await ctx.run("example-token-bytes", '
        "lambda: secrets.token_bytes(16).hex()))" in fixed(text, "UWF102")
    )


def test_two_fixes_in_one_workflow_get_distinct_names() -> None:
    text = module(
        ASYNC_HEADER, "a = time.time()\nb = time.time()\nawait context.run('s', lambda: a + b)\n"
    )
    names = [
        diagnostic.fix.edits[0].content
        for diagnostic in findings(text, "UWF101")
        if diagnostic.fix is not None
    ]
    assert names == [
        'await context.run("example-time", lambda: time.time())',
        'await context.run("example-time-2", lambda: time.time())',
    ]


@pytest.mark.parametrize(
    ("body", "code"),
    [
        pytest.param(
            'await context.run(f"id-{time.time()}", lambda: 1)\n', "UWF101", id="in-step-name"
        ),
        pytest.param(
            "import random\nitems = [1, 2]\nrandom.shuffle(items)\nawait context.run('s', lambda: items)\n",
            "UWF102",
            id="in-place-shuffle",
        ),
        pytest.param(
            "handle = open('orders.csv')\nawait context.run('s', lambda: handle.name)\n",
            "UWF103",
            id="open-file-not-serializable",
        ),
        pytest.param(
            "stamps = [time.time() for _ in range(3)]\nawait context.run('s', lambda: stamps)\n",
            "UWF101",
            id="inside-comprehension",
        ),
        pytest.param(
            "order = await fetch_order(str(uuid4()))\nawait context.run('s', lambda: order)\n",
            "UWF102",
            id="inside-another-source",
        ),
    ],
)
def test_no_fix_where_none_is_sound(body: str, code: str) -> None:
    diagnostics = findings(module(ASYNC_HEADER, body), code)
    assert len(diagnostics) == 1
    assert diagnostics[0].fix is None
