# shapes: approvals and paging (no SDK): requests, httpx and the clock used freely
from datetime import datetime, timezone

import httpx
import requests

APPROVALS_URL = "https://approvals.internal/api"
PAGER_URL = "https://pager.internal/api/incidents"


def request_approval(tenant_id: str, totals: dict) -> dict:
    resp = requests.post(f"{APPROVALS_URL}/payroll", json={"tenant": tenant_id, "totals": totals}, timeout=10)
    return {"status": resp.status_code}


async def page_payroll_team(run_id: str, status: int, body: str) -> None:
    async with httpx.AsyncClient() as client:
        await client.post(
            PAGER_URL,
            json={"run": run_id, "status": status, "body": body, "at": datetime.now(timezone.utc).isoformat()},
        )
