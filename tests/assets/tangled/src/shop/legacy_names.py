"""Old home of Catalog, kept for importers."""

from shop.catalog import Catalog

__all__ = ["Catalog"]
