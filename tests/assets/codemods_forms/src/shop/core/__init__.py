"""The core of the shop."""
