"""A weekly digest on Flask, written as an async function.

Flask's `Serve(app).route` registers sync functions only, and checks it when this module is
imported: the app does not even start. `wfcheck check examples/` says so before you deploy.
"""

from __future__ import annotations

from typing import Any, Dict

from flask import Flask
from upstash_workflow import WorkflowContext
from upstash_workflow.flask import Serve

app = Flask(__name__)
serve = Serve(app)


def collect_articles(week: str) -> list[Dict[str, Any]]:
    return [{"week": week, "title": "Release notes"}]


def send_digest(week: str, articles: list[Dict[str, Any]]) -> int:
    return len(articles)


# An async def with the sync adapter: Serve.route raises ValueError at import.
@serve.route("/api/digest/weekly")
async def weekly_digest(context: WorkflowContext[Dict[str, Any]]) -> None:
    week = context.request_payload["week"]
    articles = await context.run("collect", lambda: collect_articles(week))
    await context.run("send", lambda: send_digest(week, articles))
