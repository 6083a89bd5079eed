# shapes: module without the SDK; `@traced` (obs.py, `functools.wraps`) source helpers over storage/tsdb.py (sqlite3): `latest_temperature` (re-exported as `last_temp`), `stale_devices`
from ..obs import traced
from ..storage import tsdb


@traced
def latest_temperature(device_id: str) -> float:
    return tsdb.last_value(device_id, "temp_c")


@traced
def stale_devices(site: str, max_age_s: int = 900) -> list:
    return tsdb.stale_device_ids(site, max_age_s)
