"""A shop with every kind of tangle."""

from shop.catalog import Catalog

__all__ = ["Catalog"]
