"""A coupon code drawn outside a step, saved by one step and e-mailed by the next (sync `serve`).

UWF102 at `random.randint`. The replay: the two steps run on different calls and get different
codes, so the customer is sent a coupon that was never saved.
"""

import random

from upstash_workflow import WorkflowContext, serve

from tests.replay.world import save_record, send_email


def welcome(context: WorkflowContext[dict]) -> None:
    user = context.request_payload
    coupon = f"WELCOME-{random.randint(1000, 9999)}"  # expect: UWF102

    context.run("save-coupon", lambda: save_record("coupon", coupon))
    context.run("email-coupon", lambda: send_email(user["email"], coupon))


welcome_workflow = serve(welcome)
