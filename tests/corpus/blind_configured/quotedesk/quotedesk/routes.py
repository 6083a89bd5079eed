# shapes: a route on the serve imported from main.py (UWF108 selected, UWF107 ignored): logging and print in orchestration code (UWF108), none in steps or in the failure function; the upstash_redis client of clients.py read before the first step, deciding an early return (UWF103, UWF104); scoring.risk_score (-> bureau -> the requests Session of clients.py) deciding a branch that makes a step and returns (UWF103, UWF105); load_rate_table declared deterministic in pyproject (fine); rates.current_quarter (date.today) in a step name (UWF101, UWF106); acme_common stable_id in a step name (fine); an annotated helper of underwriting.py and an unannotated helper of notify.py taking the context (nothing at their calls); asyncio.sleep between steps (UWF107, ignored by configuration); a clock value reaching only logging and sleep_until (the clock is exempt, the log call is UWF108)
import asyncio
import logging
from datetime import datetime, timedelta, timezone

from acme_common.ids import stable_id
from upstash_workflow import AsyncWorkflowContext

from quotedesk.clients import cache
from quotedesk.main import serve
from quotedesk.notify import archive_quote, email_quote, log_failure, send_documents
from quotedesk.rates import current_quarter, load_rate_table
from quotedesk.scoring import risk_score
from quotedesk.underwriting import underwrite

logger = logging.getLogger(__name__)


async def on_quote_failed(context, fail_status, fail_response, fail_headers):
    logger.error("quote workflow %s failed with %s", context.workflow_run_id, fail_status)
    print("failure body:", fail_response)
    log_failure(context.workflow_run_id, fail_status, datetime.now(timezone.utc).isoformat())


@serve.post("/quotes", failure_function=on_quote_failed)
async def create_quote(context: AsyncWorkflowContext[dict]) -> None:
    payload = context.request_payload
    quote_id = payload["quote_id"]
    applicant = payload["applicant"]
    logger.info("quote %s requested", quote_id)  # expect: UWF108

    cached = cache.get(f"quote:{quote_id}")  # expect: UWF103
    if cached is not None:
        return  # expect: UWF104

    table = load_rate_table()
    score = risk_score(applicant["id"])  # expect: UWF103
    if score < table["min_score"]:  # expect: UWF105
        await context.run("decline-quote", lambda: email_quote(quote_id, declined=True))
        return

    quote = await underwrite(context, applicant)
    await asyncio.sleep(1)

    quarter = current_quarter()  # expect: UWF101
    await context.run(f"file-quote-{quarter}", lambda: email_quote(quote_id, premium=quote["premium"]))  # expect: UWF106

    ref = stable_id("quote", quote_id)
    await context.run(f"archive-{ref}", lambda: archive_quote(ref, quote))
    await send_documents(context, quote_id)

    follow_up = datetime.now(timezone.utc) + timedelta(days=14)
    logger.info("acceptance window closes %s", follow_up)  # expect: UWF108
    await context.sleep_until("await-acceptance", follow_up)

    await asyncio.sleep(1)
    await context.run("expire-quote", lambda: archive_quote(ref, {"status": "expired"}))
    print(f"quote {quote_id} closed")  # expect: UWF108
