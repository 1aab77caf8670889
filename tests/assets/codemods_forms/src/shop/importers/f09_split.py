from shop.core import (
    money,  # stays
    pricing,  # moves
)


def result() -> float:
    return money.Money(pricing.price(10.0)).amount
