# shapes: the recall registry in sqlite3 (no SDK)
import sqlite3

DB_PATH = "/var/lib/fleetops/registry.db"


def campaign_status(campaign: str) -> str:
    with sqlite3.connect(DB_PATH) as conn:
        row = conn.execute("SELECT status FROM campaigns WHERE code = ?", (campaign,)).fetchone()
    return row[0] if row else "unknown"


def affected_vehicles(campaign: str) -> list:
    with sqlite3.connect(DB_PATH) as conn:
        rows = conn.execute("SELECT vehicle_id FROM recall_targets WHERE campaign = ?", (campaign,)).fetchall()
    return [r[0] for r in rows]
