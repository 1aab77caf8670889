from shop.core.pricing import (  # the pricing API
    DEFAULT_RATE,  # a constant
    # the function we need:
    price,
)


def result() -> float:
    return price(10.0) * DEFAULT_RATE / 1.2
