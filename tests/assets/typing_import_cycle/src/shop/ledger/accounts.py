"""Accounts: each records the orders booked against it."""

from __future__ import annotations

from shop.ledger import orders


class Account:
    def __init__(self, owner: str) -> None:
        self.owner = owner
        self.orders: list[orders.Order] = []

    def book(self, sku: str, quantity: int) -> orders.Order:
        order = orders.Order(self, sku, quantity)
        self.orders.append(order)
        return order

    def units(self) -> int:
        return orders.total_units(self)
