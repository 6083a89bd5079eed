# shapes: correct; Flask Serve(app) (sync); step results driving a while polling loop (with a give-up return), a for loop with `continue`, and a sorted() loop with a key lambda and `break`; a loop counter and a dict state reassigned (never mutated) in orchestration; a nested def reading random.uniform handed to a partial step as a callback (neither a step function nor called in orchestration); time.sleep and a requests.Session inside step functions; sync def steps with default arguments
import functools
import logging
import random
import time
from typing import Any, Callable, Optional

import requests
from flask import Flask
from upstash_workflow import WorkflowContext
from upstash_workflow.flask import Serve

log = logging.getLogger("exports")

app = Flask(__name__)
serve = Serve(app)

http = requests.Session()
EXPORT_API = "https://warehouse.internal/exports"


def start_export(dataset: str) -> dict[str, Any]:
    r = http.post(EXPORT_API, json={"dataset": dataset}, timeout=15)
    r.raise_for_status()
    return {"id": r.json()["id"]}


def poll_export(export_id: str) -> dict[str, Any]:
    time.sleep(1)
    r = http.get(f"{EXPORT_API}/{export_id}", timeout=15)
    body = r.json()
    return {"state": body["state"], "pages": int(body.get("pages", 0))}


def push_page(export_id: str, page: int, jitter: Optional[Callable[[], float]] = None) -> dict[str, Any]:
    if jitter is not None:
        time.sleep(jitter())
    r = http.post(f"{EXPORT_API}/{export_id}/pages/{page}/push", timeout=30)
    return {"page": page, "ok": r.ok}


def summarize(export_id: str) -> dict[str, Any]:
    r = http.get(f"{EXPORT_API}/{export_id}/files", timeout=15)
    return {"files": [{"name": f["name"], "size": int(f["size"])} for f in r.json()["files"]]}


def verify_file(export_id: str, name: str, strict: bool = True) -> dict[str, Any]:
    r = http.get(f"{EXPORT_API}/{export_id}/files/{name}/checksum", timeout=15)
    return {"name": name, "ok": r.ok or not strict}


@serve.route("/workflows/export")
def export_dataset(context: WorkflowContext[dict]) -> None:
    dataset = context.request_payload["dataset"]
    max_polls = int(context.request_payload.get("max_polls", 20))
    skip_pages = set(context.request_payload.get("skip_pages", []))

    job = context.run("start-export", lambda: start_export(dataset))
    export_id = job["id"]

    state = {"state": "pending", "pages": 0}
    polls = 0
    while state["state"] != "done":
        if polls >= max_polls:
            context.run("give-up", lambda: {"export": export_id, "polls": max_polls})
            return
        context.sleep(f"wait-{polls}", 30)
        state = context.run(f"poll-{polls}", lambda: poll_export(export_id))
        polls += 1

    def _jitter() -> float:
        return random.uniform(0.0, 0.5)

    for page in range(state["pages"]):
        if page in skip_pages:
            continue
        context.run(f"push-page-{page}", functools.partial(push_page, export_id, page, jitter=_jitter))

    summary = context.run("summarize", lambda: summarize(export_id))
    for item in sorted(summary["files"], key=lambda f: (f["size"], f["name"])):
        if item["size"] == 0:
            log.warning("export %s has an empty file %s", export_id, item["name"])
            break
        context.run(f"verify-{item['name']}", functools.partial(verify_file, export_id, item["name"]))

    def _close(reason: str = "complete") -> dict[str, Any]:
        r = http.post(f"{EXPORT_API}/{export_id}/close", json={"reason": reason}, timeout=15)
        return {"closed": r.ok, "polls": polls}

    context.run("close", _close)
