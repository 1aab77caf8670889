"""A spinner on stderr for work that can take more than a second; silent when not on a terminal."""

from __future__ import annotations

from contextlib import AbstractContextManager, nullcontext
from typing import Any

from rich.console import Console

__all__ = ["progress"]


def progress(message: str, *, quiet: bool = False) -> AbstractContextManager[Any]:
    """`with progress("Analysing shop"):` shows a spinner unless quiet or piped."""
    console = Console(stderr=True)
    if quiet or not console.is_terminal:
        return nullcontext()
    return console.status(message)
