# shapes: Celery-style task classes with run(self, context) methods and a function named context(), no SDK: clock, uuid, subprocess and sqlite3 reads everywhere (no findings)
import sqlite3
import subprocess
import time
import uuid
from datetime import date


def context() -> dict:
    return {"run_id": uuid.uuid4().hex, "today": date.today().isoformat(), "ts": time.time()}


class Task:
    name = "task"

    def run(self, context: dict) -> dict:
        raise NotImplementedError


class BackupTask(Task):
    name = "backup"

    def run(self, context: dict) -> dict:
        started = time.monotonic()
        out = subprocess.run(["pg_dump", "--format=c", "app"], capture_output=True, check=False)
        return {"ok": out.returncode == 0, "took": time.monotonic() - started, **context}


class VacuumTask(Task):
    name = "vacuum"

    def run(self, context: dict) -> dict:
        with sqlite3.connect("/var/lib/jobkit/state.db") as conn:
            conn.execute("VACUUM")
        if time.time() % 2 == 0:
            return {"vacuumed": True, **context}
        return {"vacuumed": True, "lucky": False, **context}


def run_all(tasks: list[Task]) -> list[dict]:
    return [task.run(context()) for task in tasks]
