"""Equity: accounting of fills, equity, drawdown and performance."""

from __future__ import annotations

__all__: list[str] = []
