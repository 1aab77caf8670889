"""Indicators on plain sequences of floats (builtins only: fast on a window's columns)."""

from __future__ import annotations

from collections.abc import Sequence

__all__ = ["sma", "sma_before"]


def sma(values: Sequence[float], period: int) -> float:
    """The mean of the last `period` values."""
    return sum(values[-period:]) / period


def sma_before(values: Sequence[float], period: int) -> float:
    """The mean of the `period` values before the last one (the SMA one candle earlier)."""
    return sum(values[-period - 1 : -1]) / period
