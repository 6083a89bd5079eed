# shapes: load_rate_table reads a JSON file bundled with the package (declared deterministic in pyproject); rate_for reads the table only through it; current_quarter reads date.today (no SDK)
import json
from datetime import date
from pathlib import Path

_TABLE_PATH = Path(__file__).with_name("rate_table.json")


def load_rate_table() -> dict:
    with open(_TABLE_PATH, encoding="utf-8") as fh:
        return json.load(fh)


def rate_for(region: str) -> float:
    table = load_rate_table()
    return float(table["regions"].get(region, table["default"]))


def current_quarter() -> str:
    today = date.today()
    return f"{today.year}-Q{(today.month - 1) // 3 + 1}"
