"""Strategies: pure functions of a candle window to a signal."""

from __future__ import annotations

__all__: list[str] = []
