from shop.core.pricing import *  # noqa: F403


def result() -> float:
    return price(10.0)  # noqa: F405
