"""Imports billing only when asked: a deferred cycle."""


class Ledger:
    def billing(self) -> object:
        from shop.billing import Billing

        return Billing
