# shapes: Flask `Serve.route`, `ctx`. UWF304 for an async def passed through the call form `flows.route(PATH)(fn)` and an async def under a bare `@serve` (sync); their (sync) step calls are plain. UWF306: `None` and a bytes literal as run names, `step_name=""` on sleep, a `call` with only keywords and no name, `0` as a sleep_until name. Fine names: a module constant, `str(n)`, `"-".join(...)`, `%` formatting, the run id, a payload value
import functools
import logging

import requests
from flask import Flask
from upstash_workflow import serve
from upstash_workflow.flask import Serve

log = logging.getLogger("exports")

app = Flask(__name__)
flows = Serve(app)

EXPORT_URL = "https://exports.example.com"
STEP_COLLECT = "collect-rows"


def collect_rows(table: str) -> list:
    return requests.get(f"{EXPORT_URL}/tables/{table}/rows", timeout=30).json()


def write_csv(table: str, rows: list) -> str:
    resp = requests.post(f"{EXPORT_URL}/files", json={"table": table, "rows": rows}, timeout=30)
    return resp.json()["file_id"]


def load_batch() -> list:
    return requests.get(f"{EXPORT_URL}/batches/next", timeout=10).json()


def archive_files() -> int:
    return requests.post(f"{EXPORT_URL}/archive", timeout=10).json()["archived"]


@flows.route("/exports/daily")
def daily_export(ctx):
    tables = ctx.run(STEP_COLLECT, lambda: sorted(ctx.request_payload["tables"]))
    for n, table in enumerate(tables):
        rows = ctx.run(str(n), functools.partial(collect_rows, table))
        ctx.run("-".join(["write", table]), lambda t=table, r=rows: write_csv(t, r))
        ctx.sleep("pause-%s" % table, 5)
    ctx.call(f"done-{ctx.workflow_run_id}", url=f"{EXPORT_URL}/done", method="POST")


@flows.route("/exports/batch")
def batch_export(ctx):
    batch = ctx.run(None, load_batch)  # expect: UWF306
    ctx.sleep(step_name="", duration=60)  # expect: UWF306
    ctx.call(url=f"{EXPORT_URL}/batches/{batch[0]['id']}/ack", method="POST", body={"size": len(batch)})  # expect: UWF306
    ctx.run(b"archive", archive_files)  # expect: UWF306
    ctx.sleep_until(0, ctx.request_payload["resume_at"])  # expect: UWF306
    ctx.run(ctx.request_payload["label"], lambda: {"batch": len(batch)})


async def weekly_export(ctx):  # expect: UWF304
    tables = ctx.run("weekly-tables", lambda: ["orders", "refunds"])
    for table in tables:
        ctx.run(f"weekly-{table}", functools.partial(collect_rows, table))


flows.route("/exports/weekly")(weekly_export)


@serve
async def purge_exports(ctx):  # expect: UWF304
    log.info("purging exports for %s", ctx.workflow_run_id)
    ctx.sleep("purge-delay", "6h")
    ctx.call("purge", url=f"{EXPORT_URL}/files", method="DELETE")


purge_handler = purge_exports["handler"]
