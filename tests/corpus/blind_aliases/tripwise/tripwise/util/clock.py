# shapes: module without the SDK; clock helpers (`now_utc`, `next_business_morning` through `now_utc`)
from datetime import datetime, timedelta, timezone


def now_utc() -> datetime:
    return datetime.now(timezone.utc)


def next_business_morning() -> datetime:
    day = now_utc() + timedelta(days=1)
    while day.weekday() >= 5:
        day += timedelta(days=1)
    return day.replace(hour=9, minute=0, second=0, microsecond=0)
