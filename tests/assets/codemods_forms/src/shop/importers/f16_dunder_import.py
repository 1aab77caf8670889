import sys


def result() -> float:
    __import__("shop.core.pricing")
    return sys.modules["shop.core.pricing"].price(10.0)
