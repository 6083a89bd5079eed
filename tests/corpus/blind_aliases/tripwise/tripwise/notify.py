# shapes: module without the SDK; `send_itinerary(context, ...)`, an unannotated workflow helper called by keyword from booking.py, whose clock and HTTP reads all sit inside its step bodies
from datetime import datetime, timezone

import requests

MAILER_URL = "https://mailer.internal/v2/messages"


def _post_itinerary(trip: dict, tickets: list) -> dict:
    resp = requests.post(
        MAILER_URL,
        json={
            "template": "itinerary",
            "trip": trip["trip_id"],
            "tickets": tickets,
            "sent_at": datetime.now(timezone.utc).isoformat(),
        },
        timeout=10,
    )
    return {"status": resp.status_code}


def _post_reminder(trip_id: str) -> dict:
    resp = requests.post(MAILER_URL, json={"template": "check-in", "trip": trip_id}, timeout=10)
    return {"status": resp.status_code}


async def send_itinerary(context, trip: dict, tickets: list) -> None:
    await context.run("send-itinerary", lambda: _post_itinerary(trip, tickets))
    await context.sleep("pre-departure-gap", 86400)
    await context.run("send-check-in-reminder", lambda: _post_reminder(trip["trip_id"]))
