"""The fixes of the rule catalog, as a user sees them: the whole fixed text.

Each case is a module before and after applying the one fix of the given code; the result must
compile and no longer have that finding.
"""

from __future__ import annotations

import textwrap

import pytest

from wfcheck.diagnostics import Applicability
from wfcheck.engine import check_source
from wfcheck.fixes import apply_edits
from wfcheck.source import SourceText

FASTAPI = """\
import asyncio
import time

from fastapi import FastAPI
from upstash_workflow import AsyncWorkflowContext
from upstash_workflow.fastapi import Serve

serve = Serve(FastAPI())


@serve.post("/orders")
async def fulfil_order(context: AsyncWorkflowContext[dict]) -> None:
"""

FLASK = """\
import time

from flask import Flask
from upstash_workflow import WorkflowContext
from upstash_workflow.flask import Serve

serve = Serve(Flask(__name__))


@serve.route("/invoices")
def send_invoice(context: WorkflowContext[dict]) -> None:
"""


def module(header: str, body: str) -> str:
    return header + textwrap.indent(textwrap.dedent(body), "    ")


def apply_fix(text: str, code: str) -> tuple[str, Applicability]:
    (diagnostic,) = [d for d in check_source(text).diagnostics if d.code == code]
    assert diagnostic.fix is not None, diagnostic.message
    return apply_edits(SourceText(text), diagnostic.fix.edits), diagnostic.fix.applicability


CASES = [
    pytest.param(
        FASTAPI,
        'await asyncio.sleep(30)\nawait context.run("ship", lambda: 1)\n',
        "UWF107",
        'await context.sleep("fulfil-order-sleep", 30)\nawait context.run("ship", lambda: 1)\n',
        Applicability.UNSAFE,
        id="UWF107-asyncio-sleep",
    ),
    pytest.param(
        FASTAPI,
        'time.sleep(2)\nawait context.run("ship", lambda: 1)\n',
        "UWF107",
        'await context.sleep("fulfil-order-sleep", 2)\nawait context.run("ship", lambda: 1)\n',
        Applicability.UNSAFE,
        id="UWF107-time-sleep-in-async-route-gets-await",
    ),
    pytest.param(
        FLASK,
        'time.sleep(3)\ncontext.run("send", lambda: 1)\n',
        "UWF107",
        'context.sleep("send-invoice-sleep", 3)\ncontext.run("send", lambda: 1)\n',
        Applicability.UNSAFE,
        id="UWF107-sync",
    ),
    pytest.param(
        FASTAPI,
        'await context.run("charge", await charge_card(context.request_payload))\n',
        "UWF203",
        'await context.run("charge", lambda: charge_card(context.request_payload))\n',
        Applicability.UNSAFE,
        id="UWF203-awaited",
    ),
    pytest.param(
        FLASK,
        'context.run("fetch", fetch_invoice(context.request_payload["id"]))\n',
        "UWF203",
        'context.run("fetch", lambda: fetch_invoice(context.request_payload["id"]))\n',
        Applicability.UNSAFE,
        id="UWF203-sync",
    ),
    pytest.param(
        FASTAPI,
        'pickup = context.call("book-courier", url="https://courier.example")\n'
        'await context.run("ship", lambda: 1)\n',
        "UWF303",
        'pickup = await context.call("book-courier", url="https://courier.example")\n'
        'await context.run("ship", lambda: 1)\n',
        Applicability.UNSAFE,
        id="UWF303",
    ),
    pytest.param(
        FASTAPI,
        'await context.sleepUntil("cutoff", time.time() + 60)\nawait context.run("s", lambda: 1)\n',
        "UWF308",
        'await context.sleep_until("cutoff", time.time() + 60)\nawait context.run("s", lambda: 1)\n',
        Applicability.SAFE,
        id="UWF308",
    ),
    pytest.param(
        FASTAPI,
        "charge, stock = await asyncio.gather(\n"
        '    context.run("charge", lambda: 1),\n'
        '    context.run("stock", lambda: 2),\n'
        ")\n",
        "UWF302",
        'charge = await context.run("charge", lambda: 1)\n'
        'stock = await context.run("stock", lambda: 2)\n',
        Applicability.UNSAFE,
        id="UWF302-tuple",
    ),
    pytest.param(
        FASTAPI,
        'results = await asyncio.gather(context.run("a", lambda: 1), context.run("b", lambda: 2))\n',
        "UWF302",
        'results = [await context.run("a", lambda: 1), await context.run("b", lambda: 2)]\n',
        Applicability.UNSAFE,
        id="UWF302-list",
    ),
    pytest.param(
        FASTAPI,
        'print("Processing input:", context.request_payload)\n',
        "UWF301",
        'await context.run("fulfil-order-first-step", lambda: None)\n'
        'print("Processing input:", context.request_payload)\n',
        Applicability.DISPLAY_ONLY,
        id="UWF301",
    ),
    pytest.param(
        FLASK,
        """\
        report_url = None

        def _upload() -> None:
            nonlocal report_url
            report_url = upload_report(context.request_payload)

        context.run("upload", _upload)
        context.run("mail", lambda: mail(report_url))
        """,
        "UWF201",
        """\

        def _upload():
            return upload_report(context.request_payload)

        report_url = context.run("upload", _upload)
        context.run("mail", lambda: mail(report_url))
        """,
        Applicability.UNSAFE,
        id="UWF201-sync",
    ),
]


