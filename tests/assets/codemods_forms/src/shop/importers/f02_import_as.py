import shop.core.pricing as pr


def result() -> float:
    return pr.price(10.0)
