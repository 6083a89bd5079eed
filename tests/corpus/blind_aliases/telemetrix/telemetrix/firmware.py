# shapes: module without the SDK; `roll_out(context, ...)`, an unannotated workflow helper that picks a random canary before its steps (reported at its call in workflows.py; the random value reaches only a step body)
import random

from .devices import ota


def roll_out(context, device_ids: list, version: str) -> None:
    canary = random.choice(device_ids)
    context.run("flash-canary", lambda: ota.flash(canary, version))
    context.sleep("canary-soak", 1800)
    for device_id in device_ids:
        context.run(f"flash-{device_id}", lambda d=device_id: ota.flash(d, version))
