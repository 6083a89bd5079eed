# shapes: module without the SDK; `from ...util import http as http_util` then `http_util.get_json(...)`; bank statement reads (I/O)
from ...util import http as http_util


def statement_total(account_id: str, day: str) -> int:
    statement = http_util.get_json(f"/accounts/{account_id}/statements/{day}")
    return int(statement["total_cents"])


def pending_lines(account_id: str, day: str) -> list:
    return http_util.get_json(f"/accounts/{account_id}/lines", day=day, status="pending")["lines"]
