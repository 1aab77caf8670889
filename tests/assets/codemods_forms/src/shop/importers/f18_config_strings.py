import importlib

PLUGINS = [
    "shop.core.pricing.price",
    "shop.catalog.tags.tag",
]
SETTINGS = {"pricing": {"module": "shop.core.pricing"}}
NOTE = "prices live in shop.core.pricing, see there"  # prose: left for review


def result() -> float:
    module_name, _, name = PLUGINS[0].rpartition(".")
    func = getattr(importlib.import_module(module_name), name)
    assert importlib.import_module(SETTINGS["pricing"]["module"]).price is func
    return func(10.0)
