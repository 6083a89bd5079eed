"""Inputs at the edges: deep nesting, odd bytes, huge numbers of findings. No traceback."""

from __future__ import annotations

from wfcheck.engine import check_source
from wfcheck.fixes import apply_edits
from wfcheck.source import SourceText

HEADER = """\
import time

from upstash_workflow import AsyncWorkflowContext


async def reconcile(context: AsyncWorkflowContext) -> None:
"""


def test_nesting_as_deep_as_the_parser_accepts_is_analysed() -> None:
    chain = " + ".join(["time.time()"] * 2500)
    text = HEADER + f"    total = {chain}\n    if total:\n        return\n"
    text += '    await context.run("book", lambda: total)\n'
    report = check_source(text)
    codes = [diagnostic.code for diagnostic in report.diagnostics]
    assert codes.count("UWF101") == 2500
    assert codes.count("UWF104") == 1


def test_nesting_the_parser_rejects_is_reported_not_raised() -> None:
    chain = " + ".join(["time.time()"] * 20_000)
    report = check_source(HEADER + f"    total = {chain}\n")
    assert report.syntax_error is not None
    assert report.syntax_error.message == "too deeply nested for Python's parser"


def test_null_bytes_are_a_syntax_error() -> None:
    report = check_source("value = 1\x00\n")
    assert report.syntax_error is not None
    assert "null bytes" in report.syntax_error.message


def test_empty_and_comment_only_files() -> None:
    assert check_source("").diagnostics == ()
    assert check_source("# upstash_workflow\n").diagnostics == ()


def test_thousands_of_findings_in_one_workflow() -> None:
    body = "".join(f"    stamp_{index} = time.time()\n" for index in range(3000))
    report = check_source(HEADER + body + '    await context.run("s", lambda: 1)\n')
    assert len(report.diagnostics) == 3000
    names = {d.fix.edits[0].content for d in report.diagnostics if d.fix is not None}
    assert len(names) == 3000  # every fix got its own step name


def _fixed(text: str, code: str) -> list[str]:
    """The text after each fix of `code`'s findings, applied alone."""
    return [
        apply_edits(SourceText(text), d.fix.edits)
        for d in check_source(text).diagnostics
        if d.code == code and d.fix is not None
    ]


def test_a_source_in_an_f_string_is_wrapped_with_the_other_quote() -> None:
    """Before Python 3.12 a replacement field cannot hold its f-string's own quote (found by
    fuzzing: the fix gave `f"at {await context.run("reconcile-time", ...)}"`)."""
    for line, quote in (('f"at {time.time()}"', "'"), ("f'at {time.time()}'", '"')):
        text = HEADER + f"    note = {line}\n    await context.run('s', lambda: note)\n"
        (fixed,) = _fixed(text, "UWF101")
        assert f"context.run({quote}reconcile-time{quote}" in fixed
        compile(fixed, "<fixed>", "exec")


def test_no_wrap_fix_in_an_f_string_that_uses_both_quotes() -> None:
    text = HEADER + "    note = f\"{f'{time.time()}'}\"\n    await context.run('s', lambda: note)\n"
    assert [d.code for d in check_source(text).diagnostics] == ["UWF101"]
    assert _fixed(text, "UWF101") == []


ROUTE = """\
from upstash_workflow.fastapi import Serve

serve = Serve(app)


@serve.post("/x")
"""


def test_the_first_step_goes_before_the_decorators_of_the_first_statement() -> None:
    """Found by fuzzing: UWF301's fix went between a decorator and its function."""
    text = (
        ROUTE + "async def route(context):\n    @decorate\n    async def inner():\n        pass\n"
    )
    (fixed,) = _fixed(text, "UWF301")
    assert fixed.splitlines()[7:9] == [
        '    await context.run("route-first-step", lambda: None)',
        "    @decorate",
    ]
    compile(fixed, "<fixed>", "exec")


def test_no_first_step_where_the_body_starts_on_the_header_line() -> None:
    """The statement shares its line with the end of the header: no line of its own."""
    text = ROUTE + "async def route(\n    context,\n): pass\n"
    assert [d.code for d in check_source(text).diagnostics] == ["UWF301"]
    assert _fixed(text, "UWF301") == []


def test_no_first_step_with_await_in_a_sync_route_of_an_async_adapter() -> None:
    """Found by fuzzing: UWF301's fix put `await` in a def (the adapter is FastAPI's)."""
    text = ROUTE + "def route(context) -> None:\n    print(context)\n"
    assert {d.code for d in check_source(text).diagnostics} == {"UWF301", "UWF304"}
    assert _fixed(text, "UWF301") == []


def test_no_return_fix_for_a_generator_step() -> None:
    """Found by fuzzing: UWF201's fix wrote `return value` in an async generator."""
    text = ROUTE + (
        "async def route(context) -> None:\n"
        "    result = None\n\n"
        "    async def work():\n"
        "        yield\n"
        "        nonlocal result\n"
        "        result = 1\n\n"
        '    await context.run("work", work)\n'
    )
    assert [d.code for d in check_source(text).diagnostics] == ["UWF201"]
    assert _fixed(text, "UWF201") == []
