# shapes: module without the SDK; `booking_key` (uuid5, deterministic) used in step names; `new_pnr` (uuid4) used only inside a step
import uuid

TRIP_NAMESPACE = uuid.UUID("0b7c2f4e-3d9a-4e1b-8c55-7a1f2e6d9b30")


def booking_key(trip_id: str) -> str:
    return uuid.uuid5(TRIP_NAMESPACE, trip_id).hex[:10]


def new_pnr() -> str:
    return uuid.uuid4().hex[:6].upper()
