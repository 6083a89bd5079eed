# shapes: correct. Inline `@Serve(app).post(...)`, untyped `context`. Sequential fan-out: awaited steps in a `for` over a step result with names from loop variables, an async comprehension of calls, one step in `asyncio.gather`, one `asyncio.create_task` step awaited alone. Inside step bodies only: `asyncio.gather`, `asyncio.wait_for`, `asyncio.timeout` and `asyncio.TaskGroup` over plain coroutines
import asyncio
import logging

import httpx
from fastapi import FastAPI
from upstash_workflow.fastapi import Serve

log = logging.getLogger("catalog-sync")

app = FastAPI()

SUPPLIERS_URL = "https://suppliers.example.com"


async def fetch_supplier_page(client: httpx.AsyncClient, supplier: str, page: int) -> list:
    resp = await client.get(f"{SUPPLIERS_URL}/{supplier}/items", params={"page": page})
    resp.raise_for_status()
    return resp.json()["items"]


async def fetch_supplier(supplier: str, pages: int) -> list:
    async with httpx.AsyncClient(timeout=20) as client:
        batches = await asyncio.gather(*(fetch_supplier_page(client, supplier, p) for p in range(pages)))
    return [item for batch in batches for item in batch]


async def check_health(supplier: str) -> bool:
    async with httpx.AsyncClient() as client:
        resp = await asyncio.wait_for(client.get(f"{SUPPLIERS_URL}/{supplier}/health"), timeout=5)
        return resp.status_code == 200


async def push_prices(items: list) -> int:
    async with asyncio.timeout(30):
        async with httpx.AsyncClient() as client:
            async with asyncio.TaskGroup() as tg:
                for item in items:
                    tg.create_task(client.put(f"{SUPPLIERS_URL}/prices/{item['sku']}", json=item))
    return len(items)


@Serve(app).post("/api/catalog/sync")
async def sync_catalog(context) -> None:
    run_id = context.workflow_run_id

    audit_task = asyncio.create_task(context.run("audit-open", lambda: {"run": run_id, "state": "open"}))
    await audit_task

    suppliers = await context.run("list-suppliers", lambda: sorted(context.request_payload["suppliers"]))

    healthy = []
    for supplier in suppliers:
        async def _health(s=supplier) -> bool:
            return await check_health(s)

        if await context.run(f"health-{supplier}", _health):
            healthy.append(supplier)
        else:
            log.warning("supplier %s unhealthy, skipping", supplier)

    collected = {}
    for supplier in healthy:
        async def _fetch(s=supplier) -> list:
            return await fetch_supplier(s, pages=3)

        collected[supplier] = await context.run(f"fetch-{supplier}", _fetch)

    pushed = [await context.run(f"push-{name}", lambda items=items: push_prices(items)) for name, items in collected.items()]

    (summary,) = await asyncio.gather(context.run("summary", lambda: {"pushed": sum(pushed), "suppliers": healthy}))
    log.info("catalog sync summary: %s", summary)

    for supplier in healthy:
        await context.call(f"notify-{supplier}", url=f"{SUPPLIERS_URL}/{supplier}/synced", method="POST", body={"run": run_id})
        await context.sleep(f"throttle-{supplier}", 2)
