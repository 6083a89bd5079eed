# shapes: no SDK; page_on_call, an unannotated one-step workflow helper (it receives the context) whose step is a lambda over requests; called from orchestration in flows.confirm_visit (fine) and inside a step in flows.visit_letter (UWF202 there); nothing reported here
import requests

PAGER_URL = "https://pager.example.org/v1/pages"


def _send_page(patient_id: str) -> dict:
    resp = requests.post(PAGER_URL, json={"patient_id": patient_id, "team": "on-call"}, timeout=10)
    return {"patient_id": patient_id, "status": resp.status_code}


def page_on_call(context, patient_id: str) -> dict:
    return context.run(f"page-on-call-{patient_id}", lambda: _send_page(patient_id))
