from shop.core import pricing


def result() -> float:
    return pricing.price(10.0)
