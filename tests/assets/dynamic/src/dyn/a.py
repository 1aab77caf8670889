import dyn.b

A = "a"
