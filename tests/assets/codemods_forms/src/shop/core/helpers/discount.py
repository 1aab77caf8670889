"""A child of shop.core importing its parent's pricing module relatively."""

from .. import pricing
from ..pricing import price


def result() -> float:
    return pricing.price(10.0) - price(1.0)
