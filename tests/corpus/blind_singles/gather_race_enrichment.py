# shapes: FastAPI Serve(app), context named `ctx` typed AsyncWorkflowContext[dict], asyncio.gather over two step calls, asyncio.wait_for around one step (racing) inside try/except asyncio.TimeoutError, asyncio.gather over a starred comprehension of steps; fine: a single step in gather, sequential awaits in a second route, asyncio.gather of plain coroutines inside a step body
import asyncio

import httpx
from fastapi import FastAPI
from upstash_workflow import AsyncWorkflowContext
from upstash_workflow.fastapi import Serve

app = FastAPI()
serve = Serve(app)

CRM_URL = "https://crm.example.com/leads"


async def lookup(source: str, value: str) -> dict:
    async with httpx.AsyncClient(timeout=15) as client:
        resp = await client.get(f"https://{source}.example.com/lookup", params={"q": value})
        return resp.json()


async def lookup_network(domain: str) -> list[dict]:
    results = await asyncio.gather(lookup("whois", domain), lookup("dns", domain), lookup("ssl", domain))
    return list(results)


@serve.post("/leads/enrich")
async def enrich_lead(ctx: AsyncWorkflowContext[dict]) -> None:
    lead = ctx.request_payload
    domain = lead["domain"]

    geo, firmo = await asyncio.gather(ctx.run("geo", lambda: lookup("geo", domain)), ctx.run("firmographics", lambda: lookup("firmo", domain)))  # expect: UWF302

    try:
        tech = await asyncio.wait_for(ctx.run("tech-stack", lambda: lookup("builtwith", domain)), timeout=20)  # expect: UWF302
    except asyncio.TimeoutError:
        tech = {}

    contacts = lead.get("contacts", [])
    verified = await asyncio.gather(*[ctx.run(f"verify-{i}", lambda e=email: lookup("verify", e)) for i, email in enumerate(contacts)])  # expect: UWF302

    (network,) = await asyncio.gather(ctx.run("network", lambda: lookup_network(domain)))

    await ctx.call(
        "push-crm",
        url=CRM_URL,
        method="POST",
        body={"domain": domain, "geo": geo, "firmo": firmo, "tech": tech, "verified": len(verified), "network": len(network)},
    )


@serve.post("/leads/enrich-sequential")
async def enrich_lead_sequential(ctx: AsyncWorkflowContext[dict]) -> None:
    domain = ctx.request_payload["domain"]
    geo = await ctx.run("geo", lambda: lookup("geo", domain))
    firmo = await ctx.run("firmographics", lambda: lookup("firmo", domain))
    verified = []
    for i, email in enumerate(ctx.request_payload.get("contacts", [])):
        verified.append(await ctx.run(f"verify-{i}", lambda e=email: lookup("verify", e)))
    network = await ctx.run("network", lambda: lookup_network(domain))
    await ctx.call("push-crm", url=CRM_URL, method="POST", body={"domain": domain, "geo": geo, "firmo": firmo, "verified": len(verified), "network": len(network)})
