# service class whose method is registered as obj.method on an APIRouter Serve: a dependency-injected async redis in self read before the first step with an early return, a self attribute assigned inside a step, a Decimal step result, a helper of the file returning a dataclass followed into from a step
from __future__ import annotations

from dataclasses import asdict, dataclass
from decimal import Decimal

from fastapi import APIRouter
from upstash_redis.asyncio import Redis
from upstash_workflow import AsyncWorkflowContext
from upstash_workflow.fastapi import Serve

from payments.gateway import PaymentGateway

router = APIRouter(prefix="/billing")


@dataclass
class Receipt:
    invoice_id: str
    charge_id: str
    amount_cents: int


def build_receipt(invoice_id: str, charge: dict) -> Receipt:
    return Receipt(invoice_id=invoice_id, charge_id=charge["charge_id"], amount_cents=charge["amount_cents"])


class BillingWorkflows:
    def __init__(self, redis: Redis, gateway: PaymentGateway) -> None:
        self.redis = redis
        self.gateway = gateway
        self.last_invoice_id: str | None = None

    async def charge(self, context: AsyncWorkflowContext[dict]) -> None:
        invoice_id = context.request_payload["invoice_id"]

        if await self.redis.get(f"invoice:{invoice_id}:charged"):  # expect: UWF103
            return  # expect: UWF104

        async def _load_total():
            invoice = await self.gateway.get_invoice(invoice_id)
            return Decimal(invoice["total"])  # expect: UWF204

        total = await context.run("load-total", _load_total)

        async def _charge() -> dict:
            charge = await self.gateway.charge(invoice_id, str(total))
            self.last_invoice_id = invoice_id  # expect: UWF201
            return {"charge_id": charge.id, "amount_cents": charge.amount_cents}

        charge = await context.run("charge", _charge)

        async def _receipt():
            return build_receipt(invoice_id, charge)  # expect: UWF204

        await context.run("receipt", _receipt)

        async def _receipt_dict() -> dict:
            return asdict(build_receipt(invoice_id, charge))

        receipt = await context.run("receipt-json", _receipt_dict)

        async def _mark() -> None:
            await self.redis.set(f"invoice:{invoice_id}:charged", receipt["charge_id"])

        await context.run("mark-charged", _mark)


workflows = BillingWorkflows(redis=Redis.from_env(), gateway=PaymentGateway.from_env())
serve = Serve(router)
serve.post("/charge")(workflows.charge)
