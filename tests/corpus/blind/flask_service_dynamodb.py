# service class with a DynamoDB table held in self (boto3 resource .Table), route methods registered with the Flask adapter as obj.method: a get_item before the first step whose result is the subject of a match that decides which steps run; a method that reads the table only inside steps (correct)
import logging
import os

import boto3
from flask import Flask
from upstash_workflow import WorkflowContext
from upstash_workflow.flask import Serve

from orders.rules import validate_order
from orders.shipping import book_courier

logger = logging.getLogger("orders")


class OrderWorkflows:
    def __init__(self, table_name: str) -> None:
        self.table = boto3.resource("dynamodb").Table(table_name)
        self.log = logger.getChild("workflows")

    def advance(self, context: WorkflowContext[dict]) -> None:
        order_id = context.request_payload["order_id"]

        resp = self.table.get_item(Key={"pk": order_id})  # expect: UWF103
        match resp["Item"]["state"]:  # expect: UWF105
            case "new":
                context.run("validate", lambda: validate_order(order_id))
            case "validated":
                context.run("book-courier", lambda: book_courier(order_id))
            case _:
                self.log.info("order %s needs no action", order_id)

        context.run("touch", lambda: self._touch(order_id))

    def advance_v2(self, context: WorkflowContext[dict]) -> None:
        order_id = context.request_payload["order_id"]

        def _load_state() -> str:
            item = self.table.get_item(Key={"pk": order_id}).get("Item", {})
            return item.get("state", "unknown")

        state = context.run("load-state", _load_state)
        match state:
            case "new":
                context.run("validate", lambda: validate_order(order_id))
            case "validated":
                context.run("book-courier", lambda: book_courier(order_id))
            case _:
                self.log.info("order %s needs no action", order_id)

        context.run("touch", lambda: self._touch(order_id))

    def _touch(self, order_id: str) -> dict:
        self.table.update_item(
            Key={"pk": order_id},
            UpdateExpression="SET touched = :t",
            ExpressionAttributeValues={":t": True},
        )
        return {"touched": order_id}


app = Flask(__name__)
serve = Serve(app)
workflows = OrderWorkflows(os.environ.get("ORDERS_TABLE", "orders"))
serve.route("/workflows/orders/advance")(workflows.advance)
serve.route("/workflows/orders/advance-v2")(workflows.advance_v2)
