# shapes: payroll database over SQLAlchemy sessions (no SDK); functions return plain dicts and lists
import os
from datetime import datetime, timezone

from sqlalchemy import create_engine, text
from sqlalchemy.orm import sessionmaker

engine = create_engine(os.environ.get("PAYROLL_DB_URL", "postgresql+psycopg://payroll@db/payroll"))
Session = sessionmaker(engine)


def compute_totals(tenant_id: str, period: str, snapshot) -> dict:
    with Session() as session:
        row = session.execute(
            text("SELECT sum(gross), sum(net), count(*) FROM payslips WHERE tenant = :t AND period = :p"),
            {"t": tenant_id, "p": period},
        ).one()
    return {"gross": float(row[0] or 0), "net": float(row[1] or 0), "count": int(row[2]), "cached": snapshot is not None}


def list_employees(tenant_id: str, period: str) -> list:
    with Session() as session:
        rows = session.execute(
            text("SELECT id, iban, net FROM payslips WHERE tenant = :t AND period = :p"), {"t": tenant_id, "p": period}
        ).all()
    return [{"id": str(r[0]), "iban": r[1], "net": float(r[2])} for r in rows]


def close_period(tenant_id: str, period: str) -> dict:
    with Session.begin() as session:
        session.execute(
            text("UPDATE periods SET closed_at = :now WHERE tenant = :t AND period = :p"),
            {"now": datetime.now(timezone.utc), "t": tenant_id, "p": period},
        )
    return {"closed": True}


def count_missing_entries(tenant_id: str) -> int:
    with Session() as session:
        return int(session.execute(text("SELECT count(*) FROM missing_entries WHERE tenant = :t"), {"t": tenant_id}).scalar_one())


def backfill(tenant_id: str, expected: int, started_at: float) -> dict:
    with Session.begin() as session:
        session.execute(text("CALL backfill_ledger(:t)"), {"t": tenant_id})
    return {"expected": expected, "started_at": started_at}


def verify(tenant_id: str) -> dict:
    return {"missing": count_missing_entries(tenant_id)}
