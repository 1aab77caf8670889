"""The market data service: candle windows and marks per symbol, refreshed from a source."""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Sequence
from decimal import Decimal

from bot_v2.domain.market import Candle, CandleSource
from bot_v2.features.market_data.sample import SampleCandles

__all__ = ["MarketDataService"]


class MarketDataService:
    """Keeps the last `history` closed candles of each symbol, with its mark (the last close).

    A refresh asks the source only for candles newer than the window's last one, so a bot
    running every interval fetches one candle per symbol per cycle.
    """

    def __init__(
        self,
        source: CandleSource | None = None,
        *,
        interval: int,
        history: int = 60,
        on_mark: Callable[[str, Decimal], object] | None = None,
    ) -> None:
        self._source: CandleSource = source or SampleCandles()
        self.interval = interval
        self.history = history
        self._on_mark = on_mark
        self._windows: dict[str, deque[Candle]] = {}

    def refresh(self, symbol: str, *, now: int) -> list[Candle]:
        """The candles new since the last refresh; the mark moves to the newest close."""
        window = self._windows.setdefault(symbol, deque(maxlen=self.history))
        fetched = self._source.candles(
            symbol, interval=self.interval, until=now, limit=self.history
        )
        newest = window[-1].ts if window else None
        new = [c for c in fetched if newest is None or c.ts > newest]
        if new and window and new[0].ts - window[-1].ts > self.interval:
            window.clear()  # a gap: the old candles no longer lead up to the new ones
            new = fetched
        window.extend(new)
        if new and self._on_mark is not None:
            self._on_mark(symbol, new[-1].close)
        return new

    def window(self, symbol: str) -> Sequence[Candle]:
        return tuple(self._windows.get(symbol, ()))

    def closes(self, symbol: str) -> list[Decimal]:
        return [c.close for c in self._windows.get(symbol, ())]

    def mark(self, symbol: str) -> Decimal | None:
        window = self._windows.get(symbol)
        return window[-1].close if window else None

    def marks(self) -> dict[str, Decimal]:
        return {s: w[-1].close for s, w in sorted(self._windows.items()) if w}

    def last_candle_ts(self, symbol: str) -> int | None:
        window = self._windows.get(symbol)
        return window[-1].ts if window else None

    def true_range(self, symbol: str, *, periods: int = 14) -> Decimal | None:
        """The average true range over the last `periods` candles; None without enough data."""
        candles = list(self._windows.get(symbol, ()))
        if len(candles) <= periods:
            return None
        ranges = []
        for before, candle in zip(candles[-periods - 1 : -1], candles[-periods:], strict=True):
            ranges.append(
                max(
                    candle.high - candle.low,
                    abs(candle.high - before.close),
                    abs(candle.low - before.close),
                )
            )
        return sum(ranges, Decimal(0)) / periods

    def reset(self, symbol: str | None = None) -> None:
        if symbol is None:
            self._windows.clear()
        else:
            self._windows.pop(symbol, None)
