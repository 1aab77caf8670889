from shop import core


def result() -> float:
    return core.pricing.price(10.0)
