# shapes: no SDK: Workdays.first_day_at, a pure staticmethod (parsing only); Workdays.next_business_morning, a classmethod reading datetime.now whose value flows.py passes only to sleep_until; Workdays.is_weekend_today reading date.today, used only by jobs.py; nothing here is a finding
from datetime import date, datetime, timedelta, timezone


class Workdays:
    MORNING_HOUR = 9

    @staticmethod
    def first_day_at(start_date: str) -> datetime:
        day = date.fromisoformat(start_date)
        return datetime(day.year, day.month, day.day, Workdays.MORNING_HOUR, tzinfo=timezone.utc)

    @classmethod
    def next_business_morning(cls) -> datetime:
        now = datetime.now(timezone.utc)
        candidate = (now + timedelta(days=1)).replace(hour=cls.MORNING_HOUR, minute=0, second=0, microsecond=0)
        while candidate.weekday() >= 5:
            candidate += timedelta(days=1)
        return candidate

    @staticmethod
    def is_weekend_today() -> bool:
        return date.today().weekday() >= 5
