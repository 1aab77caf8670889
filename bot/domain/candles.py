"""Candles and columnar candle series.

A `CandleSeries` keeps its candles as columns (timestamps, opens, highs, ...) so that a window
of the last N candles is a handful of list slices: a backtest replays 100,000 candles through
the same code as a dry-run without copying objects.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from typing import NamedTuple

__all__ = ["Candle", "CandleSeries"]


class Candle(NamedTuple):
    """One OHLCV candle; `ts` is its open time in epoch seconds (UTC).

    A named tuple rather than a frozen dataclass: every cycle builds some, and a tuple is
    several times cheaper to build.
    """

    ts: int
    open: float
    high: float
    low: float
    close: float
    volume: float


@dataclass(frozen=True, slots=True)
class CandleSeries:
    """Candles of one symbol and timeframe in ascending time order, stored as columns."""

    timestamps: Sequence[int]
    opens: Sequence[float]
    highs: Sequence[float]
    lows: Sequence[float]
    closes: Sequence[float]
    volumes: Sequence[float]

    @classmethod
    def from_candles(cls, candles: Sequence[Candle]) -> CandleSeries:
        """Columns built from candle objects (already sorted by the caller)."""
        return cls(
            timestamps=[c.ts for c in candles],
            opens=[c.open for c in candles],
            highs=[c.high for c in candles],
            lows=[c.low for c in candles],
            closes=[c.close for c in candles],
            volumes=[c.volume for c in candles],
        )

    @classmethod
    def empty(cls) -> CandleSeries:
        return cls([], [], [], [], [], [])

    def __len__(self) -> int:
        return len(self.timestamps)

    def candle(self, index: int) -> Candle:
        """The candle at `index` (negative indexes count from the end)."""
        return Candle(
            self.timestamps[index],
            self.opens[index],
            self.highs[index],
            self.lows[index],
            self.closes[index],
            self.volumes[index],
        )

    def slice(self, start: int, stop: int) -> CandleSeries:
        """Candles `start:stop`, as a new series sharing nothing mutable with this one."""
        return CandleSeries(
            self.timestamps[start:stop],
            self.opens[start:stop],
            self.highs[start:stop],
            self.lows[start:stop],
            self.closes[start:stop],
            self.volumes[start:stop],
        )

    def opened_until(self, ts: int) -> int:
        """How many candles opened at or before `ts` (an index for `slice`)."""
        return bisect_right(self.timestamps, ts)

    def since(self, ts: int | None) -> list[Candle]:
        """Candles that opened strictly after `ts` (all candles when `ts` is None)."""
        stamps = self.timestamps
        start = 0 if ts is None else bisect_right(stamps, ts)
        o, h, lo, c, v = self.opens, self.highs, self.lows, self.closes, self.volumes
        return [Candle(stamps[i], o[i], h[i], lo[i], c[i], v[i]) for i in range(start, len(stamps))]
