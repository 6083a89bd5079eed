# shapes: no SDK: InvoiceRepository keeps an upstash_redis client (Redis.from_env()) in self.redis; status() is read outside a step in workflows.py (reported there) and inside a step (fine); nothing here is a finding
from typing import Optional

from upstash_redis import Redis


class InvoiceRepository:
    def __init__(self) -> None:
        self.redis = Redis.from_env()

    def status(self, invoice_id: str) -> Optional[str]:
        return self.redis.get(f"invoice:{invoice_id}:status")

    def set_status(self, invoice_id: str, status: str) -> bool:
        return bool(self.redis.set(f"invoice:{invoice_id}:status", status))

    def open_invoice_ids(self, customer_id: str) -> list:
        return sorted(self.redis.smembers(f"customer:{customer_id}:open"))
