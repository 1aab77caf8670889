import shop.core.pricing


def result() -> float:
    return shop.core.pricing.price(10.0)


def unrelated() -> str:
    shop = "a local name"  # must not be rewritten
    return shop
