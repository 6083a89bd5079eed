# shapes: AuditTrail keeps the context (__init__ annotated `uw.AsyncWorkflowContext[dict]` through `import upstash_workflow as uw`) and only logs its run id and headers: it never makes a step, so the route that delegates only to it is UWF301 in workflows.py; nothing here is a finding
import logging

import upstash_workflow as uw

log = logging.getLogger(__name__)


class AuditTrail:
    def __init__(self, ctx: uw.AsyncWorkflowContext[dict]) -> None:
        self.ctx = ctx

    def record(self, event: str) -> None:
        log.info("audit event=%s run=%s request=%s", event, self.ctx.workflow_run_id, self.ctx.headers.get("x-request-id"))
