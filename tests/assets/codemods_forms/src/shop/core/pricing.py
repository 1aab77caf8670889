"""The module that moves: it uses every kind of relative import."""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import money  # sibling module
from .. import catalog  # the parent package's subpackage
from ..catalog import Item
from ..catalog.tags import tag
from .helpers import rounding
from .helpers.rounding import cents
from .money import Money

if TYPE_CHECKING:
    from .money import Currency

DEFAULT_RATE = 1.2
_SECRET = 7


def price(base: float, rate: float | None = None) -> float:
    return cents(base * (DEFAULT_RATE if rate is None else rate))


def price_item(item: Item) -> Money:
    return Money(rounding.cents(price(item.base)))


def label(item: catalog.Item, currency: Currency = "EUR") -> str:
    from . import money as m  # function-level relative import

    return f"{tag(item.name)} {m.Money(price(item.base), currency)}"


def describe() -> str:
    from .money import Money as M

    return M.__name__ + money.__name__
