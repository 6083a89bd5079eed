# Shapes (no SDK import, no findings expected): Celery tasks with clocks, randomness, requests, time.sleep, a `context` parameter with run()/sleep() methods and a try/except Exception around them.
from __future__ import annotations

import logging
import random
import time
import uuid
from datetime import datetime, timezone

import requests
from celery import Celery

logger = logging.getLogger(__name__)

celery_app = Celery("reports", broker="redis://localhost:6379/1")

REPORTS_API = "https://reports.internal"


class JobContext:
    """Our own tiny job context; unrelated to any workflow SDK."""

    def __init__(self, job_id: str) -> None:
        self.job_id = job_id
        self.log: list[str] = []

    def run(self, name: str, fn):
        self.log.append(name)
        return fn()

    def sleep(self, name: str, seconds: float) -> None:
        self.log.append(name)
        time.sleep(seconds)


@celery_app.task(bind=True, max_retries=5)
def build_report(self, report_id: str) -> dict:
    context = JobContext(str(uuid.uuid4()))
    started = datetime.now(timezone.utc)
    if random.random() < 0.05:
        logger.info("sampling report %s", report_id)

    try:
        data = context.run(
            "fetch", lambda: requests.get(f"{REPORTS_API}/{report_id}", timeout=5).json()
        )
        context.sleep("backoff", 0.5)
    except Exception as exc:
        raise self.retry(exc=exc, countdown=random.randint(5, 30)) from exc

    rows = {row["id"] for row in data["rows"]}
    return {"rows": len(rows), "took": (datetime.now(timezone.utc) - started).total_seconds()}


@celery_app.task
def cleanup_stale(limit: int = 100) -> int:
    deadline = time.time() + 30
    removed = 0
    while time.time() < deadline and removed < limit:
        response = requests.delete(f"{REPORTS_API}/stale", timeout=5)
        if response.status_code == 204:
            break
        removed += 1
        time.sleep(1.5)
    return removed
