# shapes: workflow module (SDK import); post_restock_alert, an annotated one-step workflow helper that nothing in this file calls, whose step is a functools.partial over an imported function; called from orchestration in workflows.nightly_sync (fine) and inside a step in workflows.sku_sync (UWF202 there); correct itself
import functools

from upstash_workflow import AsyncWorkflowContext

from shelfsync import tasks


async def post_restock_alert(context: AsyncWorkflowContext[dict], sku: str) -> None:
    await context.run(f"restock-alert-{sku}", functools.partial(tasks.send_alert, sku))
