"""Helpers shared by the coordinators (symbol names)."""

from __future__ import annotations

__all__: list[str] = []
