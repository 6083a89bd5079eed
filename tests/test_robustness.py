"""Inputs at the edges: deep nesting, odd bytes, huge numbers of findings. No traceback."""

from __future__ import annotations

from wfcheck.engine import check_source

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
    chain = " + ".join(["time.time()"] * 5000)
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
