from shop.ledger.accounts import Account
from shop.ledger.orders import Order, total_units


def test_booking_records_the_order() -> None:
    account = Account("ada")
    order = account.book("tea", 3)
    assert isinstance(order, Order)
    assert order.owner() == "ada"
    assert account.orders == [order]


def test_total_units() -> None:
    account = Account("bob")
    account.book("tea", 3)
    account.book("jam", 2)
    assert total_units(account) == 5
    assert account.units() == 5
