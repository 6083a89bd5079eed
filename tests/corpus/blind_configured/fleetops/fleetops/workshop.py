# shapes: workshop system client (no SDK): requests, the clock and S3 used freely; called only inside steps
import json
from datetime import datetime, timezone

import httpx
import requests

from fleetops.storage import upload_report

WORKSHOP_URL = "https://workshop.internal/api"


def book_slot(vehicle_id: str, depot: str) -> dict:
    resp = requests.post(f"{WORKSHOP_URL}/slots", json={"vehicle": vehicle_id, "depot": depot}, timeout=10)
    return {"status": resp.status_code, "booked_at": datetime.now(timezone.utc).isoformat()}


def attach_manual(vehicle_id: str, etag: str) -> dict:
    resp = requests.put(f"{WORKSHOP_URL}/vehicles/{vehicle_id}/manual", json={"etag": etag}, timeout=10)
    return {"status": resp.status_code}


def notify_manager(vehicle_id: str, text: str) -> dict:
    resp = requests.post(f"{WORKSHOP_URL}/notifications", json={"vehicle": vehicle_id, "text": text}, timeout=5)
    return {"status": resp.status_code}


def close_ticket(ticket: str, seconds: float) -> dict:
    resp = requests.post(f"{WORKSHOP_URL}/tickets/{ticket}/close", json={"seconds": seconds}, timeout=10)
    return {"status": resp.status_code}


def list_vehicles(depot: str) -> list:
    return requests.get(f"{WORKSHOP_URL}/depots/{depot}/vehicles", timeout=10).json()["ids"]


def inspect(vehicle_id: str) -> dict:
    resp = requests.post(f"{WORKSHOP_URL}/inspections", json={"vehicle": vehicle_id}, timeout=30)
    return {"status": resp.status_code}


def sync_calendar(depot_code: str) -> dict:
    resp = requests.post(f"{WORKSHOP_URL}/depots/{depot_code}/calendar/sync", timeout=30)
    return {"status": resp.status_code}


async def upload_report_async(depot: str, vehicles: list) -> dict:
    async with httpx.AsyncClient() as client:
        summary = (await client.get(f"{WORKSHOP_URL}/depots/{depot}/summary")).json()
    upload_report(depot, json.dumps({"vehicles": vehicles, "summary": summary}).encode())
    return {"uploaded": len(vehicles)}


def send_recall(vehicle_id: str, campaign: str) -> dict:
    resp = requests.post(f"{WORKSHOP_URL}/recalls/{campaign}/notices", json={"vehicle": vehicle_id}, timeout=10)
    return {"status": resp.status_code}


def close_campaign(campaign: str) -> dict:
    resp = requests.post(f"{WORKSHOP_URL}/recalls/{campaign}/close", timeout=10)
    return {"status": resp.status_code}
