# shapes: correct: async_serve(route_function=..., failure_function=...)["handler"], untyped context named `workflow_context`, functools.partial steps over an async def, an async list comprehension of awaited steps, loop lambdas with default arguments, step factories of the file (a def returning a lambda, a def returning a nested async def), context.call whose body and headers read the clock, a failure function that reads the clock, random and requests
import functools
import random
import time
from datetime import datetime, timezone

import httpx
import requests
from upstash_workflow import async_serve

MAIL_API = "https://mail.example.com"
WEBHOOK_URL = "https://hooks.example.com/newsletter"
ALERTS_URL = "https://alerts.example.com/incidents"


async def render_issue(issue_id: str, locale: str) -> dict:
    async with httpx.AsyncClient(timeout=30) as client:
        resp = await client.get(f"{MAIL_API}/templates/{issue_id}", params={"locale": locale})
        return {"locale": locale, "html": resp.text}


def deliver_batch(batch: list[str], issue_id: str) -> int:
    resp = requests.post(f"{MAIL_API}/send", json={"to": batch, "issue": issue_id}, timeout=30)
    resp.raise_for_status()
    return len(batch)


def make_archiver(issue_id: str):
    return lambda: requests.post(f"{MAIL_API}/archive", json={"issue": issue_id}, timeout=10).status_code


def make_stats_loader(issue_id: str):
    async def _load() -> dict:
        async with httpx.AsyncClient(timeout=10) as client:
            resp = await client.get(f"{MAIL_API}/stats/{issue_id}")
            return {"opens": resp.json().get("opens", 0)}

    return _load


async def send_newsletter(workflow_context) -> None:
    payload = workflow_context.request_payload
    issue_id = payload["issue_id"]
    locales = payload.get("locales", ["en"])
    recipients = payload["recipients"]

    rendered = [
        await workflow_context.run(f"render-{loc}", functools.partial(render_issue, issue_id, loc))
        for loc in locales
    ]

    batches = [recipients[i : i + 100] for i in range(0, len(recipients), 100)]
    sent = 0
    for index, batch in enumerate(batches):
        sent += await workflow_context.run(f"deliver-{index}", lambda b=batch: deliver_batch(b, issue_id))

    await workflow_context.run("archive", make_archiver(issue_id))
    stats = await workflow_context.run("stats", make_stats_loader(issue_id))

    await workflow_context.call(
        "notify-webhook",
        url=WEBHOOK_URL,
        method="POST",
        body={"issue": issue_id, "sent": sent, "renders": len(rendered), "opens": stats["opens"], "at": time.time()},
        headers={"x-sent-at": datetime.now(timezone.utc).isoformat()},
    )


async def report_failure(workflow_context, fail_status, fail_response, fail_headers) -> None:
    incident = f"inc-{random.randint(1000, 9999)}-{int(time.time())}"
    requests.post(
        ALERTS_URL,
        json={"incident": incident, "status": fail_status, "body": fail_response, "issue": workflow_context.request_payload.get("issue_id")},
        timeout=5,
    )


handler = async_serve(route_function=send_newsletter, failure_function=report_failure)["handler"]
