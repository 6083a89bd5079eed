# shapes: no SDK: LedgerGateway keeps an httpx.Client in self.http (every method is I/O); FxRates.current, a staticmethod reading requests (I/O), next to a pure classmethod; BillingCalendar classmethods/staticmethods reading the clock through `import datetime as dt`, next to a pure staticmethod; the module-level singleton `ledger = LedgerGateway()`; nothing here is a finding, the calls from orchestration are reported in workflows.py
import datetime as dt

import httpx
import requests

from paybridge.settings import settings


class LedgerGateway:
    def __init__(self, base_url: str = settings.ledger_url) -> None:
        self.http = httpx.Client(base_url=base_url, timeout=10.0)

    def balance(self, account_id: str) -> int:
        return int(self.http.get(f"/accounts/{account_id}/balance").json()["balance_cents"])

    def post_entry(self, invoice_id: str, amount_cents: int) -> dict:
        resp = self.http.post("/entries", json={"invoice_id": invoice_id, "amount_cents": amount_cents})
        resp.raise_for_status()
        return resp.json()

    def charge(self, invoice_id: str, amount_cents: int) -> dict:
        resp = self.http.post(f"/invoices/{invoice_id}/charge", json={"amount_cents": amount_cents})
        resp.raise_for_status()
        return resp.json()

    def mark_paid(self, invoice_id: str) -> dict:
        return self.http.post(f"/invoices/{invoice_id}/paid").json()

    def settle(self, invoice_id: str, rate: float) -> dict:
        return self.http.post(f"/invoices/{invoice_id}/settle", json={"rate": rate}).json()

    def record_fx_attempt(self, invoice_id: str, cache_key: str) -> dict:
        return self.http.post("/fx-attempts", json={"invoice_id": invoice_id, "key": cache_key}).json()

    def close_period(self, account_id: str) -> dict:
        return self.http.post(f"/accounts/{account_id}/close").json()

    def reopen_period(self, account_id: str) -> dict:
        return self.http.post(f"/accounts/{account_id}/reopen").json()

    def notify_overdue(self, invoice_id: str, attempt: int, key: str) -> dict:
        resp = self.http.post(f"/invoices/{invoice_id}/reminders", json={"attempt": attempt, "idempotency_key": key})
        return {"paid": resp.json().get("status") == "paid"}

    def open_collection_case(self, invoice_id: str) -> dict:
        return self.http.post("/collections", json={"invoice_id": invoice_id}).json()


class FxRates:
    ENDPOINT = "https://fx.example.com/latest"

    @staticmethod
    def current(pair: str) -> float:
        resp = requests.get(f"{FxRates.ENDPOINT}/{pair}", timeout=5)
        return float(resp.json()["rate"])

    @classmethod
    def cache_key(cls, pair: str) -> str:
        return f"fx:{pair.upper()}"


class BillingCalendar:
    PREFIX = "period"

    @classmethod
    def period_label(cls) -> str:
        today = dt.date.today()
        return f"{cls.PREFIX}-{today:%Y-%m}"

    @staticmethod
    def next_run_at() -> dt.datetime:
        return dt.datetime.now(dt.timezone.utc) + dt.timedelta(days=1)

    @staticmethod
    def grace_days(plan: str) -> int:
        return {"free": 3, "pro": 7, "enterprise": 30}.get(plan, 7)


ledger = LedgerGateway()
