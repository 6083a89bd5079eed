# shapes: sync serve(route_function=fn) and serve(fn) mounted on Flask with add_url_rule; non-deterministic values reaching step names: a datetime.now() local through an f-string format spec (101, 106), a random.sample pick through a subscript (102, 106), a secrets token through a file function that takes it as an argument (102, 106); fine: names from the run id, a payload field, a step result's field, and uuid5 of the payload; secrets inside a lambda step body
import logging
import os
import random
import secrets
import uuid
from datetime import datetime, timezone

import requests
from flask import Flask
from upstash_workflow import WorkflowContext, serve

log = logging.getLogger("storage")

app = Flask(__name__)

STORAGE_API = os.environ.get("STORAGE_API", "https://storage.internal")
NAMESPACE = uuid.UUID("6f1c2d4e-8a7b-4c3d-9e0f-112233445566")


def storage(path: str, body: dict | None = None) -> dict:
    resp = requests.post(f"{STORAGE_API}{path}", json=body or {}, timeout=30)
    resp.raise_for_status()
    return resp.json()


def claim_step_name(token: str) -> str:
    return "claim-" + token.replace("-", "")[:10]


def snapshot_volume(context: WorkflowContext[dict]) -> None:
    volume = context.request_payload["volume"]
    stamp = datetime.now(timezone.utc)  # expect: UWF101
    context.run(f"snapshot-{volume}-{stamp:%Y%m%d%H}", lambda: storage("/snapshots", {"volume": volume}))  # expect: UWF106
    shards = context.run("list-shards", lambda: storage("/shards/list", {"volume": volume})["shards"])
    picks = random.sample(shards, 2)  # expect: UWF102
    context.run(f"verify-{picks[0]}", lambda: storage("/shards/verify", {"shard": picks[0]}))  # expect: UWF106
    context.run(f"finalize-{context.workflow_run_id}", lambda: storage("/snapshots/finalize", {"volume": volume}))


def lease_pool(context: WorkflowContext[dict]) -> None:
    pool = context.request_payload["pool"]
    claim = secrets.token_urlsafe(9)  # expect: UWF102
    context.run(claim_step_name(claim), lambda: storage("/claims", {"pool": pool, "claim": claim}))  # expect: UWF106
    lease = context.run(f"lease-{pool}", lambda: storage("/leases", {"pool": pool}))
    context.run(f"renew-{lease['lease_id']}", lambda: storage("/leases/renew", {"lease": lease["lease_id"]}))
    context.sleep("hold", lease.get("hold_seconds", 600))
    context.run(f"release-{lease['lease_id']}", lambda: storage("/leases/release", {"lease": lease["lease_id"]}))


def migrate_table(context) -> None:
    table = context.request_payload["table"]
    owner = context.request_payload.get("owner", "platform")
    batch_key = uuid.uuid5(NAMESPACE, table).hex[:8]
    context.run(f"prepare-{table}-{batch_key}", lambda: storage("/migrations/prepare", {"table": table}))
    result = context.run("copy-rows", lambda: storage("/migrations/copy", {"table": table, "nonce": secrets.token_hex(8)}))
    context.run(f"notify-{owner}", lambda: storage("/notify", {"owner": owner, "rows": result["rows"]}))
    context.run(f"swap-{result['target']}", lambda: storage("/migrations/swap", {"target": result["target"]}))


snapshots = serve(route_function=snapshot_volume)
leases = serve(lease_pool, retries=3)
migrations = serve(route_function=migrate_table)

app.add_url_rule("/volumes/snapshot", endpoint="snapshot", view_func=snapshots["handler"], methods=["POST"])
app.add_url_rule("/pools/lease", endpoint="lease", view_func=leases["handler"], methods=["POST"])
app.add_url_rule("/tables/migrate", endpoint="migrate", view_func=migrations["handler"], methods=["POST"])
