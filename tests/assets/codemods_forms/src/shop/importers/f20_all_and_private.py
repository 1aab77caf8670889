from shop.core.pricing import _SECRET, price

__all__ = ["price"]


def result() -> float:
    return price(10.0) + _SECRET - 7
