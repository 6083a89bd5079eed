"""The workflow modules the server tests open."""

from __future__ import annotations

# UWF101 at the clock read (line 11), UWF105 at the branch on it (line 12).
NIGHTLY = """\
import time

from fastapi import FastAPI
from upstash_workflow.fastapi import Serve

serve = Serve(FastAPI())


@serve.post("/nightly")
async def nightly(context) -> None:
    started = time.time()
    if started > 100:
        await context.run("late", lambda: "late")
    await context.run("report", lambda: "done")
"""

# The same mistakes on lines holding accents and an emoji before the finding (line 11).
COMMANDE = """\
import time

from fastapi import FastAPI
from upstash_workflow.fastapi import Serve

serve = Serve(FastAPI())


@serve.post("/café")
async def commande(context) -> None:
    note = "crème brûlée 🍮"; début = time.time()
    if début > 1:
        await context.run("étape", lambda: (note, début))
"""

# One UWF101, at line 7.
JOB = """\
import time

from upstash_workflow import AsyncWorkflowContext


async def job(context: AsyncWorkflowContext) -> None:
    started = time.time()
    await context.run("s", lambda: started)
"""

# UWF102 at the helper's call (line 15), whose source is two calls away (line 7).
BATCH = """\
import secrets

from upstash_workflow import AsyncWorkflowContext


def _nonce() -> str:
    return secrets.token_hex(4)


def make_batch_id() -> str:
    return "batch-" + _nonce()


async def job(context: AsyncWorkflowContext) -> None:
    batch = make_batch_id()
    await context.run("s", lambda: batch)
"""
