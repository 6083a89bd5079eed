# shapes: FastAPI; boto3.resource(...).Table(...) at module level read before the first step deciding an early return (103, 104); a Table read inside a loguru argument and inside a sleep duration (exempt); an SQS client from boto3.session.Session(...).client constructed inside the route (fine), read in orchestration with its value kept in a local that reaches only a call header (103: the local-variable exemption is for clocks), and used inside a step (fine)
import boto3
from fastapi import FastAPI
from loguru import logger
from upstash_workflow import AsyncWorkflowContext
from upstash_workflow.fastapi import Serve

app = FastAPI()
serve = Serve(app)
orders = boto3.resource("dynamodb").Table("orders")
shop_settings = boto3.resource("dynamodb").Table("shop-settings")
NOTIFY_QUEUE = "https://sqs.eu-west-1.amazonaws.com/000000000000/order-events"


def reserve_stock(order_id: str) -> str:
    orders.update_item(Key={"order_id": order_id}, UpdateExpression="SET #s = :s", ExpressionAttributeNames={"#s": "state"}, ExpressionAttributeValues={":s": "reserved"})
    return order_id


@serve.post("/fulfil")
async def fulfil(context: AsyncWorkflowContext[dict]) -> None:
    order_id = context.request_payload["order_id"]
    existing = orders.get_item(Key={"order_id": order_id})  # expect: UWF103
    if "Item" in existing and existing["Item"]["state"] == "fulfilled":
        return  # expect: UWF104
    logger.info("fulfilling {} with settings {}", order_id, shop_settings.get_item(Key={"name": "fulfilment"})["Item"])
    sqs = boto3.session.Session(region_name="eu-west-1").client("sqs")
    await context.run("reserve", lambda: reserve_stock(order_id))
    queue = sqs.get_queue_url(QueueName="carrier-bookings")  # expect: UWF103
    await context.call("book-carrier", url="https://carrier.example.com/book", method="POST", headers={"x-reply-queue": queue["QueueUrl"]}, body={"order": order_id})
    await context.sleep("pack-time", int(shop_settings.get_item(Key={"name": "pack-seconds"})["Item"]["value"]))
    await context.run("notify", lambda: sqs.send_message(QueueUrl=NOTIFY_QUEUE, MessageBody=order_id)["MessageId"])
