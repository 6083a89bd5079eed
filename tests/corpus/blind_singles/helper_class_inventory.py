# shapes: correct: Flask Serve(app).route (sync), context named `c`, a repository class (SQLAlchemy Session on self.bind) whose bound methods are step functions directly, through functools.partial and through a method that returns a partial (a step factory), a frozen dataclass policy with a pure method, a property and a staticmethod used in orchestration, a workflow helper of the file making steps in a loop, an early return on step results
import functools
import logging
from dataclasses import dataclass

from flask import Flask
from sqlalchemy import create_engine, text
from sqlalchemy.orm import Session
from upstash_workflow import WorkflowContext
from upstash_workflow.flask import Serve

log = logging.getLogger("inventory")
app = Flask(__name__)
serve = Serve(app)
engine = create_engine("postgresql+psycopg://inventory@db/inventory")

PURCHASING_URL = "https://purchasing.example.com/api/orders"


class InventoryRepo:
    def __init__(self, bind) -> None:
        self.bind = bind

    def pending_skus(self) -> list[str]:
        with Session(self.bind) as session:
            rows = session.execute(text("select sku from restock_requests where done = false"))
            return [row[0] for row in rows]

    def count(self, sku: str) -> int:
        with Session(self.bind) as session:
            return int(session.execute(text("select qty from stock where sku = :s"), {"s": sku}).scalar_one())

    def loader_for(self, sku: str):
        return functools.partial(self.count, sku)

    def reserve(self, sku: str, qty: int) -> dict:
        with Session(self.bind) as session:
            session.execute(text("update stock set reserved = reserved + :q where sku = :s"), {"q": qty, "s": sku})
            session.commit()
        return {"sku": sku, "reserved": qty}


@dataclass(frozen=True)
class RestockPolicy:
    minimum: int
    batch: int

    def needed(self, on_hand: int) -> int:
        return 0 if on_hand >= self.minimum else self.batch

    @property
    def label(self) -> str:
        return f"min{self.minimum}-batch{self.batch}"

    @staticmethod
    def step_name(prefix: str, sku: str) -> str:
        return f"{prefix}-{sku.lower()}"


repo = InventoryRepo(engine)
policy = RestockPolicy(minimum=20, batch=100)


def reserve_all(c: WorkflowContext[dict], plan: dict[str, int]) -> list[dict]:
    results = []
    for sku, qty in sorted(plan.items()):
        results.append(c.run(RestockPolicy.step_name("reserve", sku), functools.partial(repo.reserve, sku, qty)))
    return results


@serve.route("/inventory/restock")
def restock(c: WorkflowContext[dict]) -> None:
    skus = c.run("pending-skus", repo.pending_skus)
    plan: dict[str, int] = {}
    for sku in skus:
        on_hand = c.run(policy.step_name("count", sku), repo.loader_for(sku))
        needed = policy.needed(on_hand)
        if needed:
            plan[sku] = needed

    log.info("restock plan %s with policy %s", plan, policy.label)
    if not plan:
        return

    reservations = reserve_all(c, plan)
    c.call(
        "notify-purchasing",
        url=PURCHASING_URL,
        method="POST",
        body={"reservations": reservations, "policy": policy.label},
    )
