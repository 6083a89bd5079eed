# shapes: FastAPI; a sync qstash.QStash client at module level whose schedule listing runs after the first step and decides a step (103, 105), and also sits in a logging argument (exempt); context.qstash_client awaited outside a step (103); an AsyncQStash publish inside a nested step and a QStash schedule create inside a lambda step (fine)
import logging
import os

from fastapi import FastAPI
from qstash import AsyncQStash, QStash
from upstash_workflow import AsyncWorkflowContext
from upstash_workflow.fastapi import Serve

logger = logging.getLogger(__name__)
app = FastAPI()
serve = Serve(app)
publisher = QStash(os.environ.get("QSTASH_TOKEN", ""))
async_publisher = AsyncQStash(os.environ.get("QSTASH_TOKEN", ""))
DIGEST_URL = "https://digest.example.com/run"


def prepare(topic: str) -> str:
    return topic.strip().lower()


@serve.post("/fanout")
async def fanout(context: AsyncWorkflowContext[dict]) -> None:
    topic = context.request_payload["topic"]
    logger.info("schedules before fan-out: %d", len(publisher.schedule.list()))
    normalized = await context.run("prepare", lambda: prepare(topic))
    schedules = publisher.schedule.list()  # expect: UWF103
    if len(schedules) == 0:  # expect: UWF105
        await context.run("create-schedule", lambda: publisher.schedule.create(destination=DIGEST_URL, cron="0 * * * *"))
    await context.qstash_client.message.publish_json(url=DIGEST_URL, body={"topic": normalized})  # expect: UWF103

    async def _fan_out() -> str:
        result = await async_publisher.message.publish_json(url=f"{DIGEST_URL}/{normalized}", body={"topic": normalized})
        return result.message_id

    await context.run("fan-out", _fan_out)
