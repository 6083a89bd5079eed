"""The coupon code drawn in a step of its own (sync `serve`).

Clean. The replay: the code is drawn once; the saved and the e-mailed coupon are the same.
"""

import random

from upstash_workflow import WorkflowContext, serve

from tests.replay.world import save_record, send_email


def welcome(context: WorkflowContext[dict]) -> None:
    user = context.request_payload
    coupon = context.run("new-coupon", lambda: f"WELCOME-{random.randint(1000, 9999)}")

    context.run("save-coupon", lambda: save_record("coupon", coupon))
    context.run("email-coupon", lambda: send_email(user["email"], coupon))


welcome_workflow = serve(welcome)
