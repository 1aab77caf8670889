"""Imports by calls with literal module names."""
