"""A spinner on stderr for work that can take more than a second; silent when not on a terminal."""

from __future__ import annotations

import sys
from contextlib import AbstractContextManager, nullcontext
from typing import Any

__all__ = ["progress"]


def progress(message: str, *, quiet: bool = False) -> AbstractContextManager[Any]:
    """`with progress("Analysing shop"):` shows a spinner unless quiet or piped."""
    if quiet or not sys.stderr.isatty():
        return nullcontext()  # CI logs and pipes: no spinner, and no need to load rich
    from rich.console import Console

    console = Console(stderr=True)
    return console.status(message) if console.is_terminal else nullcontext()
