"""The parent package importing pricing relatively."""

from .core import pricing
from .core.pricing import price_item
from .catalog import Item


def result() -> float:
    return pricing.price(1.0) + price_item(Item("x", 1.0)).amount
