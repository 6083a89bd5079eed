# shapes: correct. The sync serve() function form, positional and route_function=, mounted on Flask with add_url_rule; an ExportJob dataclass parsed from the payload in orchestration by a classmethod with contextlib.suppress(KeyError); partitions from datetime.fromisoformat and timedelta in a pure method; boto3 athena and s3 clients used only inside steps; a workflow helper given the context that starts a query, polls it with context.call in a while/else loop with break and a give-up raise, and returns the copy step's result; a statsd counter and try/finally around the helper calls; sleep_until on a value read from a step result; a second route deleting old exports in a loop of steps
"""Nightly warehouse exports to the partner bucket.

Data platform. One Athena query per partition; results copied into the
partner prefix and announced through the manifest webhook.
"""
import contextlib
import functools
import logging
import os
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

import boto3
import requests
import statsd
from flask import Flask
from upstash_workflow import WorkflowContext, serve

log = logging.getLogger("warehouse.export")

EXPORT_BUCKET = os.environ.get("EXPORT_BUCKET", "partner-exports")
STATUS_URL = os.environ.get("QUERY_STATUS_URL", "https://athena-proxy.internal/queries")
MANIFEST_HOOK = os.environ.get("MANIFEST_HOOK", "https://partners.example.com/hooks/manifest")
MAX_POLLS = 40
POLL_SECONDS = 15
RETENTION_DAYS = 30

metrics = statsd.StatsClient(os.environ.get("STATSD_HOST", "localhost"), 8125, prefix="export")
s3 = boto3.client("s3")
athena = boto3.client("athena", region_name=os.environ.get("AWS_REGION", "eu-west-1"))


@dataclass
class ExportJob:
    table: str
    start: str
    days: int = 1
    fmt: str = "parquet"
    columns: list = field(default_factory=list)

    @classmethod
    def from_payload(cls, payload: dict) -> "ExportJob":
        job = cls(table=payload["table"], start=payload["start"])
        with contextlib.suppress(KeyError):
            job.days = int(payload["days"])
        with contextlib.suppress(KeyError):
            job.fmt = payload["format"]
        job.columns = list(payload.get("columns", []))
        return job

    def partitions(self) -> list[str]:
        first = datetime.fromisoformat(self.start)
        return [(first + timedelta(days=n)).strftime("%Y-%m-%d") for n in range(self.days)]


def start_query(table: str, partition: str, columns: list[str]) -> str:
    cols = ", ".join(columns) or "*"
    resp = athena.start_query_execution(
        QueryString=f"SELECT {cols} FROM {table} WHERE dt = '{partition}'",
        ResultConfiguration={"OutputLocation": f"s3://{EXPORT_BUCKET}/tmp/"},
    )
    return resp["QueryExecutionId"]


def copy_results(query_id: str, table: str, partition: str, fmt: str) -> dict[str, Any]:
    key = f"exports/{table}/{partition}.{fmt}"
    s3.copy_object(Bucket=EXPORT_BUCKET, CopySource=f"{EXPORT_BUCKET}/tmp/{query_id}.csv", Key=key)
    head = s3.head_object(Bucket=EXPORT_BUCKET, Key=key)
    return {"key": key, "bytes": head["ContentLength"], "partition": partition}


def write_manifest(table: str, exported: list[dict[str, Any]]) -> dict[str, Any]:
    key = f"exports/{table}/_manifest.json"
    body = "\n".join(f"{e['key']}\t{e['bytes']}" for e in exported)
    s3.put_object(Bucket=EXPORT_BUCKET, Key=key, Body=body.encode())
    return {"key": key, "files": len(exported)}


def next_export_window(table: str) -> dict[str, Any]:
    resp = requests.get(f"{STATUS_URL}/windows/{table}", timeout=10)
    resp.raise_for_status()
    return {"not_before": resp.json()["not_before"]}


def notify_downstream(manifest_key: str) -> int:
    resp = requests.post(MANIFEST_HOOK, json={"manifest": manifest_key}, timeout=10)
    resp.raise_for_status()
    return resp.status_code


def export_partition(context: WorkflowContext[dict], job: ExportJob, partition: str) -> dict[str, Any]:
    query_id = context.run(
        f"start-query-{partition}",
        functools.partial(start_query, job.table, partition, job.columns),
    )
    polls = 0
    while polls < MAX_POLLS:
        status = context.call(f"poll-{partition}-{polls}", url=f"{STATUS_URL}/{query_id}", method="GET")
        state = status.body.get("state") if isinstance(status.body, dict) else None
        if state == "SUCCEEDED":
            break
        if state in ("FAILED", "CANCELLED"):
            raise RuntimeError(f"query {query_id} for {partition} ended as {state}")
        polls += 1
        context.sleep(f"poll-wait-{partition}-{polls}", POLL_SECONDS)
    else:
        raise TimeoutError(f"query {query_id} still running after {MAX_POLLS} polls")

    return context.run(
        f"copy-{partition}",
        functools.partial(copy_results, query_id, job.table, partition, job.fmt),
    )


def warehouse_export(context: WorkflowContext[dict]) -> None:
    job = ExportJob.from_payload(context.request_payload)
    log.info("export of %s from %s for %d days (run %s)", job.table, job.start, job.days, context.workflow_run_id)

    exported: list[dict[str, Any]] = []
    metrics.incr("runs")
    try:
        for partition in job.partitions():
            result = export_partition(context, job, partition)
            exported.append(result)
            log.info("partition %s exported to %s (%s bytes)", partition, result["key"], result["bytes"])
    finally:
        metrics.incr("calls")

    manifest = context.run("write-manifest", functools.partial(write_manifest, job.table, exported))
    window = context.run("next-window", functools.partial(next_export_window, job.table))
    log.info("manifest %s written, downstream window opens at %s", manifest["key"], window["not_before"])
    context.sleep_until("wait-downstream-window", window["not_before"])
    context.run("notify-downstream", functools.partial(notify_downstream, manifest["key"]))


def list_old_exports(table: str, keep_days: int) -> list[str]:
    paginator = s3.get_paginator("list_objects_v2")
    cutoff = datetime.utcnow() - timedelta(days=keep_days)
    old = []
    for page in paginator.paginate(Bucket=EXPORT_BUCKET, Prefix=f"exports/{table}/"):
        for obj in page.get("Contents", []):
            if obj["LastModified"].replace(tzinfo=None) < cutoff:
                old.append(obj["Key"])
    return old


def purge_exports(context: WorkflowContext[dict]) -> None:
    table = context.request_payload["table"]
    keep_days = int(context.request_payload.get("keep_days", RETENTION_DAYS))
    old_keys = context.run("list-old-exports", functools.partial(list_old_exports, table, keep_days))
    if not old_keys:
        log.info("nothing to purge for %s", table)
        return
    for start in range(0, len(old_keys), 500):
        chunk = old_keys[start:start + 500]
        context.run(
            f"delete-{table}-{start}",
            lambda chunk=chunk: len(
                s3.delete_objects(
                    Bucket=EXPORT_BUCKET, Delete={"Objects": [{"Key": k} for k in chunk]}
                ).get("Deleted", [])
            ),
        )
    log.info("purged %d old exports of %s", len(old_keys), table)


app = Flask(__name__)
export_workflow = serve(warehouse_export, retries=2)
purge_workflow = serve(route_function=purge_exports)
app.add_url_rule("/workflows/export", "warehouse_export", export_workflow["handler"], methods=["POST"])
app.add_url_rule("/workflows/purge-exports", "purge_exports", purge_workflow["handler"], methods=["POST"])
