from shop.core import pricing as p


def result() -> float:
    return p.price(10.0)
