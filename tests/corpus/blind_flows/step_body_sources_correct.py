# shapes: correct. Sync serve(fn) and serve(route_function=fn) on Flask; every source sits inside a step body, together with the control flow it decides: a while loop on time.monotonic() inside a nested def step, a match on random.choice inside a step, a walrus redis get with an early return inside a step, a for over Path.glob() inside a step, a for/else with break on requests inside a step, functools.partial over a function reading uuid4 and the clock, lambdas with secrets; sleep_until with time.time() directly in its argument; orchestration branches only on step results
import functools
import logging
import os
import random
import secrets
import time
import uuid
from datetime import datetime, timezone
from pathlib import Path

import redis
import requests
from flask import Flask
from upstash_workflow import WorkflowContext, serve

log = logging.getLogger("media")

app = Flask(__name__)

MEDIA_API = os.environ.get("MEDIA_API", "https://media.internal")
SPOOL = Path(os.environ.get("SPOOL_DIR", "/srv/spool"))
ENCODERS = ["enc-a", "enc-b", "enc-c"]
cache = redis.Redis(host=os.environ.get("REDIS_HOST", "localhost"), decode_responses=True)


def stamp_upload(asset: str, kind: str) -> dict:
    upload_id = uuid.uuid4().hex
    requests.post(f"{MEDIA_API}/uploads", json={"id": upload_id, "asset": asset, "kind": kind}, timeout=30)
    return {"upload_id": upload_id, "at": datetime.now(timezone.utc).isoformat()}


def transcode(context: WorkflowContext[dict]) -> None:
    asset = context.request_payload["asset"]

    def _wait_for_source() -> dict:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            resp = requests.get(f"{MEDIA_API}/assets/{asset}", timeout=10)
            if resp.json().get("ready"):
                return {"ready": True}
            time.sleep(5)
        return {"ready": False}

    source = context.run("wait-for-source", _wait_for_source)
    if not source["ready"]:
        context.run("report-missing", lambda: requests.post(f"{MEDIA_API}/assets/{asset}/missing", timeout=10).status_code)
        return

    def _pick_encoder() -> str:
        match random.choice(ENCODERS):
            case "enc-a":
                return "enc-a" if cache.get("enc-a:healthy") == "1" else "enc-b"
            case other:
                return other

    encoder = context.run("pick-encoder", _pick_encoder)
    context.run(f"encode-{encoder}", lambda: requests.post(f"{MEDIA_API}/encoders/{encoder}/jobs", json={"asset": asset}, timeout=60).json())
    context.run("register-upload", functools.partial(stamp_upload, asset, "rendition"))
    context.sleep_until("publish-window", time.time() + 1800)
    context.run("publish", lambda: requests.post(f"{MEDIA_API}/assets/{asset}/publish", json={"nonce": secrets.token_hex(8)}, timeout=30).status_code)


def sweep_spool(context: WorkflowContext[dict]) -> None:
    label = context.request_payload.get("label", "nightly")

    def _claim() -> dict:
        if (owner := cache.get("spool:owner")) is not None:
            return {"claimed": False, "owner": owner}
        cache.set("spool:owner", label, ex=3600)
        return {"claimed": True, "owner": label}

    claim = context.run("claim-spool", _claim)
    if not claim["claimed"]:
        log.info("spool already owned by %s", claim["owner"])
        return

    def _collect() -> list:
        names = []
        for path in sorted(SPOOL.glob("*.part")):
            if path.stat().st_mtime > time.time() - 300:
                continue
            names.append(path.name)
        return names

    stale = context.run("collect-stale", _collect)
    for name in stale:
        context.run("remove-part", lambda name=name: (SPOOL / name).unlink(missing_ok=True))

    def _notify() -> dict:
        for attempt in range(3):
            resp = requests.post(f"{MEDIA_API}/spool/swept", json={"count": len(stale)}, timeout=10)
            if resp.ok:
                break
            time.sleep(2 ** attempt + random.random())
        else:
            return {"notified": False}
        return {"notified": True}

    context.run("notify-sweep", _notify)


transcode_handler = serve(transcode)["handler"]
sweep_handler = serve(route_function=sweep_spool)["handler"]
app.add_url_rule("/media/transcode", endpoint="transcode", view_func=transcode_handler, methods=["POST"])
app.add_url_rule("/media/sweep", endpoint="sweep", view_func=sweep_handler, methods=["POST"])
