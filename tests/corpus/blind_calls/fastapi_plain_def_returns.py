# shapes: UWF304 on plain defs registered with async adapters, each step call in them UWF303: `@serve.post` decorator (fastapi), the call form `serve.post(PATH)(fn)`, an inline `@Serve(router).post(...)`, and `async_serve(fn)` positional; the plain defs use run, sleep, call and sleep_until. Fine: async defs registered the same four ways, a plain def helper called from a step
import functools
import logging
import time

import httpx
from fastapi import APIRouter, FastAPI
from upstash_workflow import async_serve
from upstash_workflow.fastapi import AsyncWorkflowContext, Serve

log = logging.getLogger("returns")

app = FastAPI()
serve = Serve(app)
admin_router = APIRouter(prefix="/admin")

RMA_URL = "https://rma.example.com"


def validate_rma(rma: str) -> dict:
    resp = httpx.get(f"{RMA_URL}/rma/{rma}", timeout=10)
    return {"rma": rma, "valid": resp.status_code == 200}


def restock_sku(sku: str, qty: int) -> int:
    httpx.post(f"{RMA_URL}/stock/{sku}", json={"qty": qty}, timeout=10)
    return qty


@serve.post("/api/returns/open")
def open_return(context: AsyncWorkflowContext[dict]) -> None:  # expect: UWF304
    rma = context.request_payload["rma"]
    context.run("validate-rma", lambda: validate_rma(rma))  # expect: UWF303
    context.sleep("cooling-off", "1d")  # expect: UWF303
    context.call("notify-warehouse", url=f"{RMA_URL}/warehouse", method="POST", body={"rma": rma})  # expect: UWF303


def restock(context):  # expect: UWF304
    lines = context.request_payload["lines"]
    for line in lines:
        context.run(f"restock-{line['sku']}", functools.partial(restock_sku, line["sku"], line["qty"]))  # expect: UWF303


serve.post("/api/returns/restock")(restock)


@Serve(admin_router).post("/returns/purge")
def purge_returns(context):  # expect: UWF304
    log.info("purging returns older than %s days", context.request_payload.get("days", 90))
    context.call("purge", url=f"{RMA_URL}/purge", method="DELETE", retries=1)  # expect: UWF303


def refund_later(context: AsyncWorkflowContext[dict]) -> None:  # expect: UWF304
    order_id = context.request_payload["order_id"]
    context.sleep_until("refund-date", time.time() + 14 * 86400)  # expect: UWF303
    context.run("refund", lambda: {"order": order_id, "refunded": True})  # expect: UWF303


refund_handler = async_serve(refund_later)


@serve.post("/api/returns/inspect")
async def inspect_return(context: AsyncWorkflowContext[dict]) -> None:
    rma = context.request_payload["rma"]
    checked = await context.run("validate-rma", lambda: validate_rma(rma))
    if not checked["valid"]:
        return
    await context.sleep("inspection-slot", "2h")
    await context.call("book-inspection", url=f"{RMA_URL}/inspections", method="POST", body={"rma": rma})


async def restock_async(context):
    for line in context.request_payload["lines"]:
        await context.run(f"restock-{line['sku']}", functools.partial(restock_sku, line["sku"], line["qty"]))


serve.post("/api/returns/restock-v2")(restock_async)


@Serve(admin_router).post("/returns/report")
async def returns_report(context):
    total = await context.run("count-open", lambda: httpx.get(f"{RMA_URL}/count", timeout=10).json()["open"])
    await context.call("post-report", url=f"{RMA_URL}/reports", method="POST", body={"open": total})


async def refund_now(context: AsyncWorkflowContext[dict]) -> None:
    order_id = context.request_payload["order_id"]
    await context.run("refund", lambda: {"order": order_id, "refunded": True})


refund_now_handler = async_serve(refund_now)
app.include_router(admin_router)
