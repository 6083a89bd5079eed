"""A plain `def` route function registered with FastAPI's async adapter.

UWF304 at the function name, and UWF303 at the step call: the adapter makes the route async,
so the call returns a coroutine that nothing awaits.
The replay: importing the module fails, the adapter raises
"ValueError: route_function must be an async function when using the @serve.post decorator".
"""

from fastapi import FastAPI
from upstash_workflow import WorkflowContext
from upstash_workflow.fastapi import Serve

from tests.replay.world import reserve_stock

app = FastAPI()
serve = Serve(app)


@serve.post("/api/reservations")
def reserve(context: WorkflowContext[dict]) -> None:  # expect: UWF304
    order = context.request_payload
    context.run("reserve", lambda: reserve_stock(order["sku"]))  # expect: UWF303
