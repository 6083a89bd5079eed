"""`# noqa` on the command line: line-level and file-level, Ruff's and flake8's syntax."""

from __future__ import annotations

import pytest

from wfcheck.engine import check_source

WORKFLOW = """\
{header}import time

from fastapi import FastAPI
from upstash_workflow.fastapi import Serve

serve = Serve(FastAPI())


@serve.post("/orders")
async def fulfil_order(context) -> None:
    started = time.time(){comment}
    await context.run("charge", lambda: started)
"""


def codes(header: str = "", comment: str = "") -> list[str]:
    text = WORKFLOW.format(header=header, comment=comment)
    return [diagnostic.code for diagnostic in check_source(text).diagnostics]


@pytest.mark.parametrize(
    "comment",
    [
        "  # noqa",
        "  # noqa: UWF101",
        "  # noqa:UWF101",
        "  # NOQA: uwf101",
        "  # noqa: E501, UWF101",
    ],
)
def test_line_noqa_suppresses(comment: str) -> None:
    assert codes(comment=comment) == []


@pytest.mark.parametrize("comment", ["", "  # noqa: E722", "  # noqa: UWF102"])
def test_noqa_for_other_codes_does_not_suppress(comment: str) -> None:
    assert codes(comment=comment) == ["UWF101"]


@pytest.mark.parametrize(
    "header",
    ["# wfcheck: noqa\n", "# wfcheck: noqa: UWF101\n", "# ruff: noqa\n", "# flake8: noqa\n"],
)
def test_file_level_exemptions(header: str) -> None:
    assert codes(header=header) == []


@pytest.mark.parametrize("header", ["# wfcheck: noqa: UWF102\n", "# flake8: noqa: UWF101\n"])
def test_file_level_exemptions_that_do_not_apply(header: str) -> None:
    assert codes(header=header) == ["UWF101"]


def test_noqa_on_another_line_does_not_suppress() -> None:
    text = WORKFLOW.format(header="", comment="").replace(
        'await context.run("charge"', 'await context.run("charge"  # noqa\n        '
    )
    assert [d.code for d in check_source(text).diagnostics] == ["UWF101"]
