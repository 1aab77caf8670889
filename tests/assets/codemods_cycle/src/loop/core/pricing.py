from loop import a


def price(base: float) -> float:
    return base * a.RATE
