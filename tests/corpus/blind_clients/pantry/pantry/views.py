# shapes: no SDK; plain FastAPI views that read the same clients (redis, upstash_redis, boto3 Table, OpenAI, httpx.Client) and the clock freely, with early returns and branches on their values
import random
import time
from datetime import datetime, timezone

from fastapi import APIRouter, HTTPException

from pantry.clients import ai, cache, kv, orders_table, s3, supplier_api
from pantry.stock import supplier_online, units_on_hand

router = APIRouter(prefix="/pantry")


@router.get("/stock/{sku}")
def stock(sku: str) -> dict:
    if not cache.exists(f"stock:{sku}"):
        raise HTTPException(status_code=404)
    units = units_on_hand(sku)
    if units < 5 and supplier_online(supplier_api):
        orders_table.put_item(Item={"sku": sku, "qty": 20, "at": datetime.now(timezone.utc).isoformat()})
    return {"sku": sku, "units": units, "checked": time.time()}


@router.get("/catalog/version")
def catalog_version() -> dict:
    version = kv.get("catalog-version")
    if version is None:
        return {"version": None}
    head = s3.head_object(Bucket="pantry-catalog", Key=f"snapshots/catalog-{version}.json")
    return {"version": version, "size": head["ContentLength"]}


@router.post("/tagline/{sku}")
def tagline(sku: str) -> dict:
    style = random.choice(["playful", "plain"])
    completion = ai.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": f"A {style} tagline for {sku}"}])
    return {"tagline": completion.choices[0].message.content}
