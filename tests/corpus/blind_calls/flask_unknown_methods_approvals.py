# shapes: UWF308 on the sync Flask context: camelCase `waitForEvent` and `sleepFor`, and the docs-only methods absent from 2.0.0 (`notify`, `wait_for_webhook`, `invoke`, `wait_for_event`, `cancel`), one of them inside a helper called with the context. UWF301 for two routes whose only context calls are such unknown methods (they are not step calls). Fine: context attributes (`headers`, `env`, `workflow_run_id`, `url`), `.get` on the payload, and methods of objects that are not the context
import logging

import requests
from flask import Flask
from upstash_workflow.flask import Serve

log = logging.getLogger("approvals")

app = Flask(__name__)
wf = Serve(app)

APPROVALS_URL = "https://approvals.example.com"


class ApprovalStore:
    def __init__(self, base_url: str) -> None:
        self.base_url = base_url

    def open(self, request_id: str, amount: int) -> dict:
        resp = requests.post(f"{self.base_url}/requests", json={"id": request_id, "amount": amount}, timeout=10)
        return {"id": request_id, "status": resp.status_code}

    def close(self, request_id: str, outcome: str) -> str:
        requests.patch(f"{self.base_url}/requests/{request_id}", json={"outcome": outcome}, timeout=10)
        return outcome


store = ApprovalStore(APPROVALS_URL)


def expire_request(ctx, request_id: str) -> None:
    log.info("expiring %s", request_id)
    ctx.cancel()  # expect: UWF308


@wf.route("/approvals/request")
def request_approval(ctx):
    payload = ctx.request_payload
    request_id = payload["request_id"]
    requester = ctx.headers.get("x-requester", "unknown")
    log.info("approval %s requested by %s via %s", request_id, requester, ctx.url)

    opened = ctx.run("open-request", lambda: store.open(request_id, payload["amount"]))
    if opened["status"] >= 400:
        return

    ctx.notify("approval-opened", f"approval-{request_id}", {"requester": requester})  # expect: UWF308
    decision = ctx.waitForEvent("await-approval", f"approval-{request_id}", timeout="7d")  # expect: UWF308
    log.info("decision for %s: %s", request_id, decision)

    ctx.sleepFor("cool-down", 300)  # expect: UWF308
    ctx.run("close-request", lambda: store.close(request_id, "decided"))
    ctx.call("notify-requester", url=payload["callback_url"], method="POST", body={"request": request_id})


@wf.route("/approvals/escalate")
def escalate(ctx):  # expect: UWF301
    request_id = ctx.request_payload["request_id"]
    manager_flow = ctx.env.get("MANAGER_FLOW_URL", f"{APPROVALS_URL}/flows/manager")
    ctx.invoke("escalate-to-manager", workflow=manager_flow, body={"request": request_id})  # expect: UWF308


@wf.route("/approvals/signature")
def await_signature(ctx):  # expect: UWF301
    request_id = ctx.request_payload["request_id"]
    signed = ctx.wait_for_event("await-signature", f"signature-{request_id}", timeout="3d")  # expect: UWF308
    log.info("signature event for %s: %s", request_id, signed)
    expire_request(ctx, request_id)


@wf.route("/approvals/document")
def document_upload(ctx):
    request_id = ctx.request_payload["request_id"]
    upload = ctx.wait_for_webhook("await-upload", timeout="1d")  # expect: UWF308
    log.info("upload webhook answered %s", upload)
    ctx.run("attach-document", lambda: store.close(request_id, "documented"))
