from importlib import import_module

LOADED = import_module(".d", package="dyn")
