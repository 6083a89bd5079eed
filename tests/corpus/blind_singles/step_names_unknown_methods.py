# shapes: Flask Serve(app).route (sync), context named `ctx` typed WorkflowContext[dict], invalid step names (empty string, int literal, context.call without a name), an async def step on the sync context, unknown context methods (camelCase sleepUntil, invented run_parallel), a route whose only context call is an unknown method (so it has no step); fine: concatenated and f-string names from the payload, ctx.env and ctx.headers, the workflow run id in a name, sleep_until
import httpx
import requests
from flask import Flask
from upstash_workflow import WorkflowContext
from upstash_workflow.flask import Serve

app = Flask(__name__)
serve = Serve(app)

BILLING = "https://billing.example.com"
PLATFORM = "https://platform.example.com"


def platform(path: str, account_id: str) -> int:
    resp = requests.post(f"{PLATFORM}/{path}", json={"account": account_id}, timeout=20)
    return resp.status_code


@serve.route("/accounts/close")
def close_account(ctx: WorkflowContext[dict]) -> None:
    account_id = ctx.request_payload["account_id"]
    region = ctx.env.get("REGION", "eu")
    requester = ctx.headers.get("x-requester", "system")

    ctx.run("freeze-" + account_id, lambda: platform("freeze", account_id))
    ctx.run("", lambda: platform("export", account_id))  # expect: UWF306
    ctx.run(f"{region}-revoke-tokens", lambda: platform("revoke", account_id))
    ctx.run(3, lambda: platform("notify-requester", requester))  # expect: UWF306

    async def _notify_async() -> int:
        async with httpx.AsyncClient(timeout=10) as client:
            resp = await client.post(f"{PLATFORM}/notify", json={"account": account_id})
            return resp.status_code

    ctx.run("notify-async", _notify_async)  # expect: UWF205

    ctx.call(url=f"{BILLING}/accounts/{account_id}/close", method="POST", body={"by": requester})  # expect: UWF306
    ctx.call(f"close-billing-{ctx.workflow_run_id}", url=f"{BILLING}/accounts/{account_id}/close", method="POST")

    ctx.sleepUntil("grace-period-end", ctx.request_payload["grace_until"])  # expect: UWF308
    ctx.sleep_until("grace-period-end", ctx.request_payload["grace_until"])

    ctx.run_parallel("purge", [lambda: platform("purge-s3", account_id), lambda: platform("purge-db", account_id)])  # expect: UWF308
    ctx.run("purge-s3", lambda: platform("purge-s3", account_id))
    ctx.run("purge-db", lambda: platform("purge-db", account_id))


@serve.route("/accounts/warm")
def warm_account(ctx: WorkflowContext[dict]) -> None:  # expect: UWF301
    ctx.runStep("warm", lambda: platform("warm", ctx.request_payload["account_id"]))  # expect: UWF308
