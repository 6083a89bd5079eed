"""A step that returns a `datetime` (sync `serve`).

UWF204 at the returned `datetime.now(...)`. The replay: "TypeError: Object of type datetime is
not JSON serializable" after the step ran.
"""

from datetime import UTC, datetime

from upstash_workflow import WorkflowContext, serve

from tests.replay.world import save_record


def renew(context: WorkflowContext[dict]) -> None:
    def _renewed_at() -> datetime:
        return datetime.now(UTC)  # expect: UWF204

    renewed_at = context.run("renewed-at", _renewed_at)
    context.run("save-renewal", lambda: save_record("renewal", renewed_at))


renew_workflow = serve(renew)
