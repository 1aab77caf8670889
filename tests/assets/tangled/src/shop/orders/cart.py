from shop.orders.pricing import price


def total() -> int:
    return price()
