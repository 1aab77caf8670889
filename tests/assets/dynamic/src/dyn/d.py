import dyn.c

D = "d"
