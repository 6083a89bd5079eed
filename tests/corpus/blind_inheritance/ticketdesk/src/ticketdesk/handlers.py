# shapes: Flask route methods registered after their class as obj.m (serve.route(PATH)(desk.m)) and one decorated in its class body; a classmethod route registered as Class.m; a class inheriting a mixin and a base class of another module (their methods only inside steps); a requests.Session held in self.http read before the first step, deciding an early return (103, 104); a helper method on self reading the clock and deciding steps (101, 105 at the call); a helper method called with the context in this module with a random test deciding a step inside it (102, 105); a self attribute store inside a nested-def step (201); an async def step on the sync context (205); time.sleep between steps (107); an async def route method under the sync adapter (304); a cls helper reading random iterated to make steps (102, 105); TriageSaga and VipTriageSaga of sagas.py built with the context; module-level instances of other modules' classes used only inside steps (fine)
import functools
import logging
import random
import time
from datetime import datetime

import requests
from upstash_workflow import WorkflowContext

from ticketdesk.agents import AgentRoster, BaseHandler, RotationMixin
from ticketdesk.app import serve
from ticketdesk.helpdesk_api import HELPDESK_URL, HelpdeskClient
from ticketdesk.sagas import TriageSaga, VipTriageSaga

log = logging.getLogger(__name__)

roster = AgentRoster()
api = HelpdeskClient()


class TicketHandlers(RotationMixin, BaseHandler):
    def __init__(self, client: HelpdeskClient) -> None:
        super().__init__("tickets")
        self.api = client
        self.http = requests.Session()
        self.last_category = None

    def _in_business_hours(self) -> bool:
        return 9 <= datetime.now().hour < 18

    def _acknowledge(self, context, ticket_id: str) -> None:
        context.run("ack", functools.partial(self.api.post_comment, ticket_id, "Thanks, we are on it."))
        if random.random() < 0.1:  # expect: UWF102, UWF105
            context.run("csat-survey", functools.partial(self.api.send_survey, ticket_id))

    def triage(self, context) -> None:
        ticket_id = context.request_payload["ticket_id"]
        resp = self.http.get(f"{HELPDESK_URL}/tickets/{ticket_id}/status", timeout=5)  # expect: UWF103
        if resp.status_code == 404:
            return  # expect: UWF104
        self._acknowledge(context, ticket_id)
        saga = TriageSaga(context, self.api)
        category = saga.classify(ticket_id)
        if self._in_business_hours():  # expect: UWF101, UWF105
            saga.assign(ticket_id, category)
        else:
            context.sleep("wait-for-morning", 8 * 3600)

        def _record():
            self.last_category = category  # expect: UWF201
            return {"ticket": ticket_id, "category": category}

        context.run("record-triage", _record)

    def vip(self, context) -> None:
        ticket_id = context.request_payload["ticket_id"]
        saga = VipTriageSaga(context, self.api)
        saga.escalate(ticket_id)
        context.run("suggest-backup", lambda: {"ticket": ticket_id, "backup": self.pick_backup(roster.available())})

    def reopen(self, context) -> None:
        ticket_id = context.request_payload["ticket_id"]

        async def _reopen():
            return self.api.reopen(ticket_id)

        context.run("reopen", _reopen)  # expect: UWF205
        time.sleep(2)  # expect: UWF107
        context.run("notify-requester", functools.partial(self.api.post_comment, ticket_id, "Your ticket was reopened."))

    @serve.route("/tickets/close")
    async def close(self, context) -> None:  # expect: UWF304
        ticket_id = context.request_payload["ticket_id"]
        context.run("close", functools.partial(self.api.close, ticket_id))


class Escalations:
    tier = "tier2"

    @classmethod
    def _sample(cls, agents: list) -> list:
        return random.sample(agents, k=min(2, len(agents)))

    @classmethod
    def page_on_call(cls, context: WorkflowContext[dict]) -> None:
        ticket_id = context.request_payload["ticket_id"]
        agents = context.run("on-call", functools.partial(roster.on_call, cls.tier))
        for agent in cls._sample(agents):  # expect: UWF102, UWF105
            context.run(f"page-{agent}", functools.partial(api.page_agent, agent, ticket_id))
        context.run("log-escalation", functools.partial(api.post_comment, ticket_id, "Escalated to on-call."))


desk = TicketHandlers(api)
serve.route("/tickets/triage")(desk.triage)
serve.route("/tickets/vip")(desk.vip)
serve.route("/tickets/reopen")(desk.reopen)
serve.route("/tickets/escalate")(Escalations.page_on_call)
