"""The market data service: candles from a source, without the unfinished candle."""

from __future__ import annotations

from typing import Protocol

from bot.domain.candles import CandleSeries
from bot.domain.timeframes import Timeframe
from bot.features.market_data.windows import closed_window

__all__ = ["CandleSource", "MarketDataService"]


class CandleSource(Protocol):
    def fetch(self, symbol: str, timeframe: Timeframe, *, until: int, limit: int) -> CandleSeries:
        """Up to `limit` candles that opened at or before `until`; the last may be unfinished."""
        ...


class MarketDataService:
    """Closed candles of one source: the candle still forming at `now` is dropped."""

    def __init__(self, source: CandleSource) -> None:
        self._source = source

    def closed_candles(
        self, symbol: str, timeframe: Timeframe, *, now: int, limit: int
    ) -> CandleSeries:
        # Ask for candles closed by `now`; a live source may still return the forming one.
        raw = self._source.fetch(symbol, timeframe, until=now - timeframe.seconds, limit=limit)
        return closed_window(raw, timeframe, now=now, limit=limit)
