# shapes: EHR calls over the httpx AsyncClient of clients.py (no SDK); called only inside steps
from clinicq.clients import ehr


async def page_nurse(patient_id: str) -> dict:
    resp = await ehr.post("/triage/pages", json={"patient": patient_id})
    return {"status": resp.status_code}


async def fetch_labs(patient_id: str) -> list:
    resp = await ehr.get(f"/patients/{patient_id}/labs")
    return resp.json()["results"]


async def file_intake(patient_id: str, labs: list) -> dict:
    resp = await ehr.post(f"/patients/{patient_id}/intake", json={"labs": labs})
    return {"status": resp.status_code}
