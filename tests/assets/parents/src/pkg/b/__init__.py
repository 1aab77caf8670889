import pkg.a
from pkg.a import NAME

GREETING = f"hello {NAME}"
