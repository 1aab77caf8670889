import shop.core as c


def result() -> float:
    return c.pricing.price(10.0)
