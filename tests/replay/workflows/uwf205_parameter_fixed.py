"""The parameter bound by a lambda that takes none.

Clean. The replay: the card is charged once.
"""

from fastapi import FastAPI
from upstash_workflow import AsyncWorkflowContext
from upstash_workflow.fastapi import Serve

from tests.replay.world import charge_card

app = FastAPI()
serve = Serve(app)


@serve.post("/api/orders")
async def place_order(context: AsyncWorkflowContext[dict]) -> None:
    order = context.request_payload

    async def _charge(order_id: str) -> dict:
        return await charge_card(order_id, order["amount"])

    await context.run("charge", lambda: _charge(order["id"]))
