# shapes: OnboardingPlan stores the context from an __init__ annotated with the OnboardCtx alias of typing_helpers.py and makes every step through self.ctx; HRIS/directory/facilities/mailer reads only inside steps, through functools.partial of bound methods of the deps container; a method that returns a step factory; a uuid5 classmethod and a run-id-seeded random.Random in step names; a pure staticmethod whose value reaches sleep_until; an early return on a step result; the documented WorkflowAbort re-raise; entirely correct
import functools
import logging
import random

from upstash_workflow import WorkflowAbort

from onboardly.ids import Ids
from onboardly.services.deps import OnboardingDeps
from onboardly.typing_helpers import OnboardCtx
from onboardly.workdays import Workdays

log = logging.getLogger(__name__)

BUDDIES = ("amara", "jonas", "li-wei", "sofia")


class OnboardingPlan:
    def __init__(self, ctx: OnboardCtx, deps: OnboardingDeps) -> None:
        self.ctx = ctx
        self.deps = deps

    def _account_step(self, hire: dict):
        def create_account() -> dict:
            return self.deps.directory.create_account(hire["email"], hire["department"])

        return create_account

    async def run(self, employee_id: str) -> None:
        hire = await self.ctx.run("fetch-hire", functools.partial(self.deps.hris.fetch_hire, employee_id))
        if hire["status"] == "withdrawn":
            return
        account = await self.ctx.run("create-account", self._account_step(hire))
        badge = Ids.badge_id(employee_id)
        await self.ctx.run(f"print-badge-{badge}", functools.partial(self.deps.facilities.print_badge, badge, hire["name"]))
        rng = random.Random(self.ctx.workflow_run_id)
        buddy = rng.choice(BUDDIES)
        await self.ctx.run(f"assign-buddy-{buddy}", functools.partial(self.deps.mailer.introduce_buddy, hire["email"], buddy))
        first_day = Workdays.first_day_at(hire["start_date"])
        await self.ctx.sleep_until("wait-first-day", first_day.timestamp())
        try:
            await self.ctx.run("send-welcome", functools.partial(self.deps.mailer.send_welcome, hire["email"], account["login"]))
        except Exception as exc:
            if isinstance(exc, WorkflowAbort):
                raise
            log.warning("welcome mail failed for %s: %s", employee_id, exc)
        await self.ctx.run("assign-groups", functools.partial(self.deps.directory.assign_groups, account["login"], hire["groups"]))
