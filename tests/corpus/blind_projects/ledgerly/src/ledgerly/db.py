# shapes: DB module that never imports the SDK: engine, a sessionmaker factory, an ORM row, a dataclass, and helpers that return a dataclass / a Decimal / a dict (no findings here even though every helper does I/O)
from __future__ import annotations

import os
from dataclasses import asdict, dataclass
from decimal import Decimal

from sqlalchemy import String, create_engine, select
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, sessionmaker

engine = create_engine(os.environ.get("DATABASE_URL", "sqlite:///ledgerly.db"), pool_pre_ping=True)
SessionLocal = sessionmaker(bind=engine, expire_on_commit=False)


class Base(DeclarativeBase):
    pass


class InvoiceRow(Base):
    __tablename__ = "invoices"

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    customer_id: Mapped[str] = mapped_column(String(32))
    amount: Mapped[str] = mapped_column(String(20))
    currency: Mapped[str] = mapped_column(String(3))
    due_date: Mapped[str] = mapped_column(String(10))
    status: Mapped[str] = mapped_column(String(12), default="open")


@dataclass
class Invoice:
    id: str
    customer_id: str
    amount: str
    currency: str
    status: str


def load_invoice(invoice_id: str) -> Invoice:
    with SessionLocal() as session:
        row = session.get(InvoiceRow, invoice_id)
        return Invoice(id=row.id, customer_id=row.customer_id, amount=row.amount, currency=row.currency, status=row.status)


def invoice_as_dict(invoice_id: str) -> dict:
    return asdict(load_invoice(invoice_id))


def invoice_total(invoice_id: str) -> Decimal:
    with SessionLocal() as session:
        row = session.get(InvoiceRow, invoice_id)
        return Decimal(row.amount)


def list_overdue(as_of: str) -> list[str]:
    with SessionLocal() as session:
        ids = session.scalars(select(InvoiceRow.id).where(InvoiceRow.status == "open", InvoiceRow.due_date < as_of))
        return list(ids)


def mark_paid(invoice_id: str, charge_id: str) -> dict:
    with SessionLocal.begin() as session:
        row = session.get(InvoiceRow, invoice_id)
        row.status = "paid"
    return {"invoice_id": invoice_id, "charge_id": charge_id, "status": "paid"}


def mark_overdue(invoice_id: str) -> dict:
    with SessionLocal.begin() as session:
        row = session.get(InvoiceRow, invoice_id)
        if row is not None and row.status == "open":
            row.status = "overdue"
    return {"invoice_id": invoice_id, "status": "overdue"}
