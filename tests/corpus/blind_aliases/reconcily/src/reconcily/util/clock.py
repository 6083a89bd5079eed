# shapes: module without the SDK that reads the clock freely; a chain inside the module (`is_cutoff_passed` -> `now_utc` -> `datetime.now`); `# wfcheck: deterministic` on the `def` line of `business_day`, which would otherwise read the clock
from datetime import datetime, timedelta, timezone

CUTOFF_HOUR_UTC = 17


def now_utc() -> datetime:
    return datetime.now(timezone.utc)


def is_cutoff_passed(hour: int = CUTOFF_HOUR_UTC) -> bool:
    return now_utc().hour >= hour


def next_settlement_window() -> datetime:
    top_of_hour = now_utc().replace(minute=0, second=0, microsecond=0)
    return top_of_hour + timedelta(hours=1)


def business_day() -> str:  # wfcheck: deterministic
    # Batches are opened and closed by the scheduler inside one UTC business day, so the
    # team declares the day stable for the lifetime of a run.
    return now_utc().date().isoformat()


def seconds_until_cutoff() -> int:
    now = now_utc()
    cutoff = now.replace(hour=CUTOFF_HOUR_UTC, minute=0, second=0, microsecond=0)
    return max(0, int((cutoff - now).total_seconds()))
