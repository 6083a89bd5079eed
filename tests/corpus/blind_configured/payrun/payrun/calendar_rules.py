# shapes: holiday_calendar reads a bundled CSV (declared deterministic in pyproject); is_bank_holiday reads it only through holiday_calendar; next_payday_morning reads the clock (no SDK)
import csv
from datetime import date, datetime, timedelta, timezone
from datetime import time as dtime
from pathlib import Path

_HOLIDAYS = Path(__file__).with_name("holidays.csv")


def holiday_calendar() -> set:
    with open(_HOLIDAYS, newline="", encoding="utf-8") as fh:
        return {row["date"] for row in csv.DictReader(fh)}


def is_bank_holiday(day: str) -> bool:
    return day in holiday_calendar()


def next_payday_morning(pay_date: str) -> datetime:
    target = datetime.combine(date.fromisoformat(pay_date), dtime(6, 0), tzinfo=timezone.utc)
    now = datetime.now(timezone.utc)
    return max(target, now + timedelta(minutes=5))
