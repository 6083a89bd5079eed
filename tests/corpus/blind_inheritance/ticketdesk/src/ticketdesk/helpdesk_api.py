# shapes: no SDK; HelpdeskClient, a gateway class over requests.Session held in self.session; a module-level URL from the environment; every method reads the network (no finding)
import os

import requests

HELPDESK_URL = os.environ.get("HELPDESK_URL", "https://helpdesk.example.com/api")


class HelpdeskClient:
    def __init__(self, token: str = "") -> None:
        self.session = requests.Session()
        self.session.headers["Authorization"] = f"Bearer {token or os.environ.get('HELPDESK_TOKEN', '')}"

    def _post(self, path: str, payload: dict) -> dict:
        resp = self.session.post(f"{HELPDESK_URL}{path}", json=payload, timeout=10)
        resp.raise_for_status()
        return resp.json()

    def get_ticket(self, ticket_id: str) -> dict:
        resp = self.session.get(f"{HELPDESK_URL}/tickets/{ticket_id}", timeout=10)
        resp.raise_for_status()
        return resp.json()

    def post_comment(self, ticket_id: str, body: str) -> dict:
        return self._post(f"/tickets/{ticket_id}/comments", {"body": body})

    def send_survey(self, ticket_id: str) -> dict:
        return self._post(f"/tickets/{ticket_id}/survey", {})

    def least_busy_agent(self, category: str) -> str:
        return self.session.get(f"{HELPDESK_URL}/agents/least-busy", params={"category": category}, timeout=10).json()["agent"]

    def assign(self, ticket_id: str, agent: str) -> dict:
        return self._post(f"/tickets/{ticket_id}/assign", {"agent": agent})

    def check_sla(self, ticket_id: str) -> dict:
        return self.session.get(f"{HELPDESK_URL}/tickets/{ticket_id}/sla", timeout=10).json()

    def account_manager(self, ticket_id: str) -> str:
        return self.get_ticket(ticket_id)["account"]["manager"]

    def page_agent(self, agent: str, ticket_id: str) -> dict:
        return self._post("/pages", {"agent": agent, "ticket": ticket_id})

    def reopen(self, ticket_id: str) -> dict:
        return self._post(f"/tickets/{ticket_id}/reopen", {})

    def close(self, ticket_id: str) -> dict:
        return self._post(f"/tickets/{ticket_id}/close", {})
