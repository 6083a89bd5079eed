# shapes: bank transfers over the httpx client of clients.py (no SDK); used only inside steps
from payrun.clients import bank_http


def transfer(tenant_id: str, employee: dict) -> dict:
    resp = bank_http.post("/transfers", json={"tenant": tenant_id, "iban": employee["iban"], "amount": employee["net"]})
    return {"employee": employee["id"], "status": resp.status_code}


def send_payslips(tenant_id: str, period: str) -> dict:
    resp = bank_http.post("/payslips/dispatch", json={"tenant": tenant_id, "period": period})
    return {"status": resp.status_code}
