# shapes: (no configuration: default rules only) a route on the serve imported from web.py: the module-level httpx AsyncClient of clients.py awaited before the first step, deciding an early return (UWF103, UWF104); tokens.new_reference (-> crypto -> secrets.token_hex) in a step name (UWF102, UWF106); slots.clinic_is_closed (time.localtime) deciding a sleep (UWF101, UWF105) with an invalid duration string (UWF307); a deliberate random room pick under noqa (UWF102) reaching only a step body; asyncio.sleep under a bare noqa; logging in orchestration code and a repeated literal step name (UWF108 and UWF309 are opt-in and not selected)
import asyncio
import logging

from upstash_workflow import AsyncWorkflowContext

from clinicq import sms
from clinicq.clients import ehr
from clinicq.slots import clinic_is_closed, pick_overflow_room
from clinicq.tokens import new_reference
from clinicq.web import serve

logger = logging.getLogger(__name__)


@serve.post("/reminders")
async def send_reminders(context: AsyncWorkflowContext[dict]) -> None:
    appointment_id = context.request_payload["appointment_id"]
    logger.info("reminder run for %s", appointment_id)

    resp = await ehr.get(f"/appointments/{appointment_id}")  # expect: UWF103
    if resp.status_code == 404:
        return  # expect: UWF104

    ref = new_reference()  # expect: UWF102
    await context.run(f"remind-{appointment_id}-{ref}", lambda: sms.send_reminder(appointment_id))  # expect: UWF106

    if clinic_is_closed():  # expect: UWF101, UWF105
        await context.sleep("wait-for-opening", "90min")  # expect: UWF307

    room = pick_overflow_room(["B1", "B2", "B3"])  # noqa: UWF102
    await context.run("hold-room", lambda: sms.hold_room(appointment_id, room))
    await asyncio.sleep(2)  # noqa
    await context.run("send-confirmation", lambda: sms.send_confirmation(appointment_id))
    await context.run("send-confirmation", lambda: sms.send_confirmation(appointment_id, channel="email"))
