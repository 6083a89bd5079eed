# shapes: no SDK: Inngest functions served with inngest.fast_api.serve, `ctx`/`step` parameters, step.run/step.sleep with clock, random and uuid values deciding steps and naming them, a nested step.run, try/except Exception around a step, asyncio.gather of steps, time.sleep and asyncio.sleep between steps, a float sleep; the file never imports upstash_workflow, so nothing may be reported
import asyncio
import datetime
import random
import time
import uuid

import httpx
import inngest
import inngest.fast_api
from fastapi import FastAPI

client = inngest.Inngest(app_id="order-sync")
app = FastAPI()

ERP = "https://erp.example.com/api"


async def push_to_erp(order: dict) -> dict:
    async with httpx.AsyncClient(timeout=20) as http:
        resp = await http.post(f"{ERP}/orders", json=order)
        return resp.json()


@client.create_function(fn_id="sync-order", trigger=inngest.TriggerEvent(event="shop/order.created"))
async def sync_order(ctx: inngest.Context, step: inngest.Step) -> dict:
    order = ctx.event.data
    if datetime.datetime.now().hour < 6:
        await step.sleep("night-pause", datetime.timedelta(hours=2))

    if random.random() < 0.1:
        await step.run("sample-audit", lambda: push_to_erp({"audit": order["id"]}))

    run_tag = uuid.uuid4().hex[:8]
    erp = await step.run(f"push-{run_tag}", lambda: push_to_erp(order))

    async def _notify() -> None:
        await step.run("inner-notify", lambda: push_to_erp({"notify": order["id"]}))

    await step.run("notify", _notify)

    try:
        await step.run("invoice", lambda: push_to_erp({"invoice": order["id"]}))
    except Exception:
        pass

    a, b = await asyncio.gather(
        step.run("stock", lambda: push_to_erp({"stock": order["id"]})),
        step.run("loyalty", lambda: push_to_erp({"loyalty": order["id"]})),
    )
    time.sleep(1)
    await asyncio.sleep(0.5)
    await step.sleep("settle", 1.5)
    return {"erp": erp, "stock": a, "loyalty": b, "at": time.time()}


@client.create_function(fn_id="nightly-reconcile", trigger=inngest.TriggerCron(cron="0 3 * * *"))
def nightly_reconcile(ctx: inngest.ContextSync, step: inngest.StepSync) -> None:
    started = time.monotonic()
    while time.monotonic() - started < 30:
        page = step.run("fetch-page", lambda: httpx.get(f"{ERP}/unreconciled", timeout=10).json())
        if not page:
            break
        step.run(f"reconcile-{uuid.uuid4()}", lambda: httpx.post(f"{ERP}/reconcile", json=page, timeout=10).status_code)


inngest.fast_api.serve(app, client, [sync_order, nightly_reconcile])
