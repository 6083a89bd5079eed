# shapes: pricing module that never imports the SDK: an A/B discount drawn with random (chain quote_with_variant -> _draw_variant -> random.random, reported where workflow code calls it), pure price arithmetic
from __future__ import annotations

import random

DISCOUNT_VARIANTS = {"control": 0.0, "ten-off": 0.10}


def line_total(lines: list[dict]) -> int:
    return sum(line["unit_cents"] * line["qty"] for line in lines)


def shipping_cents(subtotal: int, country: str) -> int:
    if country != "US":
        return 1500
    return 0 if subtotal >= 5000 else 700


def _draw_variant() -> str:
    return "ten-off" if random.random() < 0.5 else "control"


def quote_with_variant(order: dict) -> dict:
    variant = _draw_variant()
    subtotal = line_total(order["lines"])
    discount = int(subtotal * DISCOUNT_VARIANTS[variant])
    shipping = shipping_cents(subtotal, order.get("country", "US"))
    return {"variant": variant, "subtotal": subtotal, "total": subtotal - discount + shipping}
