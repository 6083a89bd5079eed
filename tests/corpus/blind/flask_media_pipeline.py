# Flask Serve with boto3 and pathlib: an S3 head_object before the first step decides an early return, a Path.exists() check deciding whether a step runs, bytes returned from a step via read_bytes(), an async def route under the sync adapter, wait_for_event (docs only, not in 2.0.0), the context handed to an installed pipeline package
import os
from pathlib import Path

import boto3
from flask import Flask
from upstash_workflow import WorkflowContext
from upstash_workflow.flask import Serve

from mediakit.pipeline import run_transcode_pipeline
from mediakit.render import publish_asset, render_thumbnail

app = Flask(__name__)
serve = Serve(app)

BUCKET = os.environ["MEDIA_BUCKET"]
MAX_BYTES = 50 * 1024 * 1024
SCRATCH = Path(os.environ.get("MEDIA_SCRATCH", "/var/tmp/media"))

s3 = boto3.client("s3")


@serve.route("/workflows/thumbnail")
def thumbnail(context: WorkflowContext[dict]) -> None:
    key = context.request_payload["key"]

    head = s3.head_object(Bucket=BUCKET, Key=key)  # expect: UWF103
    if head["ContentLength"] > MAX_BYTES:
        return  # expect: UWF104

    local = SCRATCH / Path(key).name
    if not local.exists():  # expect: UWF103, UWF105
        context.run("download", lambda: s3.download_file(BUCKET, key, str(local)))

    def _render():
        thumb = SCRATCH / f"{Path(key).stem}.thumb.png"
        render_thumbnail(str(local), str(thumb))
        return thumb.read_bytes()  # expect: UWF204

    png = context.run("render", _render)

    def _upload() -> dict:
        thumb_key = f"thumbs/{Path(key).stem}.png"
        s3.put_object(Bucket=BUCKET, Key=thumb_key, Body=png)
        return {"key": thumb_key}

    context.run("upload", _upload)


@serve.route("/workflows/transcode")
def transcode(context: WorkflowContext[dict]) -> None:
    run_transcode_pipeline(context, preset=context.request_payload.get("preset", "720p"))


@serve.route("/workflows/publish")
def publish(context: WorkflowContext[dict]) -> None:
    asset_id = context.request_payload["asset_id"]
    context.run("prepare", lambda: {"asset_id": asset_id, "state": "pending-approval"})
    approval = context.wait_for_event("wait-approval", f"approve-{asset_id}", timeout="1d")  # expect: UWF308

    def _publish() -> dict:
        publish_asset(asset_id, approved_by=approval)
        return {"published": asset_id}

    context.run("publish", _publish)


@serve.route("/workflows/cleanup")
async def cleanup_scratch(context: WorkflowContext[dict]) -> None:  # expect: UWF304
    def _sweep() -> dict:
        removed = 0
        for path in SCRATCH.glob("*.tmp"):
            path.unlink()
            removed += 1
        return {"removed": removed}

    context.run("sweep", _sweep)
