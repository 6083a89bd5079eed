# shapes: no SDK: StockRepository keeps a SQLAlchemy engine in self.engine and reads it through engine.connect()/engine.begin(); available() is read outside a step in routes.py (reported there), the other methods only run inside steps; a nightly recount reads the clock and the database freely; nothing here is a finding
from datetime import datetime, timezone

from sqlalchemy import create_engine, text


class StockRepository:
    def __init__(self, url: str) -> None:
        self.engine = create_engine(url)

    def available(self, sku: str) -> int:
        with self.engine.connect() as conn:
            row = conn.execute(text("SELECT qty FROM stock WHERE sku = :sku"), {"sku": sku}).first()
        return int(row[0]) if row else 0

    def reserve(self, sku: str, wave_id: str) -> dict:
        with self.engine.begin() as conn:
            conn.execute(text("UPDATE stock SET reserved = reserved + 1, wave = :wave WHERE sku = :sku"), {"sku": sku, "wave": wave_id})
        return {"sku": sku, "wave": wave_id}

    def backorder(self, sku: str, qty: int) -> dict:
        with self.engine.begin() as conn:
            conn.execute(text("INSERT INTO backorders (sku, qty) VALUES (:sku, :qty)"), {"sku": sku, "qty": qty})
        return {"sku": sku, "backordered": qty}

    def release_batch(self, batch_id: str) -> dict:
        with self.engine.begin() as conn:
            conn.execute(text("UPDATE batches SET released = 1 WHERE id = :id"), {"id": batch_id})
        return {"batch": batch_id, "released": True}


def nightly_recount(repo: StockRepository) -> dict:
    with repo.engine.connect() as conn:
        total = conn.execute(text("SELECT SUM(qty) FROM stock")).scalar()
    return {"total": int(total or 0), "counted_at": datetime.now(timezone.utc).isoformat()}
