# shapes: utility module that never uses the SDK and reads the clock (no findings here; workflow code that calls these in orchestration gets them, with the chain)
from __future__ import annotations

from datetime import datetime, timedelta, timezone


def current_window(width_hours: int = 1) -> datetime:
    now = datetime.now(timezone.utc)
    start_hour = now.hour - now.hour % width_hours
    return now.replace(hour=start_hour, minute=0, second=0, microsecond=0)


def is_quiet_hours(start_hour: int, end_hour: int) -> bool:
    hour = datetime.now(timezone.utc).hour
    if start_hour <= end_hour:
        return start_hour <= hour < end_hour
    return hour >= start_hour or hour < end_hour


def window_bounds(start: datetime, hours: int) -> tuple[str, str]:
    end = start + timedelta(hours=hours)
    return start.isoformat(), end.isoformat()


def describe_window(start_iso: str, end_iso: str) -> str:
    start = datetime.fromisoformat(start_iso)
    end = datetime.fromisoformat(end_iso)
    hours = int((end - start).total_seconds() // 3600)
    return f"{start:%Y-%m-%d %H:%M} UTC (+{hours}h)"
