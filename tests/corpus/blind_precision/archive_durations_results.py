# shapes: 9 labels; Flask Serve(app), context `run_ctx`; a v1 route with invalid sleep durations (307): "1.5h", an ISO-8601 "PT15M", a scientific float literal 3e2, an int payload value times 1.5; `from time import sleep as pause` in orchestration (107); unserializable step results (204): a pathlib.Path, a requests Response, b"".join of chunks, an instance of a plain class of the file; a v2 route with the fixed forms, all fine: math.ceil over a division, int(x * 0.5), "45m"/"2d"/"1y", str(Path), resp.json(), base64 text of the joined bytes, the instance's to_dict(), pause() inside a step
import base64
import math
from pathlib import Path
from time import sleep as pause
from typing import Any

import boto3
import requests
from flask import Flask
from upstash_workflow import WorkflowContext
from upstash_workflow.flask import Serve

app = Flask(__name__)
serve = Serve(app)

s3 = boto3.client("s3")
ARCHIVE_ROOT = "/srv/archive/orders"
LABEL_API = "https://labels.internal/orders"
ORDERS_API = "https://orders.internal"


class Receipt:
    def __init__(self, order_id: str, total_cents: int) -> None:
        self.order_id = order_id
        self.total_cents = total_cents

    def to_dict(self) -> dict[str, Any]:
        return {"order_id": self.order_id, "total_cents": self.total_cents}


def load_chunks(order_id: str) -> list[bytes]:
    listing = s3.list_objects_v2(Bucket="order-docs", Prefix=f"{order_id}/")
    return [s3.get_object(Bucket="order-docs", Key=o["Key"])["Body"].read() for o in listing.get("Contents", [])]


def total_for(order_id: str) -> int:
    resp = requests.get(f"{ORDERS_API}/{order_id}/total", timeout=10)
    return int(resp.json()["cents"])


@serve.route("/workflows/v1/archive-order")
def archive_order_v1(run_ctx: WorkflowContext[dict]) -> None:
    order_id = run_ctx.request_payload["order_id"]
    retry_after = int(run_ctx.request_payload.get("retry_after", 60))

    run_ctx.sleep("initial-grace", "1.5h")  # expect: UWF307
    run_ctx.sleep("settlement-window", "PT15M")  # expect: UWF307
    run_ctx.sleep("carrier-cutoff", 3e2)  # expect: UWF307
    run_ctx.sleep("retry-backoff", retry_after * 1.5)  # expect: UWF307
    pause(2)  # expect: UWF107

    run_ctx.run("archive-path", lambda: Path(ARCHIVE_ROOT, f"{order_id}.json"))  # expect: UWF204
    run_ctx.run("fetch-label", lambda: requests.get(f"{LABEL_API}/{order_id}", timeout=10))  # expect: UWF204
    run_ctx.run("bundle-docs", lambda: b"".join(load_chunks(order_id)))  # expect: UWF204
    run_ctx.run("receipt", lambda: Receipt(order_id, total_for(order_id)))  # expect: UWF204


@serve.route("/workflows/v2/archive-order")
def archive_order_v2(run_ctx: WorkflowContext[dict]) -> None:
    order_id = run_ctx.request_payload["order_id"]
    retry_after = int(run_ctx.request_payload.get("retry_after", 60))

    run_ctx.sleep("initial-grace", "90m")
    run_ctx.sleep("settlement-window", "45m")
    run_ctx.sleep("carrier-cutoff", 300)
    run_ctx.sleep("retry-backoff", math.ceil(retry_after * 3 / 2))
    run_ctx.sleep("half-retry", int(retry_after * 0.5))
    run_ctx.sleep("customs-hold", "2d")
    run_ctx.run("pause-in-step", lambda: pause(2))

    path = run_ctx.run("archive-path", lambda: str(Path(ARCHIVE_ROOT, f"{order_id}.json")))
    label = run_ctx.run("fetch-label", lambda: requests.get(f"{LABEL_API}/{order_id}", timeout=10).json())
    docs = run_ctx.run("bundle-docs", lambda: base64.b64encode(b"".join(load_chunks(order_id))).decode("ascii"))
    receipt = run_ctx.run("receipt", lambda: Receipt(order_id, total_for(order_id)).to_dict())

    run_ctx.run(
        "write-archive",
        lambda: s3.put_object(
            Bucket="order-archive",
            Key=path.lstrip("/"),
            Body=base64.b64decode(docs),
            Metadata={"label": str(label.get("id", "")), "total": str(receipt["total_cents"])},
        )["ETag"],
    )
    run_ctx.sleep("retention-check", "1y")
