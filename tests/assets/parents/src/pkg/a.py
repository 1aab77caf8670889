from pkg.b.mod import VALUE

NAME = "a"
BOTH = (NAME, VALUE)
