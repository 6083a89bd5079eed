# shapes: 5 labels; Flask Serve(app), context `ctx`; step functions called in place (203): a pure classmethod of a file class and a pure method of a module-level repository instance (both return dicts, no source); invalid step functions (205): a nested def whose only parameter is keyword-only and required, and a `True` literal; an invented snake_case method `ctx.sleep_for` (308); fine: a method returning functools.partial (step factory), a classmethod returning a lambda (step factory), functools.partial of a bound method, a nested def taking only *args/**kwargs, a lambda with a default argument, boto3 inside steps
import functools
import logging
from typing import Any, Callable

import boto3
import requests
from flask import Flask
from upstash_workflow import WorkflowContext
from upstash_workflow.flask import Serve

log = logging.getLogger("exports")

app = Flask(__name__)
serve = Serve(app)

s3 = boto3.client("s3")
SLACK_URL = "https://hooks.slack.internal/exports"


class ExportRepository:
    def __init__(self, bucket: str) -> None:
        self.bucket = bucket

    def list_partitions(self, day: str) -> list[str]:
        listing = s3.list_objects_v2(Bucket=self.bucket, Prefix=f"{day}/")
        return [obj["Key"] for obj in listing.get("Contents", [])]

    def copy_partition(self, key: str, dry_run: bool = False) -> dict[str, Any]:
        if not dry_run:
            s3.copy_object(Bucket=f"{self.bucket}-archive", Key=key, CopySource={"Bucket": self.bucket, "Key": key})
        return {"key": key, "copied": not dry_run}

    def loader(self, key: str) -> Callable[[], dict[str, Any]]:
        return functools.partial(self.copy_partition, key)

    @classmethod
    def manifest_writer(cls, day: str) -> Callable[[], dict[str, Any]]:
        return lambda: write_manifest(day)

    @classmethod
    def summary_for(cls, day: str, partitions: list[str]) -> dict[str, Any]:
        return {"day": day, "partitions": len(partitions), "prefix": f"{day}/"}

    def describe(self, key: str) -> dict[str, Any]:
        return {"bucket": self.bucket, "key": key, "archive": f"{self.bucket}-archive"}


def write_manifest(day: str) -> dict[str, Any]:
    s3.put_object(Bucket="exports-archive", Key=f"{day}/_MANIFEST", Body=day.encode("utf-8"))
    return {"day": day, "manifest": True}


def post_slack(channel: str, text: str) -> dict[str, Any]:
    resp = requests.post(SLACK_URL, json={"channel": channel, "text": text}, timeout=10)
    return {"status": resp.status_code}


repo = ExportRepository("exports")


@serve.route("/workflows/exports/daily")
def daily_export(ctx: WorkflowContext[dict]) -> None:
    day = ctx.request_payload["day"]

    partitions = ctx.run("list-partitions", lambda: repo.list_partitions(day))
    for key in partitions:
        ctx.run(f"copy-{key}", repo.loader(key))

    ctx.run("copy-manifest", functools.partial(repo.copy_partition, f"{day}/_manifest"))
    ctx.run("write-manifest", ExportRepository.manifest_writer(day))
    ctx.run("record-summary", ExportRepository.summary_for(day, partitions))  # expect: UWF203
    ctx.run("record-success-marker", repo.describe(f"{day}/_SUCCESS"))  # expect: UWF203

    def _notify(*, channel: str) -> dict[str, Any]:
        return post_slack(channel, f"export {day} done")

    ctx.run("notify", _notify)  # expect: UWF205
    ctx.run("mark-done", True)  # expect: UWF205
    ctx.sleep_for("settle", 60)  # expect: UWF308

    def _cleanup(*_args: Any, **_kwargs: Any) -> dict[str, Any]:
        return {"cleaned": day}

    ctx.run("cleanup", _cleanup)
    ctx.run("ping", lambda channel="exports": post_slack(channel, f"{day}: {len(partitions)} partitions"))
