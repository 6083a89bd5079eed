# shapes: no SDK; Celery tasks (bound `self.request`, `self.retry(countdown=random...)`, apply_async with a clock ETA, chains and chords) and RQ jobs (Queue.enqueue_in with a timedelta, a Retry policy) reading datetime.utcnow, time.time_ns, secrets, uuid1, os.urandom, sqlite3, requests and a redis client; local `context` dicts passed to `.run(...)`/`.call(...)`/`.sleep(...)` methods of plain objects; time.sleep between calls; try/except Exception around task calls
import os
import random
import secrets
import sqlite3
import time
import uuid
from datetime import datetime, timedelta
from typing import Any, Dict, List

import redis
import requests
from celery import Celery, chain, chord, shared_task
from rq import Queue, Retry

celery_app = Celery("jobs", broker="redis://broker:6379/0")
redis_conn = redis.Redis(host="broker", port=6379)
queue = Queue("default", connection=redis_conn)

DB_PATH = "/var/lib/jobs/jobs.db"


class Runner:
    def __init__(self, name: str) -> None:
        self.name = name

    def run(self, step: str, context: Dict[str, Any]) -> Dict[str, Any]:
        context["last_step"] = step
        context["at"] = time.time_ns()
        return context

    def sleep(self, step: str, seconds: float) -> None:
        time.sleep(seconds)

    def call(self, step: str, url: str, body: Dict[str, Any]) -> int:
        return requests.post(url, json=body, timeout=10).status_code


runner = Runner("nightly")


@shared_task(bind=True, max_retries=5)
def sync_account(self, account_id: str) -> Dict[str, Any]:
    context: Dict[str, Any] = {"account": account_id, "task": self.request.id}
    try:
        resp = requests.get(f"https://crm.internal/accounts/{account_id}", timeout=10)
        resp.raise_for_status()
    except Exception as exc:
        raise self.retry(exc=exc, countdown=random.randint(5, 60))
    if datetime.utcnow().hour < 6:
        runner.sleep("night-throttle", 0.5)
    context = runner.run("fetched", context)
    context["nonce"] = secrets.token_hex(8)
    context["trace"] = uuid.uuid1().hex
    runner.call("push", "https://warehouse.internal/accounts", context)
    return context


@celery_app.task
def record_run(result: Dict[str, Any]) -> str:
    conn = sqlite3.connect(DB_PATH)
    with conn:
        conn.execute("INSERT INTO runs VALUES (?, ?)", (result["account"], time.time()))
    return os.urandom(4).hex()


@celery_app.task
def summarize(results: List[str]) -> int:
    return len(results)


def schedule_nightly(account_ids: List[str]) -> None:
    eta = datetime.utcnow() + timedelta(minutes=random.randint(1, 30))
    for account_id in account_ids:
        chain(sync_account.s(account_id), record_run.s()).apply_async(eta=eta)
        time.sleep(0.1)
    chord(sync_account.s(a) for a in account_ids)(summarize.s())


def rq_cleanup(prefix: str) -> int:
    removed = 0
    for key in redis_conn.scan_iter(f"{prefix}:*"):
        redis_conn.delete(key)
        removed += 1
    return removed


def enqueue_cleanup(prefix: str) -> None:
    if random.random() < 0.1:
        queue.enqueue(rq_cleanup, prefix, retry=Retry(max=3, interval=[10, 30, 60]))
    else:
        queue.enqueue_in(timedelta(seconds=int(time.time()) % 300), rq_cleanup, prefix)
