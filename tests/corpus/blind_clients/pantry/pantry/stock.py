# shapes: no SDK; functions that read the imported clients (each with one client call where it is called from orchestration elsewhere), one taking an annotated httpx.Client parameter; pure helpers (sha1 label, datetime.fromtimestamp stamp)
import hashlib
import json
from datetime import datetime, timezone

import httpx

from pantry.clients import cache, kv, orders_table, s3, supplier_api


def units_on_hand(sku: str) -> int:
    return int(cache.hget("stock", sku) or 0)


def supplier_online(api: httpx.Client) -> bool:
    response = api.head("/health")
    return response.status_code == 200


def shelf_label(sku: str) -> str:
    digest = hashlib.sha1(sku.encode("utf-8")).hexdigest()[:6]
    return f"{sku.upper()}-{digest}"


def stamp_for(epoch_seconds: int) -> str:
    return datetime.fromtimestamp(epoch_seconds, tz=timezone.utc).strftime("%Y%m%d")


def place_order(sku: str, qty: int) -> str:
    orders_table.put_item(Item={"sku": sku, "qty": qty})
    return f"{sku}:{qty}"


def publish_description(sku: str, text: str) -> str:
    key = f"descriptions/{sku}.txt"
    s3.put_object(Bucket="pantry-catalog", Key=key, Body=text.encode("utf-8"))
    return key


def fetch_nutrition_sheet(sku: str) -> dict:
    sheet = supplier_api.get(f"/nutrition/{sku}").json()
    cache.set(f"nutrition:{sku}", json.dumps(sheet))
    return sheet


def snapshot_catalog() -> str:
    version = kv.incr("catalog-version")
    key = f"snapshots/catalog-{version}.json"
    s3.put_object(Bucket="pantry-catalog", Key=key, Body=json.dumps(cache.hgetall("stock")))
    return key


def mirror_supplier_catalog() -> int:
    items = supplier_api.get("/catalog").json()["items"]
    for item in items:
        cache.hset("stock", item["sku"], item["units"])
    return len(items)
