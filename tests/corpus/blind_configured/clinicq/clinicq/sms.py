# shapes: SMS and e-mail gateway (no SDK): requests used freely; called only inside steps
import requests

GATEWAY = "https://messaging.example.org/api"


def send_reminder(appointment_id: str) -> dict:
    resp = requests.post(f"{GATEWAY}/reminders", json={"appointment": appointment_id}, timeout=10)
    return {"status": resp.status_code}


def hold_room(appointment_id: str, room: str) -> dict:
    resp = requests.post(f"{GATEWAY}/rooms/hold", json={"appointment": appointment_id, "room": room}, timeout=10)
    return {"status": resp.status_code}


def send_confirmation(appointment_id: str, channel: str = "sms") -> dict:
    resp = requests.post(f"{GATEWAY}/confirmations", json={"appointment": appointment_id, "channel": channel}, timeout=10)
    return {"status": resp.status_code}
