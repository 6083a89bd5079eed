# shapes: time utilities without the SDK: utcnow()/now_iso()/business_deadline()/within_business_hours() read the clock (directly or through utcnow), format_duration()/parse_iso() are pure
from datetime import datetime, timedelta, timezone


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


def now_iso() -> str:
    return utcnow().isoformat()


def business_deadline(hours: int) -> datetime:
    return utcnow() + timedelta(hours=hours)


def within_business_hours() -> bool:
    now = utcnow()
    return now.weekday() < 5 and 9 <= now.hour < 17


def format_duration(seconds: int) -> str:
    hours, rest = divmod(seconds, 3600)
    return f"{hours}h{rest // 60:02d}m"


def parse_iso(value: str) -> datetime:
    return datetime.fromisoformat(value)
