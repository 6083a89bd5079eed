# shapes: CRM HTTP wrapper without the SDK: requests-based functions (I/O sources), base URL and token from os.environ at import time
import os

import requests

CRM_URL = os.environ.get("CRM_URL", "https://crm.internal/api")
_session = requests.Session()
_session.headers["Authorization"] = f"Bearer {os.environ.get('CRM_TOKEN', '')}"


def upsert_contact(email: str, plan: str = "free") -> dict:
    resp = _session.put(f"{CRM_URL}/contacts/{email}", json={"plan": plan})
    resp.raise_for_status()
    return resp.json()


def provision(user_id: str) -> int:
    return _session.post(f"{CRM_URL}/workspaces", json={"owner": user_id}).status_code


def subscribe(email: str, list_id: str) -> int:
    return _session.post(f"{CRM_URL}/lists/{list_id}/members", json={"email": email}).status_code


def start_trial(user_id: str, days: int) -> int:
    return _session.post(f"{CRM_URL}/trials", json={"user": user_id, "days": days}).status_code


def set_field(email: str, field: str, value: str) -> int:
    return _session.patch(f"{CRM_URL}/contacts/{email}", json={field: value}).status_code


def flag_contact(email: str, reason: str, at: str) -> int:
    return requests.post(f"{CRM_URL}/contacts/{email}/flags", json={"reason": reason, "at": at}, timeout=5).status_code
