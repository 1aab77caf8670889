from shop.core.pricing import DEFAULT_RATE, price


def result() -> float:
    return price(10.0 / DEFAULT_RATE * 1.2)
