PLUGIN = __import__("dyn.f")
