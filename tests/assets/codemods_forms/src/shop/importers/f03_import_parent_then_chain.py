import shop.core


def result() -> float:
    return shop.core.pricing.price(10.0)
