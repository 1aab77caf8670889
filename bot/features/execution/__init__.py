"""Paper execution: the fill model and the exit policy."""

from __future__ import annotations

__all__: list[str] = []
