# Shapes: the context reached through aliases: typing.cast, an annotated re-assignment, functools.partial(helper, context), a dict holding it, an alias kept after `del context`; unawaited step calls through aliases; an APIRouter adapter.
from __future__ import annotations

import logging
from functools import partial
from typing import Any, cast

from fastapi import APIRouter
from upstash_workflow import AsyncWorkflowContext
from upstash_workflow.fastapi import Serve

logger = logging.getLogger(__name__)

router = APIRouter(prefix="/wf")
serve = Serve(router)


def collect_items(user_id: str) -> list[dict[str, Any]]:
    return [{"user": user_id, "kind": "digest"}]


def render(items: list[dict[str, Any]]) -> str:
    return "\n".join(item["kind"] for item in items)


def do_reindex(index: str) -> dict[str, Any]:
    return {"index": index, "ok": True}


async def _publish(ctx: AsyncWorkflowContext[dict], channel: str, message: dict[str, Any]) -> None:
    await ctx.run(f"publish-{channel}", lambda: {"channel": channel, **message})


@serve.post("/digest")
async def build_digest(context):
    ctx = cast(AsyncWorkflowContext[dict[str, Any]], context)
    user_id = ctx.request_payload["user_id"]
    items = await ctx.run("collect", lambda: collect_items(user_id))
    ctx.run("render", lambda: render(items))  # expect: UWF303
    await ctx.sleep("cooldown", 300)


@serve.post("/cleanup")
async def cleanup(context) -> None:
    context: AsyncWorkflowContext[dict[str, Any]] = context  # narrowed for the type checker
    bucket = context.request_payload["bucket"]
    await context.run("list-stale", lambda: {"bucket": bucket, "stale": []})
    await context.sleep("settle", "10m")


@serve.post("/announce")
async def announce(context: AsyncWorkflowContext[dict]) -> None:
    publish = partial(_publish, context)
    subject = context.request_payload["subject"]
    await publish("email", {"subject": subject})
    await publish("sms", {"subject": subject[:60]})


@serve.post("/reindex")
async def reindex(context) -> None:
    env = {"ctx": context, "index": context.request_payload["index"]}
    await env["ctx"].run("reindex", lambda: do_reindex(env["index"]))
    env["ctx"].sleep("settle", 30)  # expect: UWF303


@serve.post("/archive")
async def archive(context) -> None:
    payload = context.request_payload
    ctx = context
    del context  # only `ctx` from here on
    await ctx.run("archive", lambda: {"archived": payload["ids"]})
    logger.info("archived %d ids", len(payload["ids"]))
