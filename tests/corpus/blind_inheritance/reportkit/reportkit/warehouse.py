# shapes: no SDK; Warehouse over a SQLAlchemy engine held in self.engine; Fetchers, staticmethod step factories returning lambdas; uuid4 export keys (no finding)
import uuid

from sqlalchemy import create_engine, text

ENGINE_URL = "postgresql+psycopg://warehouse/analytics"


class Warehouse:
    def __init__(self, url: str = ENGINE_URL) -> None:
        self.engine = create_engine(url, pool_pre_ping=True)

    def fetch(self, table: str, day: str) -> list:
        with self.engine.connect() as conn:
            result = conn.execute(text(f"SELECT tag, value FROM {table} WHERE day = :day"), {"day": day})
            return [dict(row._mapping) for row in result]

    def row_count(self, table: str, day: str) -> int:
        with self.engine.connect() as conn:
            return int(conn.execute(text(f"SELECT count(*) FROM {table} WHERE day = :day"), {"day": day}).scalar_one())

    def export(self, table: str, day: str) -> str:
        key = f"exports/{day}/{table}-{uuid.uuid4().hex}.csv"
        with self.engine.begin() as conn:
            conn.execute(text("INSERT INTO export_jobs (key, tbl, day) VALUES (:k, :t, :d)"), {"k": key, "t": table, "d": day})
        return key

    def list_exports(self, day: str) -> list:
        with self.engine.connect() as conn:
            return [row.key for row in conn.execute(text("SELECT key FROM export_jobs WHERE day = :d"), {"d": day})]

    def seal_exports(self, keys: list) -> dict:
        with self.engine.begin() as conn:
            conn.execute(text("UPDATE export_jobs SET sealed = true WHERE key = ANY(:keys)"), {"keys": keys})
        return {"sealed": len(keys)}

    def audit(self, week: str) -> dict:
        with self.engine.connect() as conn:
            missing = conn.execute(text("SELECT count(*) FROM export_jobs WHERE week = :w AND sealed = false"), {"w": week}).scalar_one()
        return {"week": week, "unsealed": int(missing)}

    def refresh_tags(self, day: str, limit: int) -> int:
        with self.engine.begin() as conn:
            return conn.execute(text("REFRESH MATERIALIZED VIEW top_tags")).rowcount or limit


class Fetchers:
    @staticmethod
    def for_table(table: str, day: str):
        return lambda: Warehouse().export(table, day)

    @staticmethod
    def counter(table: str, day: str):
        return lambda: Warehouse().row_count(table, day)
