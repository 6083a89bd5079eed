# shapes: no SDK; AgentRoster over sqlite3; RotationMixin, a mixin of another module whose method reads random; BaseHandler, a base class of another module keeping a logger and a creation time and reading the clock (workflow classes use them only inside steps; no finding)
import logging
import random
import sqlite3
import time


class AgentRoster:
    def __init__(self, path: str = "roster.db") -> None:
        self.path = path

    def on_call(self, tier: str) -> list:
        with sqlite3.connect(self.path) as conn:
            rows = conn.execute("SELECT agent FROM on_call WHERE tier = ? ORDER BY agent", (tier,)).fetchall()
        return [agent for (agent,) in rows]

    def available(self) -> list:
        with sqlite3.connect(self.path) as conn:
            return [agent for (agent,) in conn.execute("SELECT agent FROM agents WHERE status = 'available'")]


class RotationMixin:
    def pick_backup(self, agents: list) -> str:
        return random.choice(agents) if agents else ""


class BaseHandler:
    def __init__(self, name: str) -> None:
        self.log = logging.getLogger(f"ticketdesk.{name}")
        self.created_at = time.time()

    def uptime(self) -> float:
        return time.time() - self.created_at
