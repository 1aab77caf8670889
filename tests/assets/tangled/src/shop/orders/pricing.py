from shop.orders import cart


def price() -> int:
    return len(dir(cart))
