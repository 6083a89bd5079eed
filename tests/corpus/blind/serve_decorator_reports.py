# serve as a bare decorator (sync) with an upstash_redis client: a step name built from date.today(), a step returning a set comprehension, a float sleep duration, a clock-reading helper called only inside a step, the handler mounted later
import json
import logging
from datetime import date, timedelta

import upstash_redis
from upstash_workflow import WorkflowContext, serve

redis = upstash_redis.Redis.from_env()
logger = logging.getLogger(__name__)


def _yesterday() -> str:
    return (date.today() - timedelta(days=1)).isoformat()


@serve
def daily_report(context: WorkflowContext[dict]) -> None:
    team = context.request_payload.get("team", "core")

    def _collect() -> list:
        day = _yesterday()
        return sorted(redis.smembers(f"events:{team}:{day}"))

    events = context.run(f"collect-{date.today().isoformat()}", _collect)  # expect: UWF101, UWF106

    def _active_users():
        return {event.split(":")[0] for event in events}  # expect: UWF204

    users = context.run("active-users", _active_users)

    context.sleep("throttle", 0.5)  # expect: UWF307

    def _publish() -> dict:
        report = {"team": team, "events": len(events), "users": len(users)}
        redis.set(f"report:{team}:latest", json.dumps(report))
        return report

    context.run("publish", _publish)


handler = daily_report["handler"]
