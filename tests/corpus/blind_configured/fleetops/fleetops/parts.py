# shapes: sync workflow helpers annotated with WorkflowContext in a workflow module, called with the context from maintenance.py, so their findings sit inside them: time.sleep between steps (UWF107), a context.sleep nested in a step function (UWF202); a one-step helper called from orchestration code (fine)
import time

from upstash_workflow import WorkflowContext

from fleetops import suppliers


def reserve_parts(context: WorkflowContext[dict], order: dict) -> None:
    quote = context.run("quote-parts", lambda: suppliers.quote(order))
    time.sleep(2)  # expect: UWF107

    def _reserve() -> dict:
        context.sleep("supplier-backoff", 30)  # expect: UWF202
        return suppliers.reserve(order, quote["quote_id"])

    context.run("reserve-parts", _reserve)


def notify_driver(context: WorkflowContext[dict], vehicle_id: str, text: str) -> None:
    context.run("notify-driver", lambda: suppliers.sms_driver(vehicle_id, text))
