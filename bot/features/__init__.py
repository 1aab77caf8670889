"""Features the orchestration layer uses through its ports."""

from __future__ import annotations

__all__: list[str] = []
