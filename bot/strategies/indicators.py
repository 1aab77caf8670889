"""Indicators on plain sequences of floats (builtins only: fast on a window's columns).

`sma` is for display. Decisions compare averages with `compare_sma` and `compare_to_sma`,
which are exact: each price is taken as the decimal it was written as (`repr`, which gives
back a CSV's `2.31`), so two averages that are equal on paper are equal here, and a tie is
never a cross because of float rounding. Floats decide when the difference is far larger than
their rounding error; exact fractions decide the rest.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from fractions import Fraction

__all__ = ["compare_sma", "compare_to_sma", "sma", "sma_before"]

# A float sum of n <= 10,000 values is off by at most about n x 2.2e-16 of its size.
_CLEAR = 1e-9


def sma(values: Sequence[float], period: int) -> float:
    """The mean of the last `period` values."""
    return sum(values[-period:]) / period


def sma_before(values: Sequence[float], period: int) -> float:
    """The mean of the `period` values before the last one (the SMA one candle earlier)."""
    return sum(values[-period - 1 : -1]) / period


def _window(values: Sequence[float], period: int, back: int) -> Sequence[float]:
    end = len(values) - back
    return values[end - period : end]


def _sign(difference: float, scale: float) -> int | None:
    """The sign of `difference` when float rounding cannot have flipped it, else None."""
    if abs(difference) > _CLEAR * scale:
        return 1 if difference > 0 else -1
    return None


def _exact(value: float) -> Fraction:
    return Fraction(Decimal(repr(value)))


def _exact_sum(values: Sequence[float]) -> Fraction:
    return sum((_exact(value) for value in values), Fraction(0))


def compare_sma(values: Sequence[float], fast: int, slow: int, *, back: int = 0) -> int:
    """The sign of SMA(fast) - SMA(slow), exactly, ending `back` values before the last."""
    fast_values, slow_values = _window(values, fast, back), _window(values, slow, back)
    fast_mean, slow_mean = sum(fast_values) / fast, sum(slow_values) / slow
    sign = _sign(fast_mean - slow_mean, abs(fast_mean) + abs(slow_mean))
    if sign is not None:
        return sign
    difference = _exact_sum(fast_values) * slow - _exact_sum(slow_values) * fast
    return (difference > 0) - (difference < 0)


def compare_to_sma(value: float, values: Sequence[float], period: int) -> int:
    """The sign of `value` - SMA(period) of the last `period` values, exactly."""
    window = _window(values, period, 0)
    mean = sum(window) / period
    sign = _sign(value - mean, abs(value) + abs(mean))
    if sign is not None:
        return sign
    difference = _exact(value) * period - _exact_sum(window)
    return (difference > 0) - (difference < 0)
