# shapes: a second route module on the imported serve; deliberate lines under noqa naming UWF108 and UWF103, whose suppression stays on their line: the kill-switch value read under noqa still decides a sleep (UWF105 at the test); configured stable_id in a step name (fine); an early return after a step on a step result (fine); a nested step function that logs (fine)
import logging

from acme_common.ids import stable_id
from upstash_workflow import AsyncWorkflowContext

from quotedesk.clients import cache
from quotedesk.main import serve
from quotedesk.offers import build_offer, charge_renewal

logger = logging.getLogger(__name__)


@serve.post("/renewals")
async def renew_policy(context: AsyncWorkflowContext[dict]) -> None:
    policy_id = context.request_payload["policy_id"]
    logger.debug("renewal run for %s", policy_id)  # noqa: UWF108

    paused = cache.get("renewals:paused")  # noqa: UWF103
    if paused:  # expect: UWF105
        await context.sleep("renewals-paused", "6h")

    key = stable_id("renewal", policy_id)
    offer = await context.run(f"renewal-offer-{key}", lambda: build_offer(policy_id))
    if not offer["eligible"]:
        return

    async def _charge() -> dict:
        logger.info("charging renewal %s", policy_id)
        return charge_renewal(policy_id, offer["premium"])

    await context.run("renewal-charge", _charge)
