# shapes: read_odometer -> transport.get_json -> requests.get (no SDK)
from fleetops.transport import get_json


def read_odometer(vehicle_id: str) -> int:
    return int(get_json(f"/vehicles/{vehicle_id}/odometer")["km"])
