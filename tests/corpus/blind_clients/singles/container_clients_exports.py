# shapes: FastAPI; a container class whose __init__ builds redis.Redis and boto3 clients, with one module-level instance; reads through the container's attributes outside steps (103), deciding a step (103+105) and, through a conditional expression that decides nothing itself, a loop of steps (105 at the iterable, no 106 for names from the loop target); the same reads in a logging argument and a sleep duration (exempt) and in functions called only from steps (fine)
import logging
import os

import boto3
import redis
from fastapi import FastAPI
from upstash_workflow import AsyncWorkflowContext
from upstash_workflow.fastapi import Serve

logger = logging.getLogger(__name__)


class Clients:
    def __init__(self) -> None:
        self.flags = redis.Redis(host=os.environ.get("FLAGS_HOST", "localhost"), decode_responses=True)
        self.storage = boto3.client("s3")
        self.bucket = os.environ.get("EXPORT_BUCKET", "tenant-exports")


clients = Clients()
app = FastAPI()
serve = Serve(app)


def collect_rows(tenant: str) -> list:
    body = clients.storage.get_object(Bucket=clients.bucket, Key=f"{tenant}/rows.csv")["Body"].read().decode("utf-8")
    return [line.split(",") for line in body.splitlines()]


def compress_rows(tenant: str, rows: list) -> str:
    key = f"{tenant}/rows.csv.gz"
    clients.storage.put_object(Bucket=clients.bucket, Key=key, Body="\n".join(",".join(r) for r in rows))
    return key


def purge(key: str) -> str:
    clients.storage.delete_object(Bucket=clients.bucket, Key=key)
    return key


def notify_done(tenant: str) -> int:
    return clients.flags.publish("exports", tenant)


@serve.post("/export")
async def export(context: AsyncWorkflowContext[dict]) -> None:
    tenant = context.request_payload["tenant"]
    logger.info("export for %s, flag=%s", tenant, clients.flags.get(f"export:{tenant}"))
    rows = await context.run("collect", lambda: collect_rows(tenant))
    if clients.flags.sismember("compressed-exports", tenant):  # expect: UWF103, UWF105
        await context.run("compress", lambda: compress_rows(tenant, rows))
    listing = clients.storage.list_objects_v2(Bucket=clients.bucket, Prefix=f"{tenant}/stale/")  # expect: UWF103
    stale = listing["Contents"] if "Contents" in listing else []
    for entry in stale:  # expect: UWF105
        await context.run(f"purge-{entry['Key']}", lambda key=entry["Key"]: purge(key))
    await context.sleep("grace", int(clients.flags.get("export-grace-seconds") or 30))
    await context.run("notify", lambda: notify_done(tenant))
