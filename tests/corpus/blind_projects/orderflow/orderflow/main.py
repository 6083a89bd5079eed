# shapes: FastAPI app and the Serve object that orders.py and returns.py import (`from orderflow.main import serve`); route modules imported at the bottom to register them (an import cycle); plain views only (no findings)
from __future__ import annotations

from fastapi import FastAPI
from upstash_workflow.fastapi import Serve

from orderflow.deps import cache

app = FastAPI(title="orderflow")
serve = Serve(app)


@app.get("/healthz")
async def healthz() -> dict:
    return {"ok": True}


@app.get("/orders/{order_id}/lock")
def order_lock(order_id: str) -> dict:
    return {"order_id": order_id, "locked": cache.get(f"order-lock:{order_id}") is not None}


from orderflow import orders, returns  # noqa: E402,F401  (registers the workflow routes)
