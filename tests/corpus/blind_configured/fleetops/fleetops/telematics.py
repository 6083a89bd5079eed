# shapes: needs_service -> gateway.read_odometer -> transport.get_json -> requests.get (a chain over three modules, no SDK)
from fleetops.gateway import read_odometer

SERVICE_INTERVAL_KM = 15000


def needs_service(vehicle_id: str, interval_km: int = SERVICE_INTERVAL_KM) -> bool:
    km = read_odometer(vehicle_id)
    return km % interval_km > interval_km - 500
