"""Orders: each belongs to an account, which this module only names in annotations."""

from dataclasses import dataclass

from shop.ledger import accounts


@dataclass(frozen=True)
class Order:
    account: accounts.Account
    sku: str
    quantity: int

    def owner(self) -> str:
        return self.account.owner


def total_units(account: accounts.Account) -> int:
    """The units of every order booked against `account`."""
    return sum(order.quantity for order in account.orders)
