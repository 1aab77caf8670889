"""Replayed history: a fixed series served as if time went by (backtests, tests)."""

from __future__ import annotations

from bot.domain.candles import CandleSeries
from bot.domain.timeframes import Timeframe
from bot.features.market_data.windows import last_window

__all__ = ["HistorySource"]


class HistorySource:
    """Serves the candles of `series` that opened at or before the asked time."""

    def __init__(self, series: CandleSeries) -> None:
        self.series = series

    def fetch(self, symbol: str, timeframe: Timeframe, *, until: int, limit: int) -> CandleSeries:
        return last_window(self.series, until=until, limit=limit)
