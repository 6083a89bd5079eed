# Shapes: a class holding the context whose bound methods are step functions (also through functools.partial and a classmethod), step methods bound to names (one by one and by tuple unpacking), clients and clock values bound by tuple unpacking, a pydantic model returned by a step.
from __future__ import annotations

import functools
import time
from typing import Any

import httpx
from flask import Flask
from pydantic import BaseModel
from upstash_workflow import WorkflowContext
from upstash_workflow.flask import Serve

app = Flask(__name__)
serve = Serve(app)


class Receipt(BaseModel):
    order_id: str
    total: float


class CheckoutFlow:
    def __init__(self, context: WorkflowContext[dict[str, Any]]) -> None:
        self.context = context

    def run(self) -> None:
        order = self.context.run("load", self.load)
        self.context.run("price", functools.partial(self.price, order))
        self.context.run("currency", CheckoutFlow.currency)
        self.context.run("receipt", lambda: self.receipt(order))  # expect: UWF204
        self.context.run("notify", self.notify)  # expect: UWF205

    def load(self) -> dict[str, Any]:
        return dict(self.context.request_payload)

    def price(self, order: dict[str, Any]) -> float:
        return float(order.get("total", 0))

    @classmethod
    def currency(cls) -> str:
        return "EUR"

    def receipt(self, order: dict[str, Any]) -> Receipt:
        return Receipt(order_id=str(order["id"]), total=float(order["total"]))

    def notify(self, channel: str) -> None:
        print(channel)


@serve.route("/checkout")
def checkout(context: WorkflowContext[dict[str, Any]]) -> None:
    CheckoutFlow(context).run()


@serve.route("/aliases")
def aliases(context: WorkflowContext[dict[str, Any]]) -> None:
    run = context.run
    step, pause = context.run, context.sleep
    client, started = httpx.Client(), time.time()  # expect: UWF101
    run("first", lambda: 1)
    pause("cool-off", 30)
    page = client.get("https://status.example/health")  # expect: UWF103
    step("second", lambda: {"page": page.status_code, "started": started})
