# shapes: parts supplier and driver SMS APIs (no SDK): requests used freely
import requests

SUPPLIER_URL = "https://parts.example.com/api"
SMS_URL = "https://sms.example.com/send"


def quote(order: dict) -> dict:
    return requests.post(f"{SUPPLIER_URL}/quotes", json=order, timeout=10).json()


def reserve(order: dict, quote_id: str) -> dict:
    resp = requests.post(f"{SUPPLIER_URL}/reservations", json={"order": order, "quote": quote_id}, timeout=10)
    return {"status": resp.status_code}


def sms_driver(vehicle_id: str, text: str) -> dict:
    resp = requests.post(SMS_URL, json={"vehicle": vehicle_id, "text": text}, timeout=5)
    return {"status": resp.status_code}
