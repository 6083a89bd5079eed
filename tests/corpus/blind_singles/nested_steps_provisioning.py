# shapes: FastAPI Serve(app), context named `wf`, nested async def steps containing context.sleep, an unawaited context.run, context.call, and a call of a one-step workflow helper (reported at the helper call in the step); fine: another one-step workflow helper called from orchestration, subprocess.run and httpx inside steps, an early return on a step result
import logging
import subprocess

import httpx
from fastapi import FastAPI
from upstash_workflow import AsyncWorkflowContext
from upstash_workflow.fastapi import Serve

logger = logging.getLogger("provisioning")
app = FastAPI()
serve = Serve(app)

TERRAFORM_DIR = "/srv/tenants"
SLACK_URL = "https://slack.example.com/api/chat.postMessage"
DNS_URL = "https://dns.example.com/records"


async def announce(wf: AsyncWorkflowContext[dict], channel: str, text: str) -> None:
    await wf.call("announce", url=SLACK_URL, method="POST", body={"channel": channel, "text": text})


async def record_audit(wf: AsyncWorkflowContext[dict], event: str) -> None:
    await wf.run("audit", lambda: {"event": event, "run": wf.workflow_run_id})


@serve.post("/tenants/provision")
async def provision_tenant(wf: AsyncWorkflowContext[dict]) -> None:
    tenant = wf.request_payload["tenant"]

    async def _plan() -> str:
        proc = subprocess.run(
            ["terraform", "plan", f"-var=tenant={tenant}"], cwd=TERRAFORM_DIR, capture_output=True, text=True
        )
        return proc.stdout[-2000:]

    plan = await wf.run("plan", _plan)

    async def _apply() -> int:
        proc = subprocess.run(["terraform", "apply", "-auto-approve"], cwd=TERRAFORM_DIR)
        await wf.sleep("settle", 30)  # expect: UWF202
        return proc.returncode

    code = await wf.run("apply", _apply)
    if code != 0:
        await announce(wf, "#ops", f"provisioning {tenant} failed")
        return

    async def _seed() -> dict:
        async with httpx.AsyncClient(timeout=30) as client:
            resp = await client.post(f"https://{tenant}.example.com/seed")
        wf.run("warm-cache", lambda: None)  # expect: UWF202, UWF303
        return {"status": resp.status_code}

    await wf.run("seed", _seed)

    async def _verify() -> bool:
        async with httpx.AsyncClient(timeout=10) as client:
            resp = await client.get(f"https://{tenant}.example.com/health")
        await record_audit(wf, "verified")  # expect: UWF202
        return resp.status_code == 200

    healthy = await wf.run("verify", _verify)

    async def _dns() -> None:
        await wf.call("dns", url=DNS_URL, method="POST", body={"name": tenant})  # expect: UWF202

    if healthy:
        await wf.run("register-dns", _dns)
        await announce(wf, "#ops", f"{tenant} is live")
    logger.info("plan for %s had %d characters", tenant, len(plan))
