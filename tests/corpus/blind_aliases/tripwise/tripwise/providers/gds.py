# shapes: module without the SDK; a module-level `requests.Session()`; GDS calls wrapped by `@retrying` (retry.py), called only inside steps
import os

import requests

from ..retry import retrying

GDS_URL = os.environ.get("GDS_URL", "https://gds.internal/v1")
_session = requests.Session()


@retrying
def hold_seats(trip_id: str, fare_id: str) -> dict:
    return _session.post(f"{GDS_URL}/holds", json={"trip": trip_id, "fare": fare_id}, timeout=15).json()


@retrying
def payment_status(trip_id: str) -> dict:
    return _session.get(f"{GDS_URL}/trips/{trip_id}/payment", timeout=10).json()


@retrying
def release_hold(hold_id: str) -> dict:
    return _session.delete(f"{GDS_URL}/holds/{hold_id}", timeout=10).json()


@retrying
def issue_tickets(hold_id: str) -> list:
    return _session.post(f"{GDS_URL}/holds/{hold_id}/tickets", timeout=30).json()["tickets"]


@retrying
def seat_map(segment_id: str) -> dict:
    return _session.get(f"{GDS_URL}/segments/{segment_id}/seats", timeout=10).json()


@retrying
def confirm_segment(segment_id: str) -> dict:
    return _session.post(f"{GDS_URL}/segments/{segment_id}/confirm", timeout=10).json()


@retrying
def waitlist(segment_id: str) -> dict:
    return _session.post(f"{GDS_URL}/segments/{segment_id}/waitlist", timeout=10).json()


@retrying
def get_booking(pnr: str) -> dict:
    return _session.get(f"{GDS_URL}/bookings/{pnr}", timeout=10).json()


@retrying
def refund_segment(pnr: str, segment_id: str) -> dict:
    return _session.post(f"{GDS_URL}/bookings/{pnr}/segments/{segment_id}/refund", timeout=20).json()
