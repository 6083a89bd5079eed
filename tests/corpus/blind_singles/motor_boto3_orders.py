# shapes: FastAPI Serve(app), context annotated with a string "AsyncWorkflowContext[dict]", an awaited motor find_one before the first step followed by an early return, a module-level boto3 client read after a step deciding a step, os.urandom in orchestration reaching only a context.call header; fine: SQLAlchemy sessionmaker sessions, psycopg, aiohttp, boto3 and motor only inside steps, environment reads at module level
import os

import aiohttp
import boto3
import psycopg
from fastapi import FastAPI
from motor.motor_asyncio import AsyncIOMotorClient
from sqlalchemy import create_engine, text
from sqlalchemy.orm import sessionmaker
from upstash_workflow import AsyncWorkflowContext
from upstash_workflow.fastapi import Serve

app = FastAPI()
serve = Serve(app)

mongo = AsyncIOMotorClient(os.environ.get("MONGO_URL", "mongodb://mongo:27017"))
orders = mongo["shop"]["orders"]
s3 = boto3.client("s3")
engine = create_engine(os.environ.get("WAREHOUSE_URL", "postgresql+psycopg://wh@db/wh"))
SessionLocal = sessionmaker(bind=engine)
PAYMENTS_DSN = os.environ.get("PAYMENTS_DSN", "postgresql://pay@db/payments")

INVOICE_BUCKET = "invoices"
MAX_INLINE_BYTES = 5_000_000
ERP_URL = "https://erp.example.com/hooks/fulfilled"
RENDERER = "https://pdf.example.com/render"


def reserve_stock(order: dict) -> list[str]:
    with SessionLocal() as session:
        for item in order["items"]:
            session.execute(text("update stock set qty = qty - :q where sku = :s"), {"q": item["qty"], "s": item["sku"]})
        session.commit()
    return [item["sku"] for item in order["items"]]


def record_payment(order_id: str, amount: float) -> None:
    with psycopg.connect(PAYMENTS_DSN) as conn:
        conn.execute("insert into payments (order_id, amount) values (%s, %s)", (order_id, amount))


async def render_invoice(order_id: str) -> str:
    async with aiohttp.ClientSession() as session:
        async with session.post(RENDERER, json={"order": order_id}) as resp:
            pdf = await resp.read()
    key = f"{order_id}.pdf"
    s3.put_object(Bucket=INVOICE_BUCKET, Key=key, Body=pdf)
    return key


def compress_invoice(key: str) -> str:
    s3.copy_object(Bucket=INVOICE_BUCKET, Key=f"small/{key}", CopySource={"Bucket": INVOICE_BUCKET, "Key": key})
    return f"small/{key}"


async def mark_status(order_id: str, status: str) -> None:
    await orders.update_one({"_id": order_id}, {"$set": {"status": status}})


@serve.post("/orders/fulfil")
async def fulfil_order(ctx: "AsyncWorkflowContext[dict]") -> None:
    order_id = ctx.request_payload["order_id"]

    existing = await orders.find_one({"_id": order_id, "status": "fulfilled"})  # expect: UWF103
    if existing is not None:
        return  # expect: UWF104

    async def _load() -> dict:
        doc = await orders.find_one({"_id": order_id})
        return {"id": order_id, "items": doc["items"], "total": float(doc["total"])}

    order = await ctx.run("load-order", _load)
    reserved = await ctx.run("reserve-stock", lambda: reserve_stock(order))
    await ctx.run("record-payment", lambda: record_payment(order_id, order["total"]))
    key = await ctx.run("render-invoice", lambda: render_invoice(order_id))

    head = s3.head_object(Bucket=INVOICE_BUCKET, Key=key)  # expect: UWF103
    if head["ContentLength"] > MAX_INLINE_BYTES:  # expect: UWF105
        await ctx.run("compress-invoice", lambda: compress_invoice(key))

    trace_id = os.urandom(8).hex()  # expect: UWF102
    await ctx.call("notify-erp", url=ERP_URL, method="POST", body={"order": order_id, "skus": reserved, "invoice": key}, headers={"x-trace-id": trace_id})
    await ctx.run("mark-fulfilled", lambda: mark_status(order_id, "fulfilled"))
