# shapes: a legacy sync route under per-file-ignores ("fleetops/legacy_recall.py" = ["UWF103"]): registry reads (sqlite3) outside steps are not reported, but their consequences are: an early return (UWF104) and a loop of steps over a registry result (UWF105); time.sleep between steps (UWF107) and try/except Exception around a step (UWF305) are not ignored; a constant step name inside a loop (fine with UWF309)
import time

from upstash_workflow import WorkflowContext

from fleetops import workshop
from fleetops.app import serve
from fleetops.registry import affected_vehicles, campaign_status


@serve.route("/recalls")
def run_recall(context: WorkflowContext[dict]) -> None:
    campaign = context.request_payload["campaign"]
    if campaign_status(campaign) == "closed":
        return  # expect: UWF104

    for vehicle_id in affected_vehicles(campaign):  # expect: UWF105
        context.run("send-recall-notice", lambda v=vehicle_id: workshop.send_recall(v, campaign))
        time.sleep(0.5)  # expect: UWF107

    try:
        context.run("close-campaign", lambda: workshop.close_campaign(campaign))
    except Exception:  # expect: UWF305
        print(f"could not close recall campaign {campaign}")
