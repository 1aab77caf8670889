"""One module per command, each with a `register(app)`.

These modules do not use `from __future__ import annotations`: typer reads every command's
annotations at each start, and evaluating them from strings costs ~4 ms of every run.
"""
