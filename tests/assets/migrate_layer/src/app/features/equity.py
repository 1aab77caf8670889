"""Equity arithmetic."""


def mark_to_market(quantity: float, price: float) -> float:
    return quantity * price
