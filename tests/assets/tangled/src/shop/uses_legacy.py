from shop.legacy_names import Catalog

CATALOG = Catalog()
