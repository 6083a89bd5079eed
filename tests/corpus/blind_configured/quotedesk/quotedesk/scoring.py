# shapes: risk_score -> bureau.fetch_report -> the requests Session of clients.py (a chain over two more modules, no SDK)
from quotedesk.bureau import fetch_report


def risk_score(applicant_id: str) -> int:
    report = fetch_report(applicant_id)
    return int(report.get("score", 0))
