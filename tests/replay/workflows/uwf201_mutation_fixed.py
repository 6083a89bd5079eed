"""The step returns the offers (`async_serve`).

Clean. The replay: the recorded offers are saved.
"""

from upstash_workflow import AsyncWorkflowContext, async_serve

from tests.replay.world import fetch_offers, save_record


async def collect_offers(context: AsyncWorkflowContext[dict]) -> None:
    async def _fetch() -> list:
        return await fetch_offers("fast")

    offers = await context.run("fetch-offers", _fetch)
    await context.run("save-offers", lambda: save_record("offers", offers))


collect_offers_workflow = async_serve(collect_offers)
