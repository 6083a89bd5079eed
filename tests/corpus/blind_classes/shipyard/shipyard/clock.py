# shapes: no SDK: WarehouseClock with a classmethod reading datetime.now and a staticmethod reading uuid4 (reported at their calls in routes.py), a pure staticmethod, and a module-level function reading the clock freely; nothing here is a finding
import uuid
from datetime import datetime, timedelta, timezone


class WarehouseClock:
    TZ = timezone(timedelta(hours=1))
    CUTOFF_HOUR = 15

    @classmethod
    def is_cutoff_passed(cls) -> bool:
        return datetime.now(cls.TZ).hour >= cls.CUTOFF_HOUR

    @staticmethod
    def pick_wave_id() -> str:
        return uuid.uuid4().hex[:8]

    @staticmethod
    def hours_between(start_iso: str, end_iso: str) -> int:
        delta = datetime.fromisoformat(end_iso) - datetime.fromisoformat(start_iso)
        return int(delta.total_seconds() // 3600)


def shift_banner() -> str:
    return f"shift report {datetime.now(timezone.utc):%Y-%m-%d %H:%M}"
