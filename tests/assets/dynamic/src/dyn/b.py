import importlib


def module():
    return importlib.import_module("dyn.a")
