# shapes: TriageSaga, a class whose __init__ is annotated with the sync context class and keeps it on self.ctx, used from routes of another module: self.ctx.sleep nested in a nested-def step (202), an empty step name (306), a float sleep from arithmetic with a float (307); VipTriageSaga, its subclass in this module, whose own method uses the inherited self.ctx: a lambda step with a required parameter (205) and the docs-only wait_for_event on 2.0.0 (308); functools.partial of bound methods of a gateway as steps (fine)
import functools

from upstash_workflow import WorkflowContext

from ticketdesk.helpdesk_api import HelpdeskClient


class TriageSaga:
    sla_hours = 4

    def __init__(self, ctx: WorkflowContext[dict], api: HelpdeskClient) -> None:
        self.ctx = ctx
        self.api = api

    def classify(self, ticket_id: str) -> str:
        def _classify():
            ticket = self.api.get_ticket(ticket_id)
            self.ctx.sleep("classifier-cooldown", 5)  # expect: UWF202
            return ticket["category"]

        return self.ctx.run("classify", _classify)

    def assign(self, ticket_id: str, category: str) -> None:
        agent = self.ctx.run("pick-agent", functools.partial(self.api.least_busy_agent, category))
        self.ctx.run("", functools.partial(self.api.assign, ticket_id, agent))  # expect: UWF306
        self.ctx.sleep("sla-check", self.sla_hours * 3600.0)  # expect: UWF307
        self.ctx.run("sla-followup", functools.partial(self.api.check_sla, ticket_id))


class VipTriageSaga(TriageSaga):
    sla_hours = 1

    def escalate(self, ticket_id: str) -> None:
        manager = self.ctx.run("account-manager", functools.partial(self.api.account_manager, ticket_id))
        self.ctx.run("page-manager", lambda manager: self.api.page_agent(manager, ticket_id))  # expect: UWF205
        self.ctx.wait_for_event("manager-ack", f"ack-{ticket_id}-{manager}")  # expect: UWF308
        self.ctx.run("mark-escalated", functools.partial(self.api.post_comment, ticket_id, "Escalated to your account manager."))
