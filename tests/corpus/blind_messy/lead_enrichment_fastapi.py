# shapes: 5 labels. FastAPI Serve(APIRouter), an enrich route and a recycle route; a LeadRepository over a SQLAlchemy engine (self.engine, annotated Engine) whose bound methods are step functions through functools.partial; enrichment results appended to an outer list from loop lambdas (201); a rate-limit cool-down computed with true division and used as a sleep duration (307); a pure scoring function called eagerly as the step function (203); two lookups per hot lead gathered with asyncio.gather (302); an audit step whose await was forgotten (303). Fine: an early return on a step result, a comprehension over a step result, default-argument lambdas and async def steps in loops, a step-local list, an int sleep, httpx only inside steps
"""Lead enrichment workflows (growth engineering)."""
import asyncio
import logging
import os
from functools import partial
from typing import Any

import httpx
from fastapi import APIRouter, FastAPI
from sqlalchemy import create_engine, text
from sqlalchemy.engine import Engine
from upstash_workflow import AsyncWorkflowContext
from upstash_workflow.fastapi import Serve

logger = logging.getLogger("growth.leads")

router = APIRouter(prefix="/workflows/leads")
serve = Serve(router)

ENRICH_API = os.environ.get("ENRICH_API", "https://enrich.example.com/v1")
CRM_API = os.environ.get("CRM_API", "https://crm.internal/api")
RATE_LIMIT_WINDOW = 60
HOT_SCORE = 80

engine = create_engine(os.environ.get("LEADS_DB_URL", "postgresql://leads@db/leads"), pool_pre_ping=True)
enrich_http = httpx.AsyncClient(base_url=ENRICH_API, headers={"X-Api-Key": os.environ.get("ENRICH_KEY", "")})


class LeadRepository:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def new_leads(self, campaign_id: str, limit: int) -> list[dict[str, Any]]:
        with self.engine.connect() as conn:
            rows = conn.execute(
                text("SELECT id, email, domain FROM leads WHERE campaign_id = :c AND enriched_at IS NULL LIMIT :n"),
                {"c": campaign_id, "n": limit},
            ).mappings().all()
        return [dict(r) for r in rows]

    def stale_leads(self, days: int) -> list[dict[str, Any]]:
        with self.engine.connect() as conn:
            rows = conn.execute(
                text("SELECT id, email, domain FROM leads WHERE enriched_at < now() - make_interval(days => :d)"),
                {"d": days},
            ).mappings().all()
        return [dict(r) for r in rows]

    def save_scores(self, scores: list[dict[str, Any]]) -> int:
        with self.engine.begin() as conn:
            conn.execute(text("UPDATE leads SET score = :score, enriched_at = now() WHERE id = :id"), scores)
        return len(scores)


leads_repo = LeadRepository(engine)


def enrich_lead_sync(lead: dict[str, Any]) -> dict[str, Any]:
    resp = httpx.get(f"{ENRICH_API}/person", params={"email": lead["email"]}, timeout=20)
    data = resp.json() if resp.status_code == 200 else {}
    return {"id": lead["id"], "email": lead["email"], "domain": lead["domain"], "title": data.get("title"), "employees": data.get("employees", 0)}


async def enrich_company(domain: str) -> dict[str, Any]:
    resp = await enrich_http.get("/company", params={"domain": domain})
    resp.raise_for_status()
    return resp.json()


async def enrich_person(email: str) -> dict[str, Any]:
    resp = await enrich_http.get("/person", params={"email": email})
    resp.raise_for_status()
    return resp.json()


async def push_to_crm(row: dict[str, Any], company: dict[str, Any], person: dict[str, Any]) -> dict[str, Any]:
    async with httpx.AsyncClient(base_url=CRM_API) as crm:
        resp = await crm.post("/leads", json={**row, "company": company, "person": person})
        resp.raise_for_status()
        return {"crm_id": resp.json()["id"]}


def write_audit(campaign_id: str, count: int) -> dict[str, Any]:
    resp = httpx.post(f"{CRM_API}/audit", json={"campaign": campaign_id, "enriched": count}, timeout=10)
    return {"status": resp.status_code}


def score_batch(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    scored = []
    for row in rows:
        score = 20
        if row.get("title") and any(t in row["title"].lower() for t in ("head", "vp", "chief", "director")):
            score += 40
        if (row.get("employees") or 0) > 200:
            score += 30
        scored.append({**row, "score": min(score, 100)})
    return scored


@serve.post("/enrich")
async def enrich_leads(context: AsyncWorkflowContext[dict]) -> None:
    campaign_id = context.request_payload["campaign_id"]
    limit = int(context.request_payload.get("limit", 200))
    logger.info("enriching up to %d leads for campaign %s", limit, campaign_id)

    leads = await context.run("load-new-leads", partial(leads_repo.new_leads, campaign_id, limit))
    if not leads:
        logger.info("campaign %s has no new leads", campaign_id)
        return

    enriched: list[dict[str, Any]] = []
    for lead in leads:
        await context.run(f"enrich-{lead['id']}", lambda lead=lead: enriched.append(enrich_lead_sync(lead)))  # expect: UWF201

    cool_down = RATE_LIMIT_WINDOW / max(len(leads), 1)
    await context.sleep("enrichment-cool-down", cool_down)  # expect: UWF307

    scored = await context.run("score-leads", score_batch(enriched))  # expect: UWF203
    hot = [row for row in scored if row["score"] >= HOT_SCORE]
    logger.info("campaign %s: %d of %d leads are hot", campaign_id, len(hot), len(scored))

    for row in hot:
        company, person = await asyncio.gather(context.run(f"company-{row['id']}", partial(enrich_company, row["domain"])), context.run(f"person-{row['id']}", partial(enrich_person, row["email"])))  # expect: UWF302
        await context.run(f"crm-push-{row['id']}", partial(push_to_crm, row, company, person))

    context.run("audit-enrichment", partial(write_audit, campaign_id, len(scored)))  # expect: UWF303
    await context.run("save-scores", partial(leads_repo.save_scores, scored))


@serve.post("/recycle")
async def recycle_stale(context: AsyncWorkflowContext[dict]) -> None:
    days = int(context.request_payload.get("days", 90))
    stale = await context.run("load-stale", partial(leads_repo.stale_leads, days))
    logger.info("%d stale leads older than %d days", len(stale), days)

    refreshed_total = 0
    for start in range(0, len(stale), 25):
        batch = stale[start:start + 25]

        async def _refresh(batch=batch) -> list[dict[str, Any]]:
            out = []
            for lead in batch:
                person = await enrich_person(lead["email"])
                out.append({"id": lead["id"], "title": person.get("title"), "employees": person.get("employees", 0)})
            return out

        refreshed = await context.run(f"refresh-{start}", _refresh)
        rescored = await context.run(f"rescore-{start}", lambda refreshed=refreshed: score_batch(refreshed))
        await context.run(f"save-{start}", partial(leads_repo.save_scores, rescored))
        refreshed_total += len(refreshed)
        await context.sleep(f"recycle-pause-{start}", 30)

    logger.info("recycled %d leads", refreshed_total)


app = FastAPI(title="leads")
app.include_router(router)
