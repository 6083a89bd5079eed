# shapes: one Flask ops service mixing registrations: bare @async_serve on a plain def (with its unawaited steps in a loop and after it), flask Serve(app).route on an async def, serve(route_function=...) on an async def, a route with no step that only logs and publishes through context.qstash_client, a route whose only helper makes no step; fine: a route delegating to a helper of the file that makes a step, sync serve(fn) on a plain def
import logging
import shutil
import subprocess

from flask import Flask
from upstash_workflow import async_serve, serve
from upstash_workflow.flask import Serve

logger = logging.getLogger("ops")
app = Flask(__name__)
flask_serve = Serve(app)

STATUS_URL = "https://status.example.com/ping"


def rotate_keys(service: str) -> str:
    out = subprocess.run(["vault", "rotate", service], capture_output=True, text=True, check=True)
    return out.stdout.strip()


def snapshot(db: str) -> str:
    return subprocess.run(["pg_dump", "-Fc", db, "-f", f"/backups/{db}.dump"], check=True).args[-1]


def purge_zone(zone: str) -> int:
    return subprocess.run(["cdnctl", "purge", zone], check=False).returncode


@async_serve
def rotate_api_keys(context):  # expect: UWF304
    services = context.request_payload["services"]
    for service in services:
        context.run(f"rotate-{service}", lambda s=service: rotate_keys(s))  # expect: UWF303
    context.sleep("propagation", 300)  # expect: UWF303


@flask_serve.route("/ops/backup")
async def nightly_backup(context):  # expect: UWF304
    await context.run("snapshot", lambda: snapshot("primary"))
    await context.sleep("settle", "10m")
    await context.run("verify", lambda: snapshot("replica"))


async def reindex_search(context):  # expect: UWF304
    await context.run("reindex", lambda: subprocess.run(["search-admin", "reindex"], check=True).returncode)


reindex_handler = serve(route_function=reindex_search)["handler"]


@flask_serve.route("/ops/ping")
def ping_workflow(context) -> None:  # expect: UWF301
    logger.info("ping from %s", context.headers.get("user-agent"))
    context.qstash_client.message.publish_json(url=STATUS_URL, body={"run": context.workflow_run_id})  # expect: UWF103


def log_request(context) -> None:
    logger.info("cache purge requested: %s", context.request_payload)


@flask_serve.route("/ops/purge-cache")
def purge_cache(context) -> None:  # expect: UWF301
    log_request(context)


def purge_cdn(context, zone: str) -> None:
    context.run(f"purge-{zone}", lambda: purge_zone(zone))


@flask_serve.route("/ops/purge-cdn")
def purge_cdn_route(context) -> None:
    purge_cdn(context, context.request_payload["zone"])


def cleanup_tmp(context) -> None:
    context.run("cleanup", lambda: shutil.rmtree("/tmp/ops-scratch", ignore_errors=True))


cleanup_handler = serve(cleanup_tmp)["handler"]
