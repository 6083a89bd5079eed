"""The step returns the time as an ISO string (sync `serve`).

Clean. The replay: the string is recorded and saved.
"""

from datetime import UTC, datetime

from upstash_workflow import WorkflowContext, serve

from tests.replay.world import save_record


def renew(context: WorkflowContext[dict]) -> None:
    def _renewed_at() -> str:
        return datetime.now(UTC).isoformat()

    renewed_at = context.run("renewed-at", _renewed_at)
    context.run("save-renewal", lambda: save_record("renewal", renewed_at))


renew_workflow = serve(renew)
