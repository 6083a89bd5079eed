# shapes: Flask (sync) routes on the serve of web.py, context annotated WorkflowContext[dict]; imported async defs passed by name to the sync context, through the module and through an `as` alias (UWF205); imported defs with a required positional and a required keyword-only parameter, and an imported step factory passed uncalled (UWF205), next to the fine forms (zero-parameter def, defaulted-only def, *args-only def, partials binding the required parameters, the factory called); a partial with time.time() bound directly (fine) and through a local (UWF101 at the source); a uuid4 read in orchestration that reaches only a lambda step (UWF102); lambdas and a nested def returning imported helpers' bytes, dates, UUIDs (inside a dict literal), plain-class instances, Paths and sets (UWF204), a project pydantic model built in a lambda (UWF204), the fine conversions (asdict, decode, isoformat, str, model_dump(mode="json"), dicts); eager calls of an imported function and of an aliased one (UWF203); an imported unannotated one-step helper called from orchestration (fine) and inside a lambda step (UWF202); step results flowing into later steps
import functools
import time
import uuid
from dataclasses import asdict

from upstash_workflow import WorkflowContext

from clinicq import jobs, paging, records
from clinicq.jobs import sync_chart as chart_sync
from clinicq.jobs import triage_score as score
from clinicq.web import serve


@serve.route("/visits/confirm")
def confirm_visit(context: WorkflowContext[dict]) -> None:
    payload = context.request_payload
    aid = payload["appointment_id"]
    pid = payload["patient_id"]

    appt = context.run("load-appointment", lambda: asdict(jobs.load_appointment(aid)))
    context.run("labs", jobs.fetch_labs)  # expect: UWF205
    context.run("chart", chart_sync)  # expect: UWF205
    context.run("roster", jobs.sync_roster)
    context.run("waitlist", jobs.rebuild_waitlist)
    context.run("purge-holds", jobs.purge_holds)

    context.run("book", jobs.book_slot)  # expect: UWF205
    context.run("book-slot", functools.partial(jobs.book_slot, aid))
    context.run("remind", jobs.send_reminder)  # expect: UWF205
    context.run("remind-sms", functools.partial(jobs.send_reminder, channel="sms"))
    context.run("reminder", jobs.reminder_step)  # expect: UWF205
    context.run("reminder-mail", jobs.reminder_step(appt))
    context.run("log-visit", functools.partial(jobs.log_visit, aid, time.time()))

    ref = uuid.uuid4().hex  # expect: UWF102
    context.run("hold", lambda: jobs.place_hold(aid, ref))

    if appt["urgent"]:
        paging.page_on_call(context, pid)

    context.sleep("before-letter", "1d")


@serve.route("/visits/letter")
def visit_letter(context: WorkflowContext[dict]) -> None:
    payload = context.request_payload
    aid = payload["appointment_id"]
    pid = payload["patient_id"]
    rid = payload.get("referral_id")

    appt = context.run("load-appointment", lambda: asdict(jobs.load_appointment(aid)))

    context.run("letter", lambda: jobs.render_letter(appt))  # expect: UWF204
    letter_text = context.run("letter-text", lambda: jobs.render_letter(appt).decode("utf-8"))
    context.run("next-visit", lambda: jobs.next_visit_date(appt))  # expect: UWF204
    next_visit = context.run("next-visit-iso", lambda: jobs.next_visit_date(appt).isoformat())
    context.run("token", lambda: {"appointment": aid, "token": jobs.visit_token(aid)})  # expect: UWF204
    token = context.run("token-str", lambda: str(jobs.visit_token(aid)))
    context.run("patient", lambda: jobs.load_patient(pid))  # expect: UWF204
    patient = context.run("patient-record", lambda: jobs.patient_record(pid))
    context.run("schedule-file", lambda: jobs.schedule_path(appt["clinic"]))  # expect: UWF204

    def _open_slots():
        return jobs.open_slot_ids(appt["clinic"])  # expect: UWF204

    context.run("open-slots", _open_slots)

    if rid:
        context.run("referral", lambda: records.Referral(patient_id=pid, reason=payload["reason"]))  # expect: UWF204
        context.run("referral-json", lambda: jobs.load_referral(rid).model_dump(mode="json"))

    logged_at = time.time()  # expect: UWF101
    context.run("log-letter", functools.partial(jobs.log_visit, aid, logged_at))
    chart = context.run("chart-summary", jobs.build_chart_summary(appt))  # expect: UWF203
    triage = context.run("triage", score(payload))  # expect: UWF203
    context.run("send-letter", functools.partial(jobs.send_letter, patient["email"], letter_text, next_visit, token))

    if patient["high_risk"]:
        context.run("escalate", lambda: paging.page_on_call(context, pid))  # expect: UWF202

    context.run("close", lambda: {"chart": chart, "triage": triage, "letter": letter_text})
