# shapes: DunningRunner stores the context from an __init__ annotated with the InvoiceCtx alias of typing_helpers.py; a staticmethod uuid5 key reached as self.reminder_key() in step names; a loop of steps over range(); the ledger singleton used only inside steps; an early return on a step result inside the method; entirely correct
import uuid

from paybridge.gateways import ledger
from paybridge.typing_helpers import InvoiceCtx

REMINDER_NAMESPACE = uuid.UUID("6f1c2a8e-3b7d-4c59-9e0a-2d4b8f6a1c37")


class DunningRunner:
    def __init__(self, ctx: InvoiceCtx, max_attempts: int = 3, interval_seconds: int = 86400) -> None:
        self.ctx = ctx
        self.max_attempts = max_attempts
        self.interval_seconds = interval_seconds

    @staticmethod
    def reminder_key(invoice_id: str, attempt: int) -> str:
        return str(uuid.uuid5(REMINDER_NAMESPACE, f"{invoice_id}:{attempt}"))

    async def run(self, invoice_id: str) -> None:
        for attempt in range(1, self.max_attempts + 1):
            key = self.reminder_key(invoice_id, attempt)

            async def send_reminder(attempt: int = attempt, key: str = key) -> dict:
                return ledger.notify_overdue(invoice_id, attempt, key)

            outcome = await self.ctx.run(f"remind-{key}", send_reminder)
            if outcome["paid"]:
                return
            await self.ctx.sleep(f"wait-after-{attempt}", self.interval_seconds)
        await self.ctx.run("hand-to-collections", lambda: ledger.open_collection_case(invoice_id))
