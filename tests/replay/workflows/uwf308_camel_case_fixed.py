"""`sleep_until`, the Python name.

Clean. The replay: QStash is asked not to deliver before the launch (`Upstash-Not-Before`),
then the announcement goes out once.
"""

from fastapi import FastAPI
from upstash_workflow import AsyncWorkflowContext
from upstash_workflow.fastapi import Serve

from tests.replay.world import send_email

app = FastAPI()
serve = Serve(app)


@serve.post("/api/launches")
async def launch(context: AsyncWorkflowContext[dict]) -> None:
    event = context.request_payload

    await context.sleep_until("wait-for-launch", event["starts_at"])
    await context.run("announce", lambda: send_email(event["audience"], "we are live"))
