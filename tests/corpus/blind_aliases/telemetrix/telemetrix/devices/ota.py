# shapes: module without the SDK; over-the-air endpoints through `requests` (called only inside steps)
import os

import requests

OTA_URL = os.environ.get("OTA_URL", "https://ota.internal")


def flash(device_id: str, version: str) -> dict:
    resp = requests.post(f"{OTA_URL}/devices/{device_id}/flash", json={"version": version}, timeout=30)
    return {"device_id": device_id, "status": resp.status_code}


def push_config(device_id: str, cfg: dict) -> dict:
    resp = requests.put(f"{OTA_URL}/devices/{device_id}/config", json=cfg, timeout=10)
    return {"device_id": device_id, "status": resp.status_code}


def ping(device_id: str) -> bool:
    return requests.get(f"{OTA_URL}/devices/{device_id}/ping", timeout=5).ok
