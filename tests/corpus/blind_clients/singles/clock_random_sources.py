# shapes: async_serve(fn)["handler"], unannotated `flow`; module-level unseeded random.Random() and random.SystemRandom() whose methods run in orchestration (102), the SystemRandom value kept in a local reaching only a call body (still 102: the local-variable exemption is for clocks); numpy.random deciding a step (102+105); time.localtime() without its time argument deciding a sleep (101, 105); arrow.utcnow() deciding a step (101+105); django.utils.timezone.now() inside a step name (101+106); time.ctime() directly in a call body (exempt); a random.Random seeded with the run id in a step name (fine)
import random
import time

import arrow
import numpy as np
from django.utils import timezone
from upstash_workflow import async_serve

jitter = random.Random()
secure = random.SystemRandom()


def score_lead(lead: str, variant: str) -> int:
    return len(lead) + (1 if variant == "a" else 2)


def send_sample(lead: str) -> str:
    return f"sample:{lead}"


def touch(lead: str) -> str:
    return f"touched:{lead}"


async def nurture(flow):
    lead = flow.request_payload["lead"]
    variant = jitter.choice(["a", "b"])  # expect: UWF102
    await flow.run("score", lambda: score_lead(lead, variant))
    if np.random.random() < 0.2:  # expect: UWF102, UWF105
        await flow.run("send-sample", lambda: send_sample(lead))
    hour = time.localtime().tm_hour  # expect: UWF101
    if hour < 8:  # expect: UWF105
        await flow.sleep("wait-for-morning", 3600)
    if arrow.utcnow().weekday() >= 5:  # expect: UWF101, UWF105
        await flow.run("weekend-offer", lambda: send_sample(f"weekend/{lead}"))
    await flow.run(f"touch-{timezone.now():%Y%m%d}", lambda: touch(lead))  # expect: UWF101, UWF106
    code = secure.randint(100000, 999999)  # expect: UWF102
    await flow.call("sms", url="https://sms.example.com/send", method="POST", body={"lead": lead, "code": code, "sent": time.ctime()})
    seeded = random.Random(flow.workflow_run_id)
    await flow.run(f"pick-{seeded.randint(1, 3)}", lambda: touch(f"pick/{lead}"))


handler = async_serve(nurture)["handler"]
