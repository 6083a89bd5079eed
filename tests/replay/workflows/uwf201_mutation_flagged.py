"""A step that fills a list of the route function instead of returning it (`async_serve`).

UWF201 at the `extend`. The replay: the list is filled during the call that runs the step and
is empty again on the next call, so an empty list of offers is saved.
"""

from upstash_workflow import AsyncWorkflowContext, async_serve

from tests.replay.world import fetch_offers, save_record


async def collect_offers(context: AsyncWorkflowContext[dict]) -> None:
    offers: list[str] = []

    async def _fetch() -> None:
        offers.extend(await fetch_offers("fast"))  # expect: UWF201

    await context.run("fetch-offers", _fetch)
    await context.run("save-offers", lambda: save_record("offers", offers))


collect_offers_workflow = async_serve(collect_offers)
