# shapes: (clean) a route on the serve imported from api.py: a deterministic header check returning before the first step; acme_common.tenancy.tenant_region, an installed async function declared deterministic in pyproject, awaited before the first step and used in a step name; load_tenant_policy (`# wfcheck: deterministic`) deciding steps; is_bank_holiday, whose only source is the configured-deterministic holiday_calendar, deciding a sleep; a deliberate cache read under noqa (UWF103) whose value reaches only a step function; stable_id in a step name; next_payday_morning (clock) reaching only logging and sleep_until through one local; functools.partial steps; an annotated helper of disbursement.py taking the context; a failure function that pages (not workflow code); logging in orchestration code (UWF108 not selected)
import logging
from functools import partial

from acme_common.ids import stable_id
from acme_common.tenancy import tenant_region
from upstash_workflow import AsyncWorkflowContext

from payrun import alerts, payroll_db
from payrun.api import serve
from payrun.calendar_rules import is_bank_holiday, next_payday_morning
from payrun.clients import ledger_cache
from payrun.disbursement import pay_employees
from payrun.policies import load_tenant_policy

logger = logging.getLogger(__name__)


async def payroll_failed(context, fail_status, fail_response, fail_headers):
    await alerts.page_payroll_team(context.workflow_run_id, fail_status, fail_response)


@serve.post("/payroll", failure_function=payroll_failed)
async def run_payroll(context: AsyncWorkflowContext[dict]) -> None:
    if context.headers.get("x-payrun-source") != "scheduler":
        return

    tenant_id = context.request_payload["tenant_id"]
    period = context.request_payload["period"]
    pay_date = context.request_payload["pay_date"]
    region = await tenant_region(tenant_id)
    policy = load_tenant_policy(tenant_id)
    snapshot = await ledger_cache.get(f"ledger:{tenant_id}:{period}")  # noqa: UWF103
    logger.info("payroll %s for %s in %s", period, tenant_id, region)

    run_key = stable_id("payroll", tenant_id, period)
    totals = await context.run(f"compute-totals-{region}-{run_key}", partial(payroll_db.compute_totals, tenant_id, period, snapshot))

    if policy["requires_approval"]:
        await context.run("request-approval", partial(alerts.request_approval, tenant_id, totals))
        await context.sleep("approval-window", "1d")

    if is_bank_holiday(pay_date):
        await context.sleep("skip-bank-holiday", "1d")

    payday = next_payday_morning(pay_date)
    logger.info("disbursement scheduled for %s", payday)
    await context.sleep_until("wait-for-payday", payday)

    await pay_employees(context, tenant_id, period)
    await context.run("close-period", partial(payroll_db.close_period, tenant_id, period))
