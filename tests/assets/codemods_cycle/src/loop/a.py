import loop.core

RATE = 1.2


def total() -> float:
    return loop.core.pricing.price(10.0)
