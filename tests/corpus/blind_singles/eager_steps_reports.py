# shapes: FastAPI Serve(app), context named `c` annotated with a module-level alias `ReportCtx = AsyncWorkflowContext[dict]`, step functions called eagerly (an awaited async def of the file, a plain function of the file, requests.put), invalid step functions (a def with a required parameter, a lambda with a required parameter, a string literal); fine: lambdas, functools.partial (also leaving a defaulted keyword unbound), a step factory of the file, a lambda with a default argument
import functools
import json

import requests
from fastapi import FastAPI
from upstash_workflow import AsyncWorkflowContext
from upstash_workflow.fastapi import Serve

ReportCtx = AsyncWorkflowContext[dict]

app = FastAPI()
serve = Serve(app)

LEDGER = "https://ledger.example.com"
STORAGE = "https://storage.example.com/reports"


def build_report(rows: list[dict]) -> dict:
    total = sum(r["amount"] for r in rows)
    return {"rows": len(rows), "total": total}


async def fetch_rows(day: str) -> list[dict]:
    resp = requests.get(f"{LEDGER}/rows", params={"day": day}, timeout=30)
    return resp.json()["rows"]


def persist_report(report: dict) -> str:
    resp = requests.put(f"{STORAGE}/{report['day']}.json", data=json.dumps(report), timeout=30)
    return resp.headers.get("etag", "")


def make_renderer(template: str, report: dict):
    def _render() -> str:
        return template.format(title="Daily ledger", total=report["total"])

    return _render


def archive_path(day: str, *, bucket: str = "cold") -> str:
    return f"{bucket}/{day}"


@serve.post("/reports/daily")
async def daily_report(c: ReportCtx) -> None:
    day = c.request_payload["day"]
    template = c.request_payload.get("template", "<h1>{title}</h1><p>{total}</p>")

    rows = await c.run("fetch-rows", await fetch_rows(day))  # expect: UWF203
    rows = await c.run("fetch-rows-lazy", lambda: fetch_rows(day))
    report = await c.run("build", build_report(rows))  # expect: UWF203
    report = await c.run("build-lazy", functools.partial(build_report, rows))
    report["day"] = day
    html = await c.run("render", make_renderer(template, report))

    await c.run("upload", requests.put(f"{STORAGE}/{day}.html", data=html, timeout=30))  # expect: UWF203
    await c.run("upload-lazy", lambda: requests.put(f"{STORAGE}/{day}.html", data=html, timeout=30).status_code)

    await c.run("persist", persist_report)  # expect: UWF205
    await c.run("persist-lazy", lambda r=report: persist_report(r))
    await c.run("archive", lambda bucket: archive_path(day, bucket=bucket))  # expect: UWF205
    await c.run("archive-default", functools.partial(archive_path, day))
    await c.run("purge-cdn", "purge")  # expect: UWF205
