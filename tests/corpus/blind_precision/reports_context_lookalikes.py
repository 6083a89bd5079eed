# shapes: correct; FastAPI Serve(app) next to plain code whose `context`/`ctx` is not a workflow context: an ssl `context` from ssl.create_default_context, a contextvars `context.run(fn, arg)` (a non-str first argument), a Jinja template `context` dict holding datetime.now() and an awaited redis read in a plain @app.get view, a lifespan pinging redis, an HTTP middleware awaiting call_next, click commands whose `ctx.invoke(...)` and `ctx.ensure_object(...)`; the one route uses the same redis client and templates only inside steps
import contextlib
import contextvars
import logging
import ssl
from datetime import datetime, timezone
from typing import Any, Callable

import click
import httpx
from fastapi import FastAPI, Request
from fastapi.templating import Jinja2Templates
from upstash_redis.asyncio import Redis
from upstash_workflow import AsyncWorkflowContext
from upstash_workflow.fastapi import Serve

log = logging.getLogger("reports")

CA_FILE = "/etc/certs/ca.pem"
CDN_URL = "https://cdn.internal/reports"

redis = Redis.from_env()
templates = Jinja2Templates(directory="templates")
request_id_var: contextvars.ContextVar[str] = contextvars.ContextVar("request_id", default="-")


@contextlib.asynccontextmanager
async def lifespan(app: FastAPI):
    pong = await redis.ping()
    log.info("redis ping at %s: %s", datetime.now(timezone.utc), pong)
    yield


app = FastAPI(lifespan=lifespan)
serve = Serve(app)


def make_ssl_context(cafile: str) -> ssl.SSLContext:
    context = ssl.create_default_context(cafile=cafile)
    context.check_hostname = True
    context.load_cert_chain("/etc/certs/client.pem")
    return context


def run_in_request_scope(request_id: str, fn: Callable[..., Any], *args: Any) -> Any:
    context = contextvars.copy_context()
    context.run(request_id_var.set, request_id)
    return context.run(fn, *args)


def build_page_context(request: Request, report_id: str, cached: Any) -> dict[str, Any]:
    context = {"request": request, "report_id": report_id, "cached": cached}
    context["rendered_at"] = datetime.now(timezone.utc)
    context["request_id"] = request_id_var.get()
    if cached is None:
        context["stale"] = True
    return context


@app.middleware("http")
async def add_request_id(request: Request, call_next):
    token = request_id_var.set(request.headers.get("x-request-id", "-"))
    try:
        return await call_next(request)
    finally:
        request_id_var.reset(token)


@app.get("/reports/{report_id}")
async def report_page(request: Request, report_id: str):
    cached = await redis.get(f"report:{report_id}:html")
    context = run_in_request_scope(request.headers.get("x-request-id", "-"), build_page_context, request, report_id, cached)
    return templates.TemplateResponse("report.html", context)


async def publish(report_id: str, body: str) -> dict[str, Any]:
    async with httpx.AsyncClient(verify=make_ssl_context(CA_FILE), timeout=10) as client:
        resp = await client.put(f"{CDN_URL}/{report_id}.html", content=body)
    await redis.set(f"report:{report_id}:html", body)
    return {"status": resp.status_code}


@serve.post("/workflows/reports")
async def build_report(context: AsyncWorkflowContext[dict]) -> None:
    report_id = context.request_payload["report_id"]

    async def _collect() -> dict[str, Any]:
        rows = await redis.lrange(f"report:{report_id}:rows", 0, -1)
        return {"rows": rows, "count": len(rows)}

    collected = await context.run("collect", _collect)
    if collected["count"] == 0:
        await context.run("mark-empty", lambda: {"report": report_id, "empty": True})
        return

    def _render() -> str:
        template = templates.env.get_template("report_body.html")
        return template.render({"report_id": report_id, "rows": collected["rows"], "at": datetime.now(timezone.utc).isoformat()})

    html = await context.run("render", _render)
    await context.run("publish", lambda: publish(report_id, html))


@click.group()
@click.pass_context
def cli(ctx: click.Context) -> None:
    ctx.ensure_object(dict)
    ctx.obj["started"] = datetime.now(timezone.utc).isoformat()


@cli.command()
@click.argument("report_id")
def trigger(report_id: str) -> None:
    with httpx.Client(verify=make_ssl_context(CA_FILE), timeout=10) as client:
        client.post("https://api.internal/workflows/reports", json={"report_id": report_id})


@cli.command()
@click.argument("report_id")
@click.pass_context
def rebuild(ctx: click.Context, report_id: str) -> None:
    click.echo(f"rebuilding {report_id}")
    ctx.invoke(trigger, report_id=report_id)
