# shapes: SDK module; an annotated workflow helper (context typed AsyncWorkflowContext[dict]) that also takes a `store: Redis` parameter: the read through that parameter decides a step inside the helper (103, 105 here, nothing at its call in workflows.py); a second annotated helper whose only read is inside its step
from redis import Redis
from upstash_workflow import AsyncWorkflowContext

from pantry.stock import fetch_nutrition_sheet, shelf_label


async def attach_nutrition(context: AsyncWorkflowContext[dict], store: Redis, sku: str) -> None:
    cached = store.get(f"nutrition:{sku}")  # expect: UWF103
    if cached is None:  # expect: UWF105
        await context.run("fetch-nutrition", lambda: fetch_nutrition_sheet(sku))


async def label_shelf(context: AsyncWorkflowContext[dict], store: Redis, sku: str) -> str:
    async def _label() -> str:
        label = shelf_label(sku)
        store.set(f"label:{sku}", label)
        return label

    return await context.run("shelf-label", _label)
