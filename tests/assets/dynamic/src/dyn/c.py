from importlib import import_module


def load():
    return import_module(".d", __package__)
