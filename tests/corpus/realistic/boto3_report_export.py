# Shapes: boto3 session client/resource and a DynamoDB Table used in orchestration (async_serve), a listing iterated to decide steps, a stored format deciding a step, bytes step results (.encode(), read_bytes(), b"".join) and a base64 string (fine).
from __future__ import annotations

import base64
import csv
import io
from functools import partial
from pathlib import Path

import boto3
from upstash_workflow import AsyncWorkflowContext, async_serve

session = boto3.session.Session(region_name="eu-west-1")
s3 = session.client("s3")
dynamodb = session.resource("dynamodb")
reports_table = dynamodb.Table("reports")

EXPORT_BUCKET = "acme-exports"
SPOOL = Path("/var/spool/exports")


def copy_object(key: str) -> dict:
    s3.copy_object(
        Bucket=EXPORT_BUCKET, Key=f"archive/{key}", CopySource={"Bucket": EXPORT_BUCKET, "Key": key}
    )
    return {"copied": key}


def convert(tenant: str) -> dict:
    return {"tenant": tenant, "format": "csv"}


def render_rows(tenant: str) -> list[list[str]]:
    return [["tenant", "total"], [tenant, "42"]]


async def export_reports(context: AsyncWorkflowContext[dict]) -> None:
    tenant = context.request_payload["tenant"]

    item = reports_table.get_item(Key={"tenant": tenant})["Item"]  # expect: UWF103
    if item["format"] == "parquet":  # expect: UWF105
        await context.run("convert-parquet", partial(convert, tenant))

    listing = s3.list_objects_v2(Bucket=EXPORT_BUCKET, Prefix=f"{tenant}/")  # expect: UWF103
    for obj in listing["Contents"]:  # expect: UWF105
        key = obj["Key"]
        await context.run(f"copy-{key}", lambda key=key: copy_object(key))

    def _render_csv() -> bytes:
        buffer = io.StringIO()
        csv.writer(buffer).writerows(render_rows(tenant))
        return buffer.getvalue().encode("utf-8")  # expect: UWF204

    await context.run("render-csv", _render_csv)

    spool_file = SPOOL / f"{tenant}.csv"
    await context.run("read-spool", lambda: spool_file.read_bytes())  # expect: UWF204

    def _bundle() -> bytes:
        chunks = [(SPOOL / name).read_bytes() for name in ("head.csv", "body.csv")]
        return b"".join(chunks)  # expect: UWF204

    await context.run("bundle", _bundle)

    def _bundle_b64() -> str:
        data = (SPOOL / f"{tenant}.zip").read_bytes()
        return base64.b64encode(data).decode("ascii")

    await context.run("bundle-b64", _bundle_b64)


workflow = async_serve(export_reports)
