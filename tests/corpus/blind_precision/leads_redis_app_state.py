# shapes: 6 labels; FastAPI Serve(app) with a lifespan storing an upstash_redis.asyncio client on `app.state.cache`; an awaited `app.state.cache.get(...)` before the first step followed by an early return (103, 104); a module-global redis.Redis client `limiter` whose incr count decides a step after the first step (103, 105); asyncio.sleep between steps (107); an `except Exception` whose first statement re-raises only httpx.HTTPError (305); fine: the same clients used inside steps, client construction in the lifespan and at module level, `except WorkflowAbort: raise` before `except Exception`, a deterministic early return on the payload
import asyncio
import contextlib
import logging
from typing import Any

import httpx
import redis
from fastapi import FastAPI
from upstash_redis.asyncio import Redis as AsyncRedis
from upstash_workflow import AsyncWorkflowContext, WorkflowAbort
from upstash_workflow.fastapi import Serve

log = logging.getLogger("leads")

ENRICH_API = "https://enrich.internal"
CRM_API = "https://crm.internal"


@contextlib.asynccontextmanager
async def lifespan(app: FastAPI):
    app.state.cache = AsyncRedis.from_env()
    yield
    await app.state.cache.close()


app = FastAPI(lifespan=lifespan)
serve = Serve(app)
limiter = redis.Redis(host="limiter.internal", port=6379, decode_responses=True)


async def fetch_profile(lead_id: str) -> dict[str, Any]:
    async with httpx.AsyncClient(base_url=ENRICH_API, timeout=15) as client:
        resp = await client.get(f"/leads/{lead_id}")
    resp.raise_for_status()
    body = resp.json()
    return {"domain": body["domain"], "company": body.get("company"), "size": int(body.get("size", 0))}


async def push_to_crm(lead_id: str, profile: dict[str, Any]) -> dict[str, Any]:
    async with httpx.AsyncClient(base_url=CRM_API, timeout=15) as client:
        resp = await client.put(f"/leads/{lead_id}", json=profile)
    resp.raise_for_status()
    return {"status": resp.status_code}


async def write_cache(key: str, profile: dict[str, Any]) -> bool:
    await app.state.cache.set(key, profile["domain"], ex=86400)
    return True


@serve.post("/workflows/enrich-lead")
async def enrich_lead(context: AsyncWorkflowContext[dict]) -> None:
    lead_id = context.request_payload.get("lead_id")
    if not lead_id:
        return
    cache_key = f"lead:{lead_id}:enriched"

    already = await app.state.cache.get(cache_key)  # expect: UWF103
    if already:
        return  # expect: UWF104

    profile = await context.run("fetch-profile", lambda: fetch_profile(lead_id))

    hits = limiter.incr(f"enrich:{profile['domain']}")  # expect: UWF103
    if hits > 100:  # expect: UWF105
        await context.sleep("rate-limit-backoff", 600)

    await asyncio.sleep(1)  # expect: UWF107

    try:
        await context.run("push-crm", lambda: push_to_crm(lead_id, profile))
    except Exception as exc:  # expect: UWF305
        if isinstance(exc, httpx.HTTPError):
            raise
        log.warning("crm push failed for %s: %s", lead_id, exc)

    try:
        await context.run("write-cache", lambda: write_cache(cache_key, profile))
    except WorkflowAbort:
        raise
    except Exception:
        log.exception("cache write failed for %s", lead_id)

    await context.run("count-enriched", lambda: {"count": limiter.incr("enrich:total")})
