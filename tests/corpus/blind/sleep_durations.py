# sleep durations on a trial workflow: a module-level float constant, timedelta.total_seconds(), a human-readable string, a true division, a suffix that is not a unit; valid forms: int(total_seconds()), "1mo", "2h", an int literal, sleep_until with float arithmetic in its argument
import time
from datetime import timedelta

from fastapi import FastAPI
from upstash_workflow import AsyncWorkflowContext
from upstash_workflow.fastapi import Serve

from trials.mailer import send_trial_mail
from trials.accounts import downgrade

app = FastAPI()
serve = Serve(app)

BACKOFF_SECONDS = 2.5
REMINDER_GAP = timedelta(hours=6)
TRIAL_DAYS = 14


@serve.post("/workflows/trial")
async def trial(context: AsyncWorkflowContext[dict]) -> None:
    account_id = context.request_payload["account_id"]
    trial_days = int(context.request_payload.get("trial_days", TRIAL_DAYS))

    await context.run("welcome", lambda: send_trial_mail(account_id, "welcome"))
    await context.sleep("short-backoff", BACKOFF_SECONDS)  # expect: UWF307
    await context.sleep("reminder-gap", REMINDER_GAP.total_seconds())  # expect: UWF307
    await context.run("tips", lambda: send_trial_mail(account_id, "tips"))

    await context.sleep("mid-trial", trial_days * 86400 / 2)  # expect: UWF307
    await context.run("mid-trial-mail", lambda: send_trial_mail(account_id, "halfway"))

    await context.sleep("trial-end", "14 days")  # expect: UWF307
    await context.sleep("grace", "90sec")  # expect: UWF307
    await context.run("downgrade", lambda: downgrade(account_id))


@serve.post("/workflows/trial-v2")
async def trial_v2(context: AsyncWorkflowContext[dict]) -> None:
    account_id = context.request_payload["account_id"]
    trial_days = int(context.request_payload.get("trial_days", TRIAL_DAYS))

    await context.run("welcome", lambda: send_trial_mail(account_id, "welcome"))
    await context.sleep("reminder-gap", int(REMINDER_GAP.total_seconds()))
    await context.run("tips", lambda: send_trial_mail(account_id, "tips"))
    await context.sleep("mid-trial", trial_days * 86400 // 2)
    await context.sleep("follow-up", "2h")
    await context.sleep("renewal-window", "1mo")
    await context.sleep("short-pause", 30)
    await context.sleep_until("trial-end", time.time() + trial_days * 86400 + 0.5 * 3600)
    await context.run("downgrade", lambda: downgrade(account_id))
