# shapes: no SDK: a month-end report that reads the clock, sqlite3, requests, the FX staticmethod and the redis repository freely at call time; nothing here is a finding
import sqlite3
import time
from datetime import date

import requests

from paybridge.gateways import FxRates
from paybridge.repositories import InvoiceRepository

REPORT_HOOK = "https://reports.internal/hooks/month-end"


def month_end_report(db_path: str = "paybridge.db") -> dict:
    started = time.perf_counter()
    today = date.today()
    conn = sqlite3.connect(db_path)
    rows = conn.execute("SELECT invoice_id, customer_id FROM invoices WHERE period = ?", (f"{today:%Y-%m}",)).fetchall()
    repo = InvoiceRepository()
    unpaid = [invoice_id for invoice_id, _ in rows if repo.status(invoice_id) != "paid"]
    report = {"period": f"{today:%Y-%m}", "unpaid": unpaid, "eur_usd": FxRates.current("EUR/USD"), "took_s": time.perf_counter() - started}
    requests.post(REPORT_HOOK, json=report, timeout=10)
    return report
