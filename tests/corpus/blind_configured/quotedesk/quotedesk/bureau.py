# shapes: credit bureau access through the requests Session held by clients.py (no SDK)
from quotedesk.clients import bureau_http

BUREAU_URL = "https://bureau.example.com/v2/reports"


def fetch_report(applicant_id: str) -> dict:
    resp = bureau_http.get(f"{BUREAU_URL}/{applicant_id}", timeout=10)
    resp.raise_for_status()
    return resp.json()
