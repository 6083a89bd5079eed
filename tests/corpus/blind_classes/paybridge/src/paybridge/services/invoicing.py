# shapes: InvoiceSaga built with the context in another module (__init__ annotated `uw.AsyncWorkflowContext[dict]` through `import upstash_workflow as uw`) and a LedgerGateway; every step goes through self.ctx in async methods; a method returning a step factory and functools.partial of bound gateway methods (fine); bugs whose place does not depend on the caller: a project dataclass returned by a step through models.build_invoice, an unawaited self.ctx.run, a self.ctx.sleep nested in a step, try/except Exception around a step, a pure file function called eagerly as the step argument
import functools
import logging

import upstash_workflow as uw

from paybridge.gateways import LedgerGateway
from paybridge.models import build_invoice

log = logging.getLogger(__name__)


def render_receipt(invoice_id: str, amount_cents: int) -> dict:
    return {"template": "receipt-v2", "invoice_id": invoice_id, "amount": f"{amount_cents / 100:.2f}"}


class InvoiceSaga:
    def __init__(self, ctx: uw.AsyncWorkflowContext[dict], ledger: LedgerGateway) -> None:
        self.ctx = ctx
        self.ledger = ledger

    def _render_step(self, invoice_id: str):
        def render_pdf() -> dict:
            return {"pdf_key": f"invoices/{invoice_id}.pdf"}

        return render_pdf

    async def execute(self, payload: dict) -> None:
        invoice_id = payload["invoice_id"]
        amount_cents = int(payload["amount_cents"])
        await self.ctx.run("build-invoice", lambda: build_invoice(payload))  # expect: UWF204
        await self.ctx.run("render-pdf", self._render_step(invoice_id))
        await self.ctx.run("post-ledger-entry", functools.partial(self.ledger.post_entry, invoice_id, amount_cents))
        self.ctx.run("emit-ledger-event", lambda: {"invoice_id": invoice_id, "event": "posted"})  # expect: UWF303
        await self._collect(invoice_id, amount_cents)
        await self.ctx.run("send-receipt", render_receipt(invoice_id, amount_cents))  # expect: UWF203

    async def _collect(self, invoice_id: str, amount_cents: int) -> None:
        async def charge_card() -> dict:
            receipt = self.ledger.charge(invoice_id, amount_cents)
            await self.ctx.sleep("settle-delay", 30)  # expect: UWF202
            return receipt

        await self.ctx.run("charge-card", charge_card)
        try:
            await self.ctx.run("mark-paid", functools.partial(self.ledger.mark_paid, invoice_id))
        except Exception:  # expect: UWF305
            log.exception("mark-paid failed for %s", invoice_id)
