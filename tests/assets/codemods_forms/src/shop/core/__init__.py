"""The core of the shop: `from shop.core import *` loads the submodules named here."""

__all__ = ["cart", "money", "pricing"]
