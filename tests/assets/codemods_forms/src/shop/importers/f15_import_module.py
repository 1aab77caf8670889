import importlib


def result() -> float:
    module = importlib.import_module("shop.core.pricing")
    return module.price(10.0)
