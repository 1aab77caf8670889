"""Runs cpkg.a on import: a cycle with cpkg.a, closed only through a compiled submodule."""
from cpkg.a import NAME
