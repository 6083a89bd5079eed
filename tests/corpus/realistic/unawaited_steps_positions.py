# Shapes: async step calls never awaited in every position (statement, assignment, if test, conditional-expression branch, comprehension, call argument, the route's return value), next to awaited look-alikes that are fine (await over a conditional expression, a plain helper returning a step call that every caller awaits).
from __future__ import annotations

import logging
from functools import partial

from fastapi import FastAPI
from upstash_workflow.fastapi import AsyncWorkflowContext, Serve

logger = logging.getLogger(__name__)

app = FastAPI()
serve = Serve(app)


def validate(payload: dict) -> dict:
    return {"valid": bool(payload.get("recipients"))}


def persist(payload: dict) -> dict:
    return {"id": payload["id"]}


def opted_in(payload: dict) -> bool:
    return payload.get("opt_in", False)


def send(recipient: str) -> dict:
    return {"to": recipient}


def summarize(payload: dict) -> str:
    return f"{len(payload['recipients'])} recipients"


def schedule_reminder(context: AsyncWorkflowContext[dict], delay: str):
    # returns the step call; every caller awaits it
    return context.sleep("reminder", delay)


@serve.post("/notify")
async def notify(context: AsyncWorkflowContext[dict]):
    payload = context.request_payload
    recipients = payload["recipients"]
    summaries: list = []

    context.run("validate", partial(validate, payload))  # expect: UWF303
    receipt = context.run("persist", partial(persist, payload))  # expect: UWF303
    logger.debug("persisted %s", receipt)

    if context.run("check-opt-in", partial(opted_in, payload)):  # expect: UWF303
        await context.sleep("respect-quiet-hours", "1h")

    later = context.sleep("follow-up", "2d") if payload.get("followup") else None  # expect: UWF303
    logger.debug("follow-up scheduled: %s", later is not None)

    pending = [context.run(f"send-{r}", partial(send, r)) for r in recipients]  # expect: UWF303
    logger.info("queued %d sends", len(pending))

    summaries.append(context.run("summarize", partial(summarize, payload)))  # expect: UWF303

    callback_url = payload["callback_url"]
    return context.call("callback", url=callback_url, method="POST")  # expect: UWF303


@serve.post("/notify/v2")
async def notify_v2(context: AsyncWorkflowContext[dict]) -> None:
    payload = context.request_payload

    await context.run("validate", partial(validate, payload))
    await (
        context.sleep("slow-lane", "10m")
        if payload.get("priority") == "low"
        else context.sleep("fast-lane", 5)
    )
    await schedule_reminder(context, "1d")

    results = [await context.run(f"send-{r}", partial(send, r)) for r in payload["recipients"]]
    await context.run("summarize", lambda: {"sent": len(results)})
