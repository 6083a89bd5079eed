# shapes: the telematics HTTP transport (no SDK): requests.get
import requests

TELEMATICS_URL = "https://telematics.example.com/api/v3"


def get_json(path: str) -> dict:
    resp = requests.get(f"{TELEMATICS_URL}{path}", timeout=5)
    resp.raise_for_status()
    return resp.json()
