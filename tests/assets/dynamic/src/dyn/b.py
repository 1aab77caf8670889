import importlib

MODULE = importlib.import_module("dyn.a")
