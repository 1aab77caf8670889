"""A tiny shop; the package re-exports pricing, as a package __init__ often does."""

from .core import pricing
from .core.pricing import price

__all__ = ["price", "pricing"]
