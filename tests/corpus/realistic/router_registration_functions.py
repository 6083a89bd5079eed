# Shapes: SDK import inside try/except ImportError, Serve on an APIRouter created inside a registration function, `serve` passed as a parameter annotated Serve, the call form serve.post(PATH)(fn) with a plain def (sync/async mismatch + unawaited steps) and with a route without steps, inline Serve(app).post(...).
from __future__ import annotations

import logging
import time
from functools import partial

from fastapi import APIRouter, FastAPI

try:
    from upstash_workflow.fastapi import AsyncWorkflowContext, Serve
except ImportError as exc:  # pragma: no cover - optional extra
    raise RuntimeError("install acme-api[workflows]") from exc

logger = logging.getLogger(__name__)


def send_welcome(email: str) -> dict:
    return {"to": email}


def send_tips(email: str) -> dict:
    return {"to": email, "template": "tips"}


def charge(invoice_id: str) -> dict:
    return {"invoice": invoice_id, "charged": True}


def register_workflows(app: FastAPI) -> None:
    router = APIRouter(prefix="/workflows")
    serve = Serve(router)

    @serve.post("/welcome")
    async def welcome(context: AsyncWorkflowContext[dict]) -> None:
        email = context.request_payload["email"]
        await context.run("send-welcome", partial(send_welcome, email))
        if time.localtime().tm_wday < 5:  # expect: UWF101, UWF105
            await context.sleep("wait-a-day", 86400)
        await context.run("send-tips", partial(send_tips, email))

    @Serve(app).post("/workflows/goodbye")
    async def goodbye(context) -> None:
        email = context.request_payload["email"]
        await context.run("send-goodbye", partial(send_welcome, email))

    app.include_router(router)


def attach_billing_routes(serve: Serve) -> None:
    @serve.post("/billing/dunning")
    async def dunning(context: AsyncWorkflowContext[dict]) -> None:
        invoice_id = context.request_payload["invoice_id"]
        for attempt in range(3):
            await context.run(f"charge-{attempt}", partial(charge, invoice_id))
            await context.sleep(f"backoff-{attempt}", "1d")

    @serve.post("/billing/void")
    async def void(context: AsyncWorkflowContext[dict]) -> None:  # expect: UWF301
        logger.info("voiding %s", context.request_payload["invoice_id"])


async def retry_payment(context: AsyncWorkflowContext[dict]) -> None:
    invoice_id = context.request_payload["invoice_id"]
    await context.run("retry-charge", partial(charge, invoice_id))


def legacy_refund(context):  # expect: UWF304
    invoice_id = context.request_payload["invoice_id"]
    context.run("refund", partial(charge, invoice_id))  # expect: UWF303


async def noop_hook(context: AsyncWorkflowContext[dict]) -> None:  # expect: UWF301
    logger.debug("hook called for run %s", context.workflow_run_id)


def mount(app: FastAPI) -> None:
    serve = Serve(app)
    serve.post("/billing/retry")(retry_payment)
    serve.post("/billing/legacy-refund")(legacy_refund)
    serve.post("/billing/noop")(noop_hook)
    attach_billing_routes(serve)
    register_workflows(app)
