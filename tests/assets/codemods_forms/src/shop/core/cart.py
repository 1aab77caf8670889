"""A sibling of pricing importing it relatively."""

from . import pricing
from .pricing import price


def result() -> float:
    return pricing.price(2.0) + price(3.0)
