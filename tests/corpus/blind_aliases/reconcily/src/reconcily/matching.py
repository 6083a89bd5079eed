# shapes: module without the SDK; step factories (`loader_for` returns a `functools.partial`, `make_matcher` returns a nested def); a pure `summarize` (called eagerly in settlement.py); `unmatched_ids` returns a set comprehension; helpers that post over HTTP, called only inside steps
import functools

from reconcily.ledger.sources.bank_feed import pending_lines
from reconcily.util.http import post_json


def loader_for(account_id: str, day: str):
    return functools.partial(pending_lines, account_id, day)


def make_matcher(lines: list, tolerance_cents: int = 0):
    def _match() -> list:
        matched = []
        for line in lines:
            expected = line.get("expected_cents")
            if expected is not None and abs(line["amount_cents"] - expected) <= tolerance_cents:
                matched.append({"id": line["id"], "amount_cents": line["amount_cents"]})
        return matched

    return _match


def summarize(matched: list) -> dict:
    return {
        "count": len(matched),
        "total_cents": sum(item["amount_cents"] for item in matched),
    }


def unmatched_ids(lines: list):
    return {line["id"] for line in lines if not line.get("matched")}


def flag_outlier(batch_id: str, report: dict) -> dict:
    return post_json("/outliers", {"batch_id": batch_id, "report": report})


def post_settlement(batch_id: str, report: dict) -> dict:
    return post_json("/settlements", {"batch_id": batch_id, "report": report})
