# shapes: 5 labels; FastAPI Serve(APIRouter); outer state of the route changed inside steps (201): setattr on an outer dataclass instance, `del` of an outer dict item in a loop, `setdefault` on an outer dict the step also returns, an attribute store on the outer instance; a `sleep_until` nested in a step (202); fine: steps that build and mutate their own local lists and dicts, a module-level cache dict written in a step, outer objects read but not written in steps, outer objects mutated in orchestration code
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Optional

import httpx
from fastapi import APIRouter, FastAPI
from upstash_workflow import AsyncWorkflowContext
from upstash_workflow.fastapi import Serve

router = APIRouter()
serve = Serve(router)

CONTACTS_API = "https://contacts.internal"
LAST_SYNC: dict[str, dict[str, Any]] = {}


@dataclass
class SyncReport:
    created: int = 0
    removed: int = 0
    cursor: Optional[str] = None


async def upsert_contacts(source: str, contacts: list[dict[str, Any]]) -> dict[str, Any]:
    async with httpx.AsyncClient(base_url=CONTACTS_API, timeout=20) as client:
        resp = await client.post(f"/sources/{source}/contacts", json=contacts)
    body = resp.json()
    return {"count": int(body["count"]), "recheck_at": body["recheck_at"]}


async def fetch_page(source: str, cursor: Optional[str]) -> dict[str, Any]:
    async with httpx.AsyncClient(base_url=CONTACTS_API, timeout=20) as client:
        resp = await client.get(f"/sources/{source}/changes", params={"cursor": cursor or ""})
    return resp.json()


@serve.post("/workflows/contacts/sync")
async def sync_contacts(context: AsyncWorkflowContext[dict]) -> None:
    source = context.request_payload["source"]
    report = SyncReport()
    pending: dict[str, dict[str, Any]] = {c["id"]: c for c in context.request_payload.get("contacts", [])}
    first_by_domain: dict[str, str] = {}

    async def _create() -> dict[str, Any]:
        result = await upsert_contacts(source, [c for c in pending.values() if not c.get("deleted")])
        setattr(report, "created", result["count"])  # expect: UWF201
        return result

    created = await context.run("create-contacts", _create)

    async def _prune() -> list[str]:
        removed = [cid for cid, c in pending.items() if c.get("deleted")]
        for cid in removed:
            del pending[cid]  # expect: UWF201
        return removed

    removed = await context.run("prune-deleted", _prune)
    report.removed = len(removed)

    def _group() -> dict[str, str]:
        for cid, contact in pending.items():
            first_by_domain.setdefault(contact["email"].rsplit("@", 1)[-1], cid)  # expect: UWF201
        return first_by_domain

    await context.run("group-by-domain", _group)

    async def _advance() -> Optional[str]:
        page = await fetch_page(source, report.cursor)
        report.cursor = page.get("next")  # expect: UWF201
        return page.get("next")

    await context.run("advance-cursor", _advance)

    async def _schedule_recheck() -> dict[str, Any]:
        when = datetime.fromisoformat(created["recheck_at"])
        await context.sleep_until("recheck", when)  # expect: UWF202
        return {"scheduled": when.isoformat()}

    await context.run("schedule-recheck", _schedule_recheck)

    def _summarize() -> dict[str, Any]:
        lines: list[str] = [f"created={created['count']}"]
        lines.extend(removed)
        counts: dict[str, int] = {}
        for line in lines:
            counts[line[:1]] = counts.get(line[:1], 0) + 1
        LAST_SYNC[source] = {"lines": len(lines), "report_removed": report.removed}
        return {"lines": lines, "counts": counts}

    await context.run("summarize", _summarize)


app = FastAPI()
app.include_router(router)
