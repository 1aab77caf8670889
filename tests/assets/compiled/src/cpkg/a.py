from cpkg.fast._speedups import accelerate

NAME = "a"
