# Flask + SQLModel: a session lookup before the first step decides an early return, a session query is the iterable of a loop of steps, engine and session construction at module level and in with statements; a route that keeps every query inside steps (correct)
import os

from flask import Flask
from sqlmodel import Field, Session, SQLModel, create_engine, select
from upstash_workflow import WorkflowContext
from upstash_workflow.flask import Serve

from billing.invoices import audit_seats, issue_invoice, notify_cancellation

app = Flask(__name__)
serve = Serve(app)
engine = create_engine(os.environ["DATABASE_URL"], pool_pre_ping=True)


class Subscription(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    customer_id: str
    status: str
    seats: int


@serve.route("/workflows/renew")
def renew(context: WorkflowContext[dict]) -> None:
    sub_id = context.request_payload["subscription_id"]

    with Session(engine) as session:
        sub = session.get(Subscription, sub_id)  # expect: UWF103
        if sub is None or sub.status == "cancelled":
            return  # expect: UWF104
        customer_id = sub.customer_id

    def _invoice() -> dict:
        invoice = issue_invoice(customer_id, sub_id)
        return {"invoice_id": invoice.id}

    context.run("issue-invoice", _invoice)


@serve.route("/workflows/seat-audit")
def seat_audit(context: WorkflowContext[dict]) -> None:
    with Session(engine) as session:
        for sub in session.exec(select(Subscription).where(Subscription.status == "active")):  # expect: UWF103, UWF105
            context.run(f"audit-{sub.id}", lambda sub_id=sub.id: audit_seats(sub_id))


@serve.route("/workflows/cancel")
def cancel(context: WorkflowContext[dict]) -> None:
    sub_id = context.request_payload["subscription_id"]

    def _load() -> dict | None:
        with Session(engine) as session:
            sub = session.get(Subscription, sub_id)
            return sub.model_dump() if sub else None

    sub = context.run("load-subscription", _load)
    if sub is None or sub["status"] == "cancelled":
        return

    def _cancel() -> dict:
        with Session(engine) as session:
            row = session.get(Subscription, sub_id)
            row.status = "cancelled"
            session.add(row)
            session.commit()
        return {"cancelled": sub_id}

    context.run("cancel-subscription", _cancel)
    context.run("notify", lambda: notify_cancellation(sub["customer_id"]))
