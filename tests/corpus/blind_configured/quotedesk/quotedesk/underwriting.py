# shapes: an annotated workflow helper (AsyncWorkflowContext) in a workflow module, called with the context from routes.py, so its findings sit inside it: a logging call in orchestration code (UWF108, selected), a random referral sample deciding a step (UWF102, UWF105); rates.rate_for, whose only source is the configured-deterministic load_rate_table (fine); logging inside a step (fine)
import logging
import random

from upstash_workflow import AsyncWorkflowContext

from quotedesk.notify import refer_to_underwriter
from quotedesk.rates import rate_for

logger = logging.getLogger(__name__)


async def underwrite(context: AsyncWorkflowContext[dict], applicant: dict) -> dict:
    logger.info("underwriting applicant %s", applicant["id"])  # expect: UWF108
    region_rate = rate_for(applicant["region"])

    async def _price() -> dict:
        logger.info("pricing %s at %s", applicant["id"], region_rate)
        return {"premium": round(applicant["sum_insured"] * region_rate, 2)}

    quote = await context.run("underwrite-price", _price)

    if random.random() < 0.05:  # expect: UWF102, UWF105
        await context.run("manual-referral", lambda: refer_to_underwriter(applicant["id"], quote))
    return quote
