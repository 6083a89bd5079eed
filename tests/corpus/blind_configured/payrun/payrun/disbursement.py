# shapes: (clean) an annotated workflow helper called with the context from flows.py; a file-level `# wfcheck: noqa: UWF107` silences the asyncio.sleep between transfers; steps from functools.partial in a loop over a step result with names built from it
# wfcheck: noqa: UWF107
import asyncio
from functools import partial

from upstash_workflow import AsyncWorkflowContext

from payrun import bank, payroll_db


async def pay_employees(context: AsyncWorkflowContext[dict], tenant_id: str, period: str) -> None:
    employees = await context.run("load-employees", partial(payroll_db.list_employees, tenant_id, period))
    for employee in employees:
        await context.run(f"pay-{employee['id']}", partial(bank.transfer, tenant_id, employee))
        # the bank sandbox rejects bursts of transfers
        await asyncio.sleep(0.5)
    await context.run("dispatch-payslips", partial(bank.send_payslips, tenant_id, period))
