# shapes: module without the SDK; sqlite3 reads and writes of the reconciliation ledger
import os
import sqlite3

DB_PATH = os.environ.get("RECONCILY_DB", "/var/lib/reconcily/ledger.db")


def already_reconciled(batch_id: str) -> bool:
    with sqlite3.connect(DB_PATH) as conn:
        row = conn.execute("SELECT 1 FROM reconciled WHERE batch_id = ?", (batch_id,)).fetchone()
    return row is not None


def ledger_total(account_id: str, day: str) -> int:
    with sqlite3.connect(DB_PATH) as conn:
        row = conn.execute(
            "SELECT COALESCE(SUM(amount_cents), 0) FROM entries WHERE account_id = ? AND day = ?",
            (account_id, day),
        ).fetchone()
    return int(row[0])


def mark_reconciled(batch_id: str, matched_count: int) -> dict:
    with sqlite3.connect(DB_PATH) as conn:
        conn.execute(
            "INSERT OR REPLACE INTO reconciled (batch_id, matched) VALUES (?, ?)",
            (batch_id, matched_count),
        )
    return {"batch_id": batch_id, "matched": matched_count}
