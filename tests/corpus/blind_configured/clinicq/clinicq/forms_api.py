# shapes: patient forms service (no SDK): httpx and the clock used freely; called only inside steps
from datetime import datetime, timezone

import httpx

FORMS_URL = "https://forms.example.org/api"


async def pull(patient_id: str) -> dict:
    async with httpx.AsyncClient() as client:
        resp = await client.get(f"{FORMS_URL}/patients/{patient_id}/forms")
    return {"forms": resp.json(), "synced_at": datetime.now(timezone.utc).isoformat()}


def file(patient_id: str, forms: dict) -> dict:
    resp = httpx.post(f"{FORMS_URL}/patients/{patient_id}/filed", json=forms)
    return {"status": resp.status_code}
