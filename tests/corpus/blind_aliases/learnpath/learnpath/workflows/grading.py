# shapes: `from __future__ import annotations` with the `EnrolCtx` alias of wftypes.py imported only under `TYPE_CHECKING`; workflow helpers annotated with it and wrapped by `with_audit` (another module, `functools.wraps`), called from enrolment.py, with their findings inside them: `random.random()` in an `and` test deciding a step, a clock helper of another module (`calendar.is_graduation_week()`) deciding a step; imported step factories (fine)
from __future__ import annotations

import random
from typing import TYPE_CHECKING

from learnpath.catalog import factories as steps
from learnpath.common import calendar
from learnpath.common.decorators import with_audit

if TYPE_CHECKING:
    from learnpath.wftypes import EnrolCtx

REGISTRAR_URL = "https://registrar.internal/certificates"


@with_audit
async def grade_placement(context: EnrolCtx, learner_id: str, answers: list) -> dict:
    score = await context.run("score-placement", steps.scoring_step(answers))
    if score["percent"] < 40 and random.random() < 0.5:  # expect: UWF102, UWF105
        await context.run("assign-remedial", steps.remedial_step(learner_id))
    return score


@with_audit
async def issue_certificate(context: EnrolCtx, learner_id: str, course_id: str) -> None:
    await context.run("render-certificate", steps.certificate_step(learner_id, course_id))
    if calendar.is_graduation_week():  # expect: UWF101, UWF105
        await context.run("invite-to-ceremony", lambda: {"learner": learner_id, "invited": True})
    await context.call("notify-registrar", url=REGISTRAR_URL, method="POST", body={"learner": learner_id, "course": course_id})
