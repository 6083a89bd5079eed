# shapes: module without the SDK; sqlite3 time-series store (the last link of the readings chain; also called inside steps)
import os
import sqlite3

TSDB_PATH = os.environ.get("TSDB_PATH", "/var/lib/telemetrix/tsdb.sqlite")


def _connect() -> sqlite3.Connection:
    return sqlite3.connect(TSDB_PATH)


def last_value(device_id: str, metric: str) -> float:
    with _connect() as conn:
        row = conn.execute(
            "SELECT value FROM readings WHERE device_id = ? AND metric = ? ORDER BY ts DESC LIMIT 1",
            (device_id, metric),
        ).fetchone()
    return float(row[0]) if row else 0.0


def stale_device_ids(site: str, max_age_s: int) -> list:
    with _connect() as conn:
        rows = conn.execute(
            "SELECT device_id FROM devices WHERE site = ? AND last_seen < strftime('%s', 'now') - ?",
            (site, max_age_s),
        ).fetchall()
    return [r[0] for r in rows]


def devices_for_site(site: str) -> list:
    with _connect() as conn:
        return [r[0] for r in conn.execute("SELECT device_id FROM devices WHERE site = ?", (site,))]


def ingest_pending(site: str) -> int:
    with _connect() as conn:
        cur = conn.execute("UPDATE raw SET ingested = 1 WHERE site = ? AND ingested = 0", (site,))
    return cur.rowcount


def compact(site: str) -> dict:
    with _connect() as conn:
        conn.execute("DELETE FROM raw WHERE site = ? AND ingested = 1", (site,))
    return {"site": site, "compacted": True}


def record_alert(device_id: str, kind: str) -> dict:
    with _connect() as conn:
        conn.execute("INSERT INTO alerts (device_id, kind) VALUES (?, ?)", (device_id, kind))
    return {"device_id": device_id, "kind": kind}


def record_check(device_id: str) -> dict:
    with _connect() as conn:
        conn.execute("INSERT INTO checks (device_id) VALUES (?)", (device_id,))
    return {"device_id": device_id}


def mark_rollout(site: str, version: str) -> dict:
    with _connect() as conn:
        conn.execute("INSERT INTO rollouts (site, version) VALUES (?, ?)", (site, version))
    return {"site": site, "version": version}
