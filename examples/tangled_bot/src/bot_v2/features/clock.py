"""Clocks: the dry-run's clock steps one interval per cycle, so every run sees the same times."""

from __future__ import annotations

__all__ = ["SteppingClock"]


class SteppingClock:
    def __init__(self, start: int, step: int) -> None:
        self._now = start
        self.step = step

    def now(self) -> int:
        return self._now

    def advance(self) -> int:
        self._now += self.step
        return self._now
