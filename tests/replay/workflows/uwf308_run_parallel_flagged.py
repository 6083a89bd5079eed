"""An invented context method, `run_parallel`.

UWF308 at the attribute, and UWF301 at the function name: an unknown method is no step call,
so no step is left. The replay: "AttributeError: '_DisabledWorkflowContext' object has no
attribute 'run_parallel'" in the dry run of the first request.
"""

from fastapi import FastAPI
from upstash_workflow import AsyncWorkflowContext
from upstash_workflow.fastapi import Serve

from tests.replay.world import charge_card, reserve_stock

app = FastAPI()
serve = Serve(app)


@serve.post("/api/orders")
async def place_order(context: AsyncWorkflowContext[dict]) -> None:  # expect: UWF301
    order = context.request_payload

    await context.run_parallel(  # expect: UWF308
        [
            ("charge", lambda: charge_card(order["id"], order["amount"])),
            ("reserve", lambda: reserve_stock(order["sku"])),
        ]
    )
