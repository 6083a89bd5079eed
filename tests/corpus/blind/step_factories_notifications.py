# Correct module. Step factories (a def returning an inner async def, a def returning a lambda), functools.partial steps, default-argument lambdas in a batch loop, sequential awaits inside a list comprehension, structlog calls with clock values as arguments
import functools
import time

import structlog
from fastapi import FastAPI
from upstash_workflow import AsyncWorkflowContext
from upstash_workflow.fastapi import Serve

from notify.channels import render_template, send_email, send_push

app = FastAPI()
serve = Serve(app)
log = structlog.get_logger()


def make_render_step(template: str, user: dict):
    async def _render() -> dict:
        body = await render_template(template, user)
        return {"subject": body.subject, "html": body.html}

    return _render


def make_push_step(user_id: str, message: str):
    return lambda: send_push(user_id, message)


async def deliver_email(address: str, subject: str, html: str) -> dict:
    result = await send_email(address, subject, html)
    return {"message_id": result.message_id}


@serve.post("/workflows/campaign")
async def campaign(context: AsyncWorkflowContext[dict]) -> None:
    payload = context.request_payload
    template = payload["template"]
    users = payload["users"]
    log.info("campaign.call", run_id=context.workflow_run_id, at=time.time())

    for user in users:
        rendered = await context.run(f"render-{user['id']}", make_render_step(template, user))
        await context.run(
            f"email-{user['id']}",
            functools.partial(deliver_email, user["email"], rendered["subject"], rendered["html"]),
        )

    push_targets = [u for u in users if u.get("push_enabled")]
    receipts = [
        await context.run(f"push-{u['id']}", make_push_step(u["id"], payload["push_message"]))
        for u in push_targets
    ]

    await context.sleep("cool-off", "1h")

    for start in range(0, len(users), 50):
        batch = users[start : start + 50]
        await context.run("mark-batch", lambda b=batch: [u["id"] for u in b])

    log.info("campaign.done", pushes=len(receipts), finished_at=time.time())
