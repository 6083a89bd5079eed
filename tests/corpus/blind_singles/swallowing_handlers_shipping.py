# shapes: FastAPI Serve(app), context named `wf`, try/except around steps that swallows WorkflowAbort: a bare except, a tuple with Exception, BaseException, contextlib.suppress(Exception); fine: the documented isinstance(e, WorkflowAbort) re-raise, log-then-raise, an `except httpx.HTTPStatusError`, a step in the else of a try whose handler is `except Exception`, contextlib.suppress(KeyError), try/finally that only logs
import contextlib
import logging

import httpx
from fastapi import FastAPI
from upstash_workflow import AsyncWorkflowContext, WorkflowAbort
from upstash_workflow.fastapi import Serve

logger = logging.getLogger("shipping")
app = FastAPI()
serve = Serve(app)

CARRIER = "https://carrier.example.com/v2"


async def carrier_post(path: str, body: dict) -> dict:
    async with httpx.AsyncClient(base_url=CARRIER, timeout=20) as client:
        resp = await client.post(path, json=body)
        resp.raise_for_status()
        return resp.json()


@serve.post("/shipping/dispatch")
async def dispatch(wf: AsyncWorkflowContext[dict]) -> None:
    order = wf.request_payload
    order_id = order["id"]

    try:
        quote = await wf.run("quote", lambda: carrier_post("/quotes", {"order": order_id}))
    except:  # expect: UWF305
        quote = {"carrier": "fallback", "price": 0}

    try:
        label = await wf.run("buy-label", lambda: carrier_post("/labels", {"order": order_id, "carrier": quote["carrier"]}))
    except (httpx.HTTPStatusError, Exception) as exc:  # expect: UWF305
        logger.warning("label purchase failed for %s: %s", order_id, exc)
        label = {"id": None}

    with contextlib.suppress(Exception):  # expect: UWF305
        await wf.run("notify-customer", lambda: carrier_post("/notifications", {"order": order_id}))

    try:
        await wf.sleep("pickup-window", "2h")
    except BaseException:  # expect: UWF305
        logger.error("pickup wait interrupted for %s", order_id)

    try:
        tracking = await wf.run("tracking", lambda: carrier_post("/tracking", {"label": label["id"]}))
    except Exception as e:
        if isinstance(e, WorkflowAbort):
            raise
        tracking = {"number": None}

    try:
        await wf.run("invoice", lambda: carrier_post("/invoices", {"order": order_id, "quote": quote}))
    except Exception:
        logger.exception("invoicing failed for %s", order_id)
        raise

    try:
        await wf.run("book-pickup", lambda: carrier_post("/pickups", {"label": label["id"]}))
    except httpx.HTTPStatusError as exc:
        logger.warning("pickup booking rejected for %s: %s", order_id, exc.response.status_code)

    try:
        weight = float(order["weight"])
    except Exception:
        weight = 0.0
    else:
        await wf.run("weigh-in", lambda: carrier_post("/weights", {"order": order_id, "kg": weight}))

    with contextlib.suppress(KeyError):
        await wf.run("gift-note", lambda: carrier_post("/notes", {"order": order_id, "note": order["gift_note"]}))

    try:
        await wf.run("close", lambda: carrier_post("/close", {"order": order_id, "tracking": tracking["number"]}))
    finally:
        logger.info("dispatch pass for %s done", order_id)
