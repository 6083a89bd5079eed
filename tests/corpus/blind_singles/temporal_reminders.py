# shapes: no SDK: a Temporal workflow class with @workflow.run and an activity, a local dataclass named WorkflowContext with run/sleep methods, workflow.execute_activity, asyncio.sleep, time/random/uuid deciding which activities run, datetime.now() in orchestration, requests and sqlite3 in an activity, try/except Exception; nothing may be reported
import asyncio
import random
import sqlite3
import time
import uuid
from dataclasses import dataclass, field
from datetime import datetime, timedelta

import requests
from temporalio import activity, workflow
from temporalio.client import Client
from temporalio.worker import Worker


@dataclass
class WorkflowContext:
    customer_id: str
    steps: list[str] = field(default_factory=list)

    async def run(self, name: str, fn):
        self.steps.append(name)
        return await fn()

    async def sleep(self, name: str, seconds: float) -> None:
        self.steps.append(name)
        await asyncio.sleep(seconds)


@activity.defn
def send_reminder(customer_id: str) -> str:
    with sqlite3.connect("reminders.db") as db:
        db.execute("insert into sent (customer, at) values (?, ?)", (customer_id, time.time()))
    resp = requests.post("https://mail.example.com/remind", json={"customer": customer_id}, timeout=10)
    return f"{resp.status_code}-{uuid.uuid4()}"


@workflow.defn
class ReminderWorkflow:
    @workflow.run
    async def run(self, customer_id: str) -> list[str]:
        context = WorkflowContext(customer_id)
        results = []
        if datetime.now().weekday() >= 5:
            await asyncio.sleep(2.5)
        if random.random() < 0.5:
            results.append(
                await workflow.execute_activity(send_reminder, customer_id, start_to_close_timeout=timedelta(seconds=30))
            )
        try:
            await context.run(f"follow-up-{uuid.uuid4()}", lambda: asyncio.sleep(0))
        except Exception:
            pass
        await context.sleep("cool-down", 0.25)
        results.append(str(time.time()))
        return results


async def main() -> None:
    client = await Client.connect("localhost:7233")
    worker = Worker(client, task_queue="reminders", workflows=[ReminderWorkflow], activities=[send_reminder])
    await worker.run()


if __name__ == "__main__":
    asyncio.run(main())
