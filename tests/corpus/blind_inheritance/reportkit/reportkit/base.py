# shapes: no SDK; BaseReport, a base class of another module whose methods read the clock and sqlite3 (workflow classes use them only inside steps); module-level clock read (no finding)
import sqlite3
import time
from datetime import datetime, timedelta, timezone

LOADED_AT = time.time()


class BaseReport:
    db_path = "reports.db"

    def __init__(self, name: str = "report") -> None:
        self.name = name
        self.created_at = datetime.now(timezone.utc)

    def title(self) -> str:
        return f"{self.name.title()} report"

    def window_start(self) -> str:
        return (datetime.now(timezone.utc) - timedelta(days=1)).isoformat()

    def load_facts(self, day: str) -> list:
        with sqlite3.connect(self.db_path) as conn:
            cursor = conn.execute("SELECT tag, value FROM facts WHERE day = ?", (day,))
            return [{"tag": tag, "value": value} for tag, value in cursor.fetchall()]

    def age_seconds(self) -> float:
        return time.time() - LOADED_AT
