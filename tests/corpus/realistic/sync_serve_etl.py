# Shapes: sync serve(route_function=..., failure_function=...) with subprocess, socket, os.system and urllib.request used in orchestration, one deciding an early return; sqlite3, subprocess and requests inside steps or the failure function are fine.
from __future__ import annotations

import json
import os
import socket
import sqlite3
import subprocess
import urllib.request

import requests
from upstash_workflow import WorkflowContext, serve

DB_PATH = "/var/lib/etl/state.db"
MANIFEST_URL = "https://data.example.com/manifest.json"
ALERT_URL = "https://alerts.example.com/etl"


def extract(source: str) -> dict:
    with urllib.request.urlopen(f"https://data.example.com/{source}.json") as resp:
        return json.load(resp)


def load(rows: dict) -> dict:
    with sqlite3.connect(DB_PATH) as conn:
        conn.execute("INSERT INTO loads(payload) VALUES (?)", (json.dumps(rows),))
    return {"loaded": len(rows)}


def etl_failed(context, fail_status, fail_response, fail_headers) -> None:
    requests.post(ALERT_URL, json={"status": fail_status, "host": socket.gethostname()}, timeout=5)


def etl(context: WorkflowContext[dict]) -> None:
    job = context.request_payload
    host = socket.gethostname()  # expect: UWF103
    revision = subprocess.check_output(["git", "rev-parse", "HEAD"], text=True)  # expect: UWF103

    with urllib.request.urlopen(MANIFEST_URL) as resp:  # expect: UWF103
        manifest = json.load(resp)
    if manifest["version"] == job.get("skip_version"):
        return  # expect: UWF104

    os.system("sync")  # expect: UWF103

    rows = context.run("extract", lambda: extract(job["source"]))

    def _load() -> dict:
        subprocess.run(["vacuumdb", "--analyze"], check=False)
        return load(rows)

    context.run("load", _load)
    context.run("report", lambda: {"host": host, "revision": revision, "rows": len(rows)})


handler = serve(route_function=etl, failure_function=etl_failed)
