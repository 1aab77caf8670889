"""Clocks: the system clock, a fixed moment (`--now`), and a backtest's simulated clock."""

from __future__ import annotations

import time

__all__ = ["FixedClock", "SimulatedClock", "SystemClock"]


class SystemClock:
    def now(self) -> int:
        return int(time.time())


class FixedClock:
    def __init__(self, now: int) -> None:
        self._now = now

    def now(self) -> int:
        return self._now


class SimulatedClock:
    """A clock the backtest moves forward candle by candle."""

    def __init__(self, now: int = 0) -> None:
        self._now = now

    def set(self, now: int) -> None:
        self._now = now

    def now(self) -> int:
        return self._now
