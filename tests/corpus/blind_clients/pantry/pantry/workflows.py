# shapes: FastAPI Serve(APIRouter); clients imported from clients.py by name and through the module (clients.kv); a sync redis read before the first step with an early return (103, 104); reads inside a logging argument and a call body (exempt); an imported function reading redis reported at its call and deciding a sleep (103, 105); an OpenAI moderation read deciding a step and a return (103, 105); an upstash_redis value reaching the first step name (103, 106); a boto3 client constructed in orchestration (fine) then read there (103); an imported function with an annotated httpx.Client parameter deciding a step (103+105); annotated workflow helpers given the redis client
import logging

import boto3
from fastapi import APIRouter
from upstash_workflow import AsyncWorkflowContext
from upstash_workflow.fastapi import Serve

from pantry import clients
from pantry.clients import ai, cache, supplier_api
from pantry.enrichment import attach_nutrition, label_shelf
from pantry.stock import (
    mirror_supplier_catalog,
    place_order,
    publish_description,
    shelf_label,
    snapshot_catalog,
    stamp_for,
    supplier_online,
    units_on_hand,
)

logger = logging.getLogger("pantry.workflows")
router = APIRouter()
serve = Serve(router)


@serve.post("/restock")
async def restock(context: AsyncWorkflowContext[dict]) -> None:
    sku = context.request_payload["sku"]
    if cache.exists(f"restock-lock:{sku}"):  # expect: UWF103
        return  # expect: UWF104
    logger.info("restock requested for %s, cached units %s", sku, cache.hget("stock", sku))
    on_hand = await context.run("count-units", lambda: units_on_hand(sku))
    if on_hand < 5:
        await context.run("place-order", lambda: place_order(sku, 20))
    recount = units_on_hand(sku)  # expect: UWF103
    if recount > 100:  # expect: UWF105
        await context.sleep("let-shelves-clear", 3600)
    await context.call("notify-buyers", url=clients.WEBHOOK_URL, method="POST", body={"sku": sku, "label": shelf_label(sku), "units": cache.hget("stock", sku)})
    await attach_nutrition(context, cache, sku)
    await label_shelf(context, cache, sku)


@serve.post("/describe")
async def describe(context: AsyncWorkflowContext[dict]) -> None:
    sku = context.request_payload["sku"]
    day = stamp_for(context.request_payload["submitted_at"])

    async def _draft() -> str:
        completion = ai.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": f"Describe {sku}"}])
        return completion.choices[0].message.content or ""

    draft = await context.run(f"draft-{day}", _draft)
    moderation = ai.moderations.create(input=draft)  # expect: UWF103
    if moderation.results[0].flagged:  # expect: UWF105
        await context.run("flag-for-review", lambda: clients.kv.sadd("flagged", sku))
        return
    await context.run("publish", lambda: publish_description(sku, draft))


@serve.post("/sync-catalog")
async def sync_catalog(context: AsyncWorkflowContext[dict]) -> None:
    version = clients.kv.get("catalog-version")  # expect: UWF103
    await context.run(f"snapshot-{version}", lambda: snapshot_catalog())  # expect: UWF106
    archive = boto3.client("s3", region_name="eu-west-1")
    head = archive.head_object(Bucket="pantry-archive", Key="catalog.json")  # expect: UWF103
    await context.sleep("settle", 30 if head["ContentLength"] > 1_000_000 else 5)
    if supplier_online(supplier_api):  # expect: UWF103, UWF105
        await context.run("mirror-supplier", lambda: mirror_supplier_catalog())
