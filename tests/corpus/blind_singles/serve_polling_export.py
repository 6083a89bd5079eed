# shapes: correct: sync serve(fn, retries=...)["handler"] mounted in a plain Flask view, a context type alias `Ctx = WorkflowContext[dict]` on the route parameter, a while loop polling context.call results with break, match on a step result with a return in one case, int sleep durations from floor division, int(timedelta.total_seconds()) and "1w", sleep_until with a float clock timestamp, a boto3 client used only inside steps
import time
from datetime import timedelta

import boto3
from flask import Flask, request
from upstash_workflow import WorkflowContext, serve

Ctx = WorkflowContext[dict]

app = Flask(__name__)
s3 = boto3.client("s3")

BUCKET = "warehouse-exports"
WAREHOUSE = "https://warehouse.example.com"
POLL_SECONDS = 60
MAX_POLLS = 20


def start_export(table: str) -> dict:
    return {"job": f"export-{table}", "table": table}


def list_keys(prefix: str) -> list[str]:
    listing = s3.list_objects_v2(Bucket=BUCKET, Prefix=prefix)
    return [obj["Key"] for obj in listing.get("Contents", [])]


def write_manifest(job_id: str, keys: list[str]) -> None:
    s3.put_object(Bucket=BUCKET, Key=f"{job_id}/MANIFEST", Body="\n".join(keys).encode())


def purge_tmp(job_id: str) -> None:
    s3.delete_object(Bucket=BUCKET, Key=f"{job_id}/tmp")


def export_warehouse(ctx: Ctx) -> None:
    table = ctx.request_payload["table"]
    job = ctx.run("start-export", lambda: start_export(table))

    polls = 0
    state = "pending"
    while polls < MAX_POLLS:
        status = ctx.call("poll-export", url=f"{WAREHOUSE}/jobs/{job['job']}", method="GET")
        state = status.body.get("state", "pending") if status.status_code == 200 else "pending"
        if state in ("done", "failed"):
            break
        polls += 1
        ctx.sleep("wait-export", POLL_SECONDS // 2)

    match state:
        case "done":
            keys = ctx.run("list-keys", lambda: list_keys(job["job"]))
            ctx.run("write-manifest", lambda: write_manifest(job["job"], keys))
        case "failed":
            ctx.run("record-failure", lambda: {"job": job["job"], "failed": True})
            return
        case _:
            ctx.sleep("cooldown", "1w")

    ctx.sleep("retention-grace", int(timedelta(days=2).total_seconds()))
    ctx.sleep_until("purge-at", time.time() + 3600.5)
    ctx.run("purge", lambda: purge_tmp(job["job"]))


export_handler = serve(export_warehouse, retries=3)["handler"]


@app.post("/exports")
def exports_endpoint():
    return export_handler(request)
