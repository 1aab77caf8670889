"""Load a plugin.

    import_module("dyn.a")
"""

import importlib

NAME = "dyn." + "a"


def load():
    # import_module("dyn.b") would do it too
    return importlib.import_module(NAME)
