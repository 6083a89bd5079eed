# shapes: Flask Serve created inside create_app() with the routes nested in the factory; a deterministic header gate before the first step; a walrus redis get deciding an early return before the first step (103, 104); a walrus redis llen in a while test deciding a loop of steps (103, 105, and no 106 for the step name inside it); an async def on serve.route inside the factory (304); fine: a while/else polling loop on context.call results with break and a give-up return
import logging
import os

import redis
import requests
from flask import Flask
from upstash_workflow import WorkflowContext
from upstash_workflow.flask import Serve

log = logging.getLogger(__name__)

IMPORT_API = os.environ.get("IMPORT_API", "https://imports.internal")
cache = redis.Redis(host=os.environ.get("REDIS_HOST", "localhost"), port=6379, decode_responses=True)


def fetch_manifest(source: str) -> dict:
    resp = requests.get(f"{IMPORT_API}/sources/{source}/manifest", timeout=10)
    resp.raise_for_status()
    return resp.json()


def import_rows(source: str, manifest: dict) -> dict:
    resp = requests.post(f"{IMPORT_API}/sources/{source}/import", json=manifest, timeout=60)
    cache.set(f"import:{source}", manifest["version"])
    return {"status": resp.status_code}


def lock_queue(queue: str) -> bool:
    return bool(cache.set(f"lock:{queue}", "1", nx=True, ex=900))


def unlock_queue(queue: str) -> int:
    return cache.delete(f"lock:{queue}")


def pull_batch(queue: str, size: int) -> list:
    return cache.lpop(f"queue:{queue}", size) or []


def apply_batch(batch: list) -> dict:
    resp = requests.post(f"{IMPORT_API}/apply", json={"items": batch}, timeout=60)
    return {"status": resp.status_code, "applied": len(batch)}


def verify_rows(source: str) -> dict:
    resp = requests.get(f"{IMPORT_API}/sources/{source}/verify", timeout=30)
    return {"bad_rows": resp.json().get("bad_rows", [])}


def quarantine(source: str, rows: list) -> dict:
    resp = requests.post(f"{IMPORT_API}/sources/{source}/quarantine", json={"rows": rows}, timeout=30)
    return {"status": resp.status_code}


def mark_timed_out(job_id: str) -> None:
    requests.post(f"{IMPORT_API}/jobs/{job_id}/timeout", timeout=10)


def finish_job(job_id: str) -> None:
    requests.post(f"{IMPORT_API}/jobs/{job_id}/finish", timeout=10)


def create_app() -> Flask:
    app = Flask(__name__)
    serve = Serve(app)

    @serve.route("/imports/start")
    def start_import(context: WorkflowContext[dict]) -> None:
        source = context.request_payload["source"]
        if context.headers.get("x-import-token") != os.environ["IMPORT_TOKEN"]:
            log.warning("rejected import for %s", source)
            return
        if (seen_version := cache.get(f"import:{source}")) is not None:  # expect: UWF103
            log.info("source %s already imported (version %s)", source, seen_version)
            return  # expect: UWF104
        manifest = context.run("fetch-manifest", lambda: fetch_manifest(source))
        context.run("import-rows", lambda: import_rows(source, manifest))

    @serve.route("/imports/drain")
    def drain(context: WorkflowContext[dict]) -> None:
        queue = context.request_payload["queue"]
        context.run("lock-queue", lambda: lock_queue(queue))
        while (pending := cache.llen(f"queue:{queue}")) > 0:  # expect: UWF103, UWF105
            batch = context.run(f"pull-{queue}-{pending}", lambda: pull_batch(queue, min(pending, 100)))
            context.run("apply-batch", lambda: apply_batch(batch))
        context.run("unlock-queue", lambda: unlock_queue(queue))

    @serve.route("/imports/verify")
    async def verify(context: WorkflowContext[dict]) -> None:  # expect: UWF304
        source = context.request_payload["source"]
        report = await context.run("verify-rows", lambda: verify_rows(source))
        if report["bad_rows"]:
            await context.run("quarantine", lambda: quarantine(source, report["bad_rows"]))

    @serve.route("/imports/poll")
    def poll(context: WorkflowContext[dict]) -> None:
        job_id = context.request_payload["job_id"]
        attempts = 0
        while attempts < 10:
            status = context.call("check-job", url=f"{IMPORT_API}/jobs/{job_id}", method="GET")
            if status.status_code == 200:
                break
            attempts += 1
            context.sleep("wait-for-job", 60)
        else:
            context.run("mark-timed-out", lambda: mark_timed_out(job_id))
            return
        context.run("finish-job", lambda: finish_job(job_id))

    return app
