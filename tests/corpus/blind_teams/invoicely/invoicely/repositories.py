# shapes: repository functions without the SDK reading sqlite3 (an I/O source), decorated with a retry decorator from another module (functools.wraps); the database path comes from os.environ at import time
import os
import sqlite3

from invoicely.retry import retrying

DB_PATH = os.environ.get("INVOICELY_DB", "/var/lib/invoicely/invoices.db")
COLUMNS = ("id", "customer_id", "email", "amount_cents", "status", "settle_at")


@retrying
def find_invoice(invoice_id: str) -> dict | None:
    conn = sqlite3.connect(DB_PATH)
    try:
        cur = conn.cursor()
        cur.execute(f"SELECT {', '.join(COLUMNS)} FROM invoices WHERE id = ?", (invoice_id,))
        row = cur.fetchone()
    finally:
        conn.close()
    return dict(zip(COLUMNS, row)) if row else None


@retrying
def overdue_invoice_ids() -> list[str]:
    conn = sqlite3.connect(DB_PATH)
    try:
        cur = conn.cursor()
        cur.execute("SELECT id FROM invoices WHERE status = 'overdue' ORDER BY id")
        return [r[0] for r in cur.fetchall()]
    finally:
        conn.close()


@retrying
def customer_email(invoice_id: str) -> str:
    conn = sqlite3.connect(DB_PATH)
    try:
        cur = conn.cursor()
        cur.execute("SELECT email FROM invoices WHERE id = ?", (invoice_id,))
        return cur.fetchone()[0]
    finally:
        conn.close()


@retrying
def mark_paid(invoice_id: str, receipt_id: str) -> None:
    conn = sqlite3.connect(DB_PATH)
    with conn:
        conn.cursor().execute(
            "UPDATE invoices SET status = 'paid', receipt_id = ? WHERE id = ?", (receipt_id, invoice_id)
        )
    conn.close()