@pytest.mark.parametrize(("header", "body", "code", "expected", "applicability"), CASES)
def test_fix(
    header: str, body: str, code: str, expected: str, applicability: Applicability
) -> None:
    fixed, actual_applicability = apply_fix(module(header, body), code)
    assert fixed == module(header, expected)
    assert actual_applicability is applicability
    compile(fixed, "<fixed>", "exec")
    assert [d for d in check_source(fixed).diagnostics if d.code == code] == []


def test_reraise_fix_merges_the_import_and_inserts_the_handler() -> None:
    body = """\
    try:
        await context.run("send-receipt", lambda: 1)
    except Exception as error:
        print(error)
    """
    fixed, applicability = apply_fix(module(FASTAPI, body), "UWF305")
    assert applicability is Applicability.SAFE
    assert "from upstash_workflow import AsyncWorkflowContext, WorkflowAbort\n" in fixed
    assert fixed.endswith(
        "    except WorkflowAbort:\n        raise\n    except Exception as error:\n        print(error)\n"
    )


def test_reraise_fix_uses_the_name_already_imported() -> None:
    header = FASTAPI.replace(
        "from upstash_workflow import AsyncWorkflowContext\n",
        "from upstash_workflow import AsyncWorkflowContext\nfrom upstash_workflow.error import WorkflowAbort as Abort\n",
    )
    body = 'try:\n    await context.run("s", lambda: 1)\nexcept:\n    pass\n'
    fixed, _ = apply_fix(module(header, body), "UWF305")
    assert "    except Abort:\n        raise\n    except:\n" in fixed
    assert fixed.count("import") == module(header, body).count("import")


def test_make_sync_fix_removes_async_and_the_step_awaits() -> None:
    header = FLASK.replace("def send_invoice", "async def send_invoice")
    body = 'await context.run("send", lambda: 1)\nawait context.sleep("wait", 10)\n'
    fixed, _ = apply_fix(module(header, body), "UWF304")
    assert "\ndef send_invoice(context: WorkflowContext[dict]) -> None:\n" in fixed
    assert fixed.endswith('    context.run("send", lambda: 1)\n    context.sleep("wait", 10)\n')


RETURN_FIX_PRELUDE = """\
from fastapi import FastAPI
from upstash_workflow import AsyncWorkflowContext
from upstash_workflow.fastapi import Serve

serve = Serve(FastAPI())


@serve.post("/totals")
async def totals(context: AsyncWorkflowContext[dict]) -> None:
"""


@pytest.mark.parametrize(
    "body",
    [
        # The step call under an `if`: removing `total = None` leaves it unbound on the other path.
        """\
    total = None

    def compute() -> None:
        nonlocal total
        total = 42

    if context.request_payload.get("compute"):
        await context.run("compute", compute)
    await context.run("use", lambda: total)
""",
        # An early return of the step gives None, not the value.
        """\
    total = None

    def compute() -> None:
        nonlocal total
        if not context.request_payload:
            return
        total = 42

    await context.run("compute", compute)
    await context.run("use", lambda: total)
""",
    ],
    ids=["step-under-an-if", "early-return-in-the-step"],
)
def test_return_the_value_is_not_offered_where_it_would_change_a_path(body: str) -> None:
    (finding,) = [d for d in check_source(RETURN_FIX_PRELUDE + body).diagnostics]
    assert (finding.code, finding.fix) == ("UWF201", None)
