# shapes: UWF307 for duration strings earlier corpora skip ("500ms", "10min", "1.5h", "2 h", "1d12h", "m"), a keyword `duration=2.5`, a scientific float literal `1e3`, a local name bound once to `45.0`, a module name bound to a true division, and arithmetic with a float. `Serve(router)` created inside `register(app)`. Fine: "5m", `duration="30s"`, "52w", "6mo", an untyped payload value times an int, int constants and products, `int(... * 1.5)`, a growing int backoff, and float sleep_until values
import logging

import httpx
from fastapi import APIRouter, FastAPI
from upstash_workflow.fastapi import AsyncWorkflowContext, Serve

log = logging.getLogger("dunning")

DUNNING_URL = "https://dunning.example.com"
ATTEMPT_GAP = 600
HALF_HOUR = 3600 / 2
MAX_ATTEMPTS = 4


async def charge(invoice_id: str, attempt: int) -> dict:
    async with httpx.AsyncClient() as client:
        resp = await client.post(f"{DUNNING_URL}/charges", json={"invoice": invoice_id, "attempt": attempt})
        return {"ok": resp.status_code == 201, "code": resp.json().get("decline_code")}


async def email_customer(invoice_id: str, template: str) -> bool:
    async with httpx.AsyncClient() as client:
        resp = await client.post(f"{DUNNING_URL}/emails", json={"invoice": invoice_id, "template": template})
        return resp.status_code == 202


def register(app: FastAPI) -> None:
    router = APIRouter()
    serve = Serve(router)

    @serve.post("/dunning/start")
    async def start_dunning(context: AsyncWorkflowContext[dict]) -> None:
        invoice_id = context.request_payload["invoice_id"]
        grace_days = context.request_payload.get("grace_days", 3)

        await context.sleep("grace", grace_days * 86400)
        await context.sleep("warm-up", "5m")
        backoff = 60
        for attempt in range(MAX_ATTEMPTS):
            result = await context.run(f"charge-{attempt}", lambda a=attempt: charge(invoice_id, a))
            if result["ok"]:
                break
            await context.sleep(f"backoff-{attempt}", backoff)
            backoff = backoff * 2

        await context.sleep(step_name="settle", duration="30s")
        await context.run("email-receipt", lambda: email_customer(invoice_id, "receipt"))
        await context.sleep("quiet-period", ATTEMPT_GAP * MAX_ATTEMPTS)
        await context.sleep("review", int(ATTEMPT_GAP * 1.5))
        await context.sleep("yearly-check", "52w")
        await context.sleep("half-year", "6mo")
        await context.sleep_until("statement-day", context.request_payload["statement_ts"] + 0.5)
        await context.call("close", url=f"{DUNNING_URL}/invoices/{invoice_id}/close", method="POST")

    @serve.post("/dunning/remind")
    async def remind(context: AsyncWorkflowContext[dict]) -> None:
        invoice_id = context.request_payload["invoice_id"]
        pause = 45.0

        await context.run("email-first", lambda: email_customer(invoice_id, "first"))
        await context.sleep("first-gap", "500ms")  # expect: UWF307
        await context.sleep("second-gap", "10min")  # expect: UWF307
        await context.run("email-second", lambda: email_customer(invoice_id, "second"))
        await context.sleep("third-gap", "1.5h")  # expect: UWF307
        await context.sleep("fourth-gap", "2 h")  # expect: UWF307
        await context.run("email-third", lambda: email_customer(invoice_id, "third"))
        await context.sleep("long-gap", "1d12h")  # expect: UWF307
        await context.sleep("unit-only", "m")  # expect: UWF307
        await context.sleep(step_name="jitter", duration=2.5)  # expect: UWF307
        await context.sleep("thousand", 1e3)  # expect: UWF307
        await context.sleep("pause", pause)  # expect: UWF307
        await context.sleep("half-hour", HALF_HOUR)  # expect: UWF307
        await context.sleep("scaled", ATTEMPT_GAP * 0.75)  # expect: UWF307
        await context.call("final-notice", url=f"{DUNNING_URL}/invoices/{invoice_id}/final", method="POST")

    app.include_router(router)
