# shapes: FastAPI app factory create_app() registering a nested route with Serve(app), context named `ctx`, unawaited step calls as a statement, an assignment, an if test, both branches of a conditional expression, and the route's return value; fine: await over a conditional expression of steps, a plain-def helper returning a step call that every caller awaits, awaited steps in a loop with default-argument lambdas, stripe inside steps
import stripe
from fastapi import FastAPI
from upstash_workflow import AsyncWorkflowContext
from upstash_workflow.fastapi import Serve

RECEIPTS_URL = "https://receipts.example.com/send"
ACCOUNTING_URL = "https://accounting.example.com/hooks/invoice-closed"


def lock_invoice(invoice_id: str) -> dict:
    stripe.Invoice.modify(invoice_id, metadata={"locked": "true"})
    return {"locked": invoice_id}


def charge(customer_id: str, amount_cents: int) -> str:
    intent = stripe.PaymentIntent.create(customer=customer_id, amount=amount_cents, currency="eur", confirm=True)
    return intent.id


def is_disputed(payment_id: str) -> bool:
    return bool(stripe.Dispute.list(payment_intent=payment_id, limit=1).data)


def post_line(invoice_id: str, line: dict) -> dict:
    return {"invoice": invoice_id, "line": line["id"], "posted": True}


def start_receipt(ctx: AsyncWorkflowContext[dict], invoice_id: str):
    return ctx.call("send-receipt", url=RECEIPTS_URL, method="POST", body={"invoice": invoice_id})


def create_app() -> FastAPI:
    app = FastAPI()
    serve = Serve(app)

    @serve.post("/billing/close-invoice")
    async def close_invoice(ctx: AsyncWorkflowContext[dict]):
        invoice = ctx.request_payload
        invoice_id = invoice["id"]
        auto_close = bool(invoice.get("auto_close"))

        ctx.run("lock-invoice", lambda: lock_invoice(invoice_id))  # expect: UWF303
        payment_id = await ctx.run("charge", lambda: charge(invoice["customer"], invoice["amount"]))
        settlement = ctx.sleep("settlement-window", "1d")  # expect: UWF303

        if ctx.run("is-disputed", lambda: is_disputed(payment_id)):  # expect: UWF303
            await ctx.run("open-dispute", lambda: {"invoice": invoice_id, "payment": payment_id})

        await start_receipt(ctx, invoice_id)

        marker = ctx.run("mark-paid", lambda: {"paid": invoice_id}) if auto_close else ctx.run("flag-manual", lambda: {"manual": invoice_id})  # expect: UWF303, UWF303
        await (ctx.run("ledger-auto", lambda: {"ledger": "auto"}) if auto_close else ctx.run("ledger-manual", lambda: {"ledger": "manual"}))

        for line in invoice.get("lines", []):
            await ctx.run(f"post-line-{line['id']}", lambda line=line: post_line(invoice_id, line))

        return ctx.call("notify-accounting", url=ACCOUNTING_URL, method="POST", body={"invoice": invoice_id})  # expect: UWF303

    return app
