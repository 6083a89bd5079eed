# shapes: UWF302 six times. `asyncio.gather` of a starred generator of steps; `asyncio.gather` of two step coroutines held in local variables first (no UWF303 on the assignments); `asyncio.wait` of a list of two steps; `asyncio.wait(..., return_when=FIRST_COMPLETED)` racing two calls; `asyncio.as_completed` over a list comprehension of calls; `asyncio.wait_for` around `asyncio.gather` of two steps (one finding, at the outermost). Fine: sequential awaits of the same steps in a second route, and `gather` with `return_exceptions=True` inside a step body
import asyncio
import functools
import logging

import httpx
from fastapi import FastAPI
from upstash_workflow.fastapi import AsyncWorkflowContext, Serve

log = logging.getLogger("quotes")

app = FastAPI()
serve = Serve(app)

INSURERS = {
    "acme": "https://acme.example.com/quote",
    "globex": "https://globex.example.com/quote",
    "initech": "https://initech.example.com/quote",
}
MIRROR_EU = "https://eu.rates.example.com/fx"
MIRROR_US = "https://us.rates.example.com/fx"


async def price_line(sku: str, qty: int) -> dict:
    async with httpx.AsyncClient() as client:
        resp = await client.get(f"https://pricing.example.com/{sku}", params={"qty": qty})
        return {"sku": sku, "price": resp.json()["price"]}


async def load_profile(customer_id: str) -> dict:
    async with httpx.AsyncClient() as client:
        return (await client.get(f"https://crm.example.com/customers/{customer_id}")).json()


async def load_claims(customer_id: str) -> list:
    async with httpx.AsyncClient() as client:
        return (await client.get(f"https://crm.example.com/customers/{customer_id}/claims")).json()


async def ping_all(urls: list) -> list:
    async with httpx.AsyncClient() as client:
        results = await asyncio.gather(*(client.get(u) for u in urls), return_exceptions=True)
    return [getattr(r, "status_code", 0) for r in results]


@serve.post("/api/quotes/bundle")
async def quote_bundle(context: AsyncWorkflowContext[dict]) -> None:
    customer_id = context.request_payload["customer_id"]
    lines = await context.run("normalise-lines", lambda: [dict(l, qty=int(l["qty"])) for l in context.request_payload["lines"]])

    priced = await asyncio.gather(*(context.run(f"price-{l['sku']}", functools.partial(price_line, l["sku"], l["qty"])) for l in lines))  # expect: UWF302

    profile_step = context.run("load-profile", functools.partial(load_profile, customer_id))
    claims_step = context.run("load-claims", functools.partial(load_claims, customer_id))
    profile, claims = await asyncio.gather(profile_step, claims_step)  # expect: UWF302

    done, _pending = await asyncio.wait([context.run("reserve-stock", lambda: {"lines": len(priced)}), context.run("hold-credit", lambda: {"customer": profile["id"]})])  # expect: UWF302
    log.info("%d holds placed for %s", len(done), customer_id)

    fastest, slower = await asyncio.wait([context.call("fx-eu", url=MIRROR_EU), context.call("fx-us", url=MIRROR_US)], return_when=asyncio.FIRST_COMPLETED)  # expect: UWF302
    log.info("fx answered by %d mirror(s)", len(fastest))

    for earliest in asyncio.as_completed([context.call(f"quote-{name}", url=url, method="POST", body={"customer": customer_id}) for name, url in INSURERS.items()]):  # expect: UWF302
        best = await earliest
        log.info("first insurer answered %s", best.status_code)
        break

    await asyncio.wait_for(asyncio.gather(context.run("send-offer", lambda: {"claims": len(claims)}), context.sleep("offer-hold", "1h")), timeout=120)  # expect: UWF302

    await context.run("check-mirrors", lambda: ping_all([MIRROR_EU, MIRROR_US]))


@serve.post("/api/quotes/single")
async def quote_single(context: AsyncWorkflowContext[dict]) -> None:
    customer_id = context.request_payload["customer_id"]
    profile = await context.run("load-profile", functools.partial(load_profile, customer_id))
    claims = await context.run("load-claims", functools.partial(load_claims, customer_id))

    quotes = {}
    for name, url in INSURERS.items():
        reply = await context.call(f"quote-{name}", url=url, method="POST", body={"customer": profile["id"], "claims": len(claims)})
        quotes[name] = reply.body.get("premium")

    await context.run("store-quotes", lambda: {"customer": customer_id, "quotes": quotes})
