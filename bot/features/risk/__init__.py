"""Risk guards, each a separate unit with its reason."""

from __future__ import annotations

__all__: list[str] = []
