# shapes: 9 labels; async_serve(fn) mounted on Starlette, unannotated route parameter `flow`; an annotated workflow helper called with the context whose own orchestration tests os.urandom to decide a step (102+105 inside the helper, nothing at its call); a module-level Path read with .read_text() before a loop of steps (103), the loop (105), an `if` on the loop target deciding its own step (105), step names from the loop target (no 106 inside those constructs); `match` on secrets.choice (102+105); an awaited conditional expression of two steps whose test is uuid.uuid1() (102+105); fine: Path reads inside steps (read_bytes().hex() as a result), a payload-driven match, the helper's unconditional step
import os
import secrets
import uuid
from pathlib import Path
from typing import Any

import httpx
from starlette.applications import Starlette
from starlette.routing import Route
from upstash_workflow import AsyncWorkflowContext, async_serve

MANIFEST = Path("/srv/imports/manifest.txt")
INBOX = Path("/srv/imports/inbox")
IMPORT_API = "https://imports.internal"
VARIANTS = ["short", "long", "visual"]


async def api(path: str, body: Any = None) -> dict[str, Any]:
    async with httpx.AsyncClient(base_url=IMPORT_API, timeout=30) as client:
        resp = await client.post(path, json=body)
    return {"status": resp.status_code}


async def maybe_canary(flow: AsyncWorkflowContext[dict], batch: str) -> None:
    if os.urandom(1)[0] < 26:  # expect: UWF102, UWF105
        await flow.run(f"canary-{batch}", lambda: api(f"/batches/{batch}/canary"))
    await flow.run(f"promote-{batch}", lambda: api(f"/batches/{batch}/promote"))


async def import_batches(flow) -> None:
    batch = flow.request_payload["batch"]
    mode = flow.request_payload.get("mode", "append")

    match mode:
        case "replace":
            await flow.run("truncate", lambda: api(f"/batches/{batch}/truncate"))
        case _:
            await flow.run("keep-existing", lambda: {"batch": batch, "mode": mode})

    await maybe_canary(flow, batch)
    await flow.run("manifest-checksum", lambda: MANIFEST.read_bytes().hex()[:16])

    names = MANIFEST.read_text().splitlines()  # expect: UWF103
    for name in names:  # expect: UWF105
        if name.endswith(".gz"):  # expect: UWF105
            await flow.run(f"unpack-{name}", lambda name=name: api("/unpack", {"file": str(INBOX / name)}))
        await flow.run(f"import-{name}", lambda name=name: api("/import", {"file": name, "batch": batch}))

    match secrets.choice(VARIANTS):  # expect: UWF102, UWF105
        case "short":
            await flow.run("send-short-summary", lambda: api(f"/batches/{batch}/summary", {"variant": "short"}))
        case "long":
            await flow.run("send-long-summary", lambda: api(f"/batches/{batch}/summary", {"variant": "long"}))
        case _:
            await flow.run("send-visual-summary", lambda: api(f"/batches/{batch}/summary", {"variant": "visual"}))

    await (flow.run("archive-cold", lambda: api(f"/batches/{batch}/archive", {"tier": "cold"})) if uuid.uuid1().int % 2 else flow.run("archive-warm", lambda: api(f"/batches/{batch}/archive", {"tier": "warm"})))  # expect: UWF102, UWF105

    await flow.run("inbox-size", lambda: {"files": sum(1 for _ in INBOX.iterdir())})


import_handler = async_serve(import_batches, retries=1)["handler"]

app = Starlette(routes=[Route("/workflows/imports", import_handler, methods=["POST"])])
