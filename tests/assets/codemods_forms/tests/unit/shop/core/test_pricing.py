from unittest import mock

from shop.catalog import Item
from shop.core.pricing import describe, label, price, price_item


def test_price() -> None:
    assert price(10.0) == 12.0


def test_price_item_and_label() -> None:
    assert price_item(Item("tea", 1.0)).amount == 1.2
    assert label(Item("tea", 1.0)).startswith("#tea")
    assert describe() == "Moneyshop.core.money"


@mock.patch("shop.core.pricing.DEFAULT_RATE", 3.0)
def test_patched_rate() -> None:
    assert price(1.0) == 3.0
