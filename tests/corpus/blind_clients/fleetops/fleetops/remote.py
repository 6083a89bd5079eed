# shapes: no SDK; a requests.Session configured at module level (headers.update) and an Anthropic client; a health check with one session call; functions that post and parse freely
import os

import requests
from anthropic import Anthropic

ROUTING_URL = os.environ.get("ROUTING_URL", "https://routing.example.com")
OPS_URL = os.environ.get("OPS_URL", "https://ops.example.com/hooks/fleet")

api = requests.Session()
api.headers.update({"Authorization": f"Bearer {os.environ.get('ROUTING_TOKEN', '')}"})
claude = Anthropic()


def routing_online() -> bool:
    return api.head(f"{ROUTING_URL}/health", timeout=2).ok


def fetch_route(route_id: str) -> dict:
    response = api.get(f"{ROUTING_URL}/routes/{route_id}", timeout=10)
    response.raise_for_status()
    return response.json()


def file_incident(notes: str) -> str:
    response = api.post(f"{ROUTING_URL}/incidents", json={"notes": notes}, timeout=10)
    return response.json()["incident_id"]
