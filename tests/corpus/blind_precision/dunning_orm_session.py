# shapes: 6 labels; Flask Serve(app), untyped context `wf`; a SQLAlchemy Session held in a module global read with `db.get(...)` before the first step, followed by an early return (103, 104); a repository class of the file holding the session in `self.session` (annotated Session) whose method is iterated to make steps (103+105 at the call; the step names built from the loop target are not 106 inside that construct); a settings row read after the first step deciding a return before later steps (103, 105); fine: a pure staticmethod of the repository in orchestration, the session and repository used inside steps, `with Session(engine)` inside a step, functools.partial steps
import functools
import logging
from typing import Any

import requests
from flask import Flask
from sqlalchemy import Boolean, ForeignKey, Integer, String, create_engine, select, update
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column
from upstash_workflow.flask import Serve

log = logging.getLogger("dunning")

app = Flask(__name__)
serve = Serve(app)

engine = create_engine("postgresql+psycopg://dunning@db/dunning", pool_pre_ping=True)
db = Session(engine)
MAILER_URL = "https://mailer.internal/send"


class Base(DeclarativeBase):
    pass


class Customer(Base):
    __tablename__ = "customers"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    email: Mapped[str] = mapped_column(String)
    opted_out: Mapped[bool] = mapped_column(Boolean, default=False)


class Invoice(Base):
    __tablename__ = "invoices"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customers.id"))
    days_overdue: Mapped[int] = mapped_column(Integer, default=0)
    paid: Mapped[bool] = mapped_column(Boolean, default=False)
    stage: Mapped[str] = mapped_column(String, default="none")


class DunningSettings(Base):
    __tablename__ = "dunning_settings"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    paused: Mapped[bool] = mapped_column(Boolean, default=False)


class DunningRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def overdue_invoices(self, customer_id: int) -> list[Invoice]:
        stmt = select(Invoice).where(Invoice.customer_id == customer_id, Invoice.paid.is_(False))
        return list(self.session.scalars(stmt))

    def mark_stage(self, invoice_id: int, stage: str) -> dict[str, Any]:
        self.session.execute(update(Invoice).where(Invoice.id == invoice_id).values(stage=stage))
        self.session.commit()
        return {"invoice": invoice_id, "stage": stage}

    @staticmethod
    def stage_for(days_overdue: int) -> str:
        if days_overdue > 30:
            return "final"
        return "friendly" if days_overdue > 7 else "nudge"


repo = DunningRepository(db)


def load_contact(customer_id: int) -> dict[str, Any]:
    with Session(engine) as session:
        customer = session.get(Customer, customer_id)
        return {"email": customer.email if customer else None}


def send_reminder(email: str, invoice_id: int, stage: str) -> dict[str, Any]:
    resp = requests.post(MAILER_URL, json={"to": email, "invoice": invoice_id, "template": stage}, timeout=10)
    return {"status": resp.status_code}


@serve.route("/workflows/dunning")
def dunning(wf) -> None:
    customer_id = int(wf.request_payload["customer_id"])
    default_stage = DunningRepository.stage_for(int(wf.request_payload.get("min_days", 0)))

    customer = db.get(Customer, customer_id)  # expect: UWF103
    if customer is None or customer.opted_out:
        return  # expect: UWF104

    contact = wf.run("load-contact", functools.partial(load_contact, customer_id))
    if contact["email"] is None:
        return

    for invoice in repo.overdue_invoices(customer_id):  # expect: UWF103, UWF105
        stage = DunningRepository.stage_for(invoice.days_overdue)
        wf.run(f"remind-{invoice.id}-{stage}", functools.partial(send_reminder, contact["email"], invoice.id, stage))

    settings = db.get(DunningSettings, 1)  # expect: UWF103
    if settings is not None and settings.paused:  # expect: UWF105
        log.info("dunning paused, stopping %s", customer_id)
        return

    wf.sleep("cool-off", "3d")
    open_ids = wf.run("reload-open", lambda: [i.id for i in repo.overdue_invoices(customer_id)])
    for invoice_id in open_ids:
        wf.run(f"escalate-{invoice_id}", lambda invoice_id=invoice_id: repo.mark_stage(invoice_id, default_stage))
