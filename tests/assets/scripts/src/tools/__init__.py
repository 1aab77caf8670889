"""Modules that are also scripts, and one-line guarded imports: cycles that cannot fail."""
