# shapes: `from __future__ import annotations` with the SDK's context class imported only under `TYPE_CHECKING`; `serve` from `.serving` (a `Serve(APIRouter)`); `from learnpath.catalog import seats_left` (package re-export, httpx) deciding a waitlist step followed by a return; `from learnpath.catalog import factories as steps`: imported step factories next to an eager imported call; a `# wfcheck: deterministic` helper in a step name; a clock helper deciding a sleep; `import learnpath.catalog.seats as seat_api` reaching a step name; `from learnpath import notifications`: an unannotated workflow helper of a module without the SDK called by keyword (reported at the call) and another called inside a step (UWF202); annotated helpers of grading.py behind a `functools.wraps` decorator (nothing at their calls); a failure function imported under an alias
from __future__ import annotations

import logging
from typing import TYPE_CHECKING

import learnpath.catalog.seats as seat_api
from learnpath import notifications
from learnpath.catalog import factories as steps
from learnpath.catalog import seats_left
from learnpath.common.calendar import current_term, term_is_open
from learnpath.failures import on_enrolment_failed as enrolment_failed

from .grading import grade_placement, issue_certificate
from .serving import serve

if TYPE_CHECKING:
    from upstash_workflow import AsyncWorkflowContext

log = logging.getLogger(__name__)


@serve.post("/enrol", failure_function=enrolment_failed)
async def enrol(context: AsyncWorkflowContext[dict]) -> None:
    req = context.request_payload
    course_id, learner = req["course_id"], req["learner"]
    if seats_left(course_id) == 0:  # expect: UWF103, UWF105
        await context.run("add-to-waitlist", steps.waitlist_step(course_id, learner["id"]))
        return
    term = current_term()
    await context.run(f"reserve-seat-{term}", steps.reserve_seat_step(course_id, learner["id"]))
    await context.run("grant-access", steps.grant_access_step(course_id, learner["id"]))
    await context.run("welcome-email", steps.welcome_email(learner))  # expect: UWF203
    if not term_is_open():  # expect: UWF101, UWF105
        await context.sleep("wait-for-term-start", "7d")
    await notifications.schedule_reminder(context=context, learner=learner)  # expect: UWF101
    log.info("enrolled %s in %s (%s)", learner["id"], course_id, term)


@serve.post("/complete")
async def complete_course(context: AsyncWorkflowContext[dict]) -> None:
    req = context.request_payload
    learner_id, course_id = req["learner_id"], req["course_id"]
    placement = await grade_placement(context, learner_id, req["answers"])
    await issue_certificate(context, learner_id, course_id)

    async def _archive() -> dict:
        await notifications.send_certificate_mail(context, learner_id, course_id)  # expect: UWF202
        return {"archived": course_id, "score": placement["percent"]}

    await context.run("archive-transcript", _archive)


@serve.post("/waitlist/promote")
async def promote_from_waitlist(context: AsyncWorkflowContext[dict]) -> None:
    req = context.request_payload
    slot = seat_api.waitlist_position(req["course_id"], req["learner_id"])  # expect: UWF103
    await context.run(f"promote-slot-{slot}", steps.promote_step(req["course_id"], req["learner_id"]))  # expect: UWF106
    await context.run("confirm-promotion", lambda: seat_api.confirm(req["course_id"], req["learner_id"]))
