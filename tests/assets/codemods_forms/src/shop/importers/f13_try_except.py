try:
    from shop.core.pricing import price
except ImportError:  # pragma: no cover
    price = None


def result() -> float:
    assert price is not None
    return price(10.0)
