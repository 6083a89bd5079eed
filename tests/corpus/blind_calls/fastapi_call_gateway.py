# shapes: correct. FastAPI Serve(app). context.call with every keyword (url, method, body, headers, retries, timeout); CallResponse status_code/body/header read after the call; names from payload values, f-strings over step results and a module constant; run with a nested async def, a lambda and functools.partial; sleep with "30s", an int and an int product; sleep_until with time.time() + N
import functools
import json
import logging
import time

import httpx
from fastapi import FastAPI
from upstash_workflow.fastapi import AsyncWorkflowContext, Serve

log = logging.getLogger("gateway")

app = FastAPI()
serve = Serve(app)

PARTNER_URL = "https://partners.example.com/v2/shipments"
RATE_URL = "https://rates.example.com/quote"
CALLBACK_STEP = "partner-callback"
RETRY_BUDGET = 3
POLL_SECONDS = 20


def normalise_address(address: dict) -> dict:
    return {k: str(v).strip().upper() for k, v in address.items()}


def choose_carrier(quotes: list, preferred: str) -> str:
    ranked = sorted(quotes, key=lambda q: (q["carrier"] != preferred, q["price"]))
    return ranked[0]["carrier"] if ranked else preferred


async def store_label(shipment_id: str, label: dict) -> str:
    async with httpx.AsyncClient(timeout=10) as client:
        resp = await client.put(f"https://labels.example.com/{shipment_id}", json=label)
        resp.raise_for_status()
        return resp.json()["url"]


@serve.post("/api/shipments/book")
async def book_shipment(context: AsyncWorkflowContext[dict]) -> None:
    payload = context.request_payload
    shipment_id = payload["shipment_id"]
    preferred = payload.get("carrier", "dhl")

    async def _normalise() -> dict:
        return normalise_address(payload["address"])

    address = await context.run(f"normalise-{shipment_id}", _normalise)

    rates = await context.call(
        "rate-quote",
        url=RATE_URL,
        method="POST",
        body=json.dumps({"address": address, "weight": payload["weight_kg"]}),
        headers={"Content-Type": "application/json", "X-Shipment": shipment_id},
        retries=RETRY_BUDGET,
        timeout=15,
    )
    if rates.status_code != 200:
        log.warning("rate service answered %s for %s", rates.status_code, shipment_id)
        await context.run("mark-unrated", lambda: {"shipment_id": shipment_id, "rated": False})
        return

    carrier = await context.run("choose-carrier", functools.partial(choose_carrier, rates.body["quotes"], preferred))

    booking = await context.call(
        f"book-{carrier}",
        url=PARTNER_URL,
        method="POST",
        body={"carrier": carrier, "address": address, "reference": shipment_id},
        headers={"Authorization": f"Bearer {context.env.get('PARTNER_TOKEN', '')}"},
        retries=5,
    )
    log.info("booking answered %s (%s)", booking.status_code, booking.header.get("x-request-id"))

    await context.sleep("settle", "30s")

    for attempt in range(RETRY_BUDGET):
        status = await context.call(f"{CALLBACK_STEP}-{attempt}", url=f"{PARTNER_URL}/{shipment_id}")
        if status.body.get("label"):
            break
        await context.sleep(f"wait-label-{attempt}", POLL_SECONDS * (attempt + 1))

    async def _store() -> str:
        return await store_label(shipment_id, status.body.get("label", {}))

    label_url = await context.run("store-label", _store)

    await context.sleep_until("pickup-window", time.time() + 6 * 3600)
    await context.call("notify-customer", url=payload["notify_url"], method="POST", body={"label": label_url})


@serve.post("/api/shipments/track")
async def track_shipment(context: AsyncWorkflowContext[dict]) -> None:
    shipment_id = context.request_payload["shipment_id"]
    checkpoints = await context.call("checkpoints", url=f"{PARTNER_URL}/{shipment_id}/checkpoints", method="GET")

    for checkpoint in checkpoints.body.get("items", []):
        code = checkpoint["code"]
        await context.run(f"record-{code}", lambda c=checkpoint: {"code": c["code"], "at": c["at"]})
        if code == "DELIVERED":
            await context.call("close-ticket", url=f"{PARTNER_URL}/{shipment_id}/close", method="DELETE", retries=2)
            return

    await context.sleep("recheck", 900)
    await context.call("schedule-recheck", url=str(context.url), method="POST", body={"shipment_id": shipment_id})
