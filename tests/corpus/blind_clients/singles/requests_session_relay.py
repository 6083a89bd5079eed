# shapes: bare @serve (sync) on an untyped `wf`; a module-level requests.Session read before the first step deciding an early return (103, 104) and inside a print argument (exempt); a module-level httpx.Client read whose header decides a range loop of steps (103, 105 at the iterable, no 106 for names from the loop target); sqlite3 connections and DB-API cursors only in functions called from steps
import sqlite3

import httpx
import requests
from upstash_workflow import serve

session = requests.Session()
inventory_api = httpx.Client(base_url="https://inventory.example.com", timeout=5.0)
DB_PATH = "relay.db"


def load_batch(source: str) -> list:
    conn = sqlite3.connect(DB_PATH)
    try:
        cursor = conn.cursor()
        cursor.execute("select id from events where source = ? and relayed = 0", (source,))
        return [row[0] for row in cursor.fetchall()]
    finally:
        conn.close()


def relay_page(source: str, page: int, batch: list) -> int:
    response = session.post(f"https://{source}/events", json={"page": page, "ids": batch}, timeout=10)
    return response.status_code


def mark_done(source: str) -> int:
    conn = sqlite3.connect(DB_PATH)
    try:
        cursor = conn.cursor()
        cursor.execute("update events set relayed = 1 where source = ?", (source,))
        conn.commit()
        return cursor.rowcount
    finally:
        conn.close()


@serve
def relay_webhooks(wf):
    source = wf.request_payload["source"]
    health = session.get(f"https://{source}/health", timeout=3)  # expect: UWF103
    if health.status_code >= 500:
        return  # expect: UWF104
    print("relaying for", source, session.head(f"https://{source}/", timeout=3).status_code)
    batch = wf.run("load-batch", lambda: load_batch(source))
    pages = inventory_api.get("/pages", params={"source": source})  # expect: UWF103
    for page in range(int(pages.headers["x-page-count"])):  # expect: UWF105
        wf.run(f"relay-page-{page}", lambda p=page: relay_page(source, p, batch))
    wf.run("mark-done", lambda: mark_done(source))
