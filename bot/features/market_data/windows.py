"""Candle windows: the closed part of a series and its last `limit` candles."""

from __future__ import annotations

from bot.domain.candles import CandleSeries
from bot.domain.timeframes import Timeframe

__all__ = ["closed_window", "last_window"]


def closed_window(
    series: CandleSeries, timeframe: Timeframe, *, now: int, limit: int
) -> CandleSeries:
    """The last `limit` candles of `series` that closed at or before `now`.

    A candle that opened at `ts` closes at `ts + timeframe.seconds`; one closing after `now` is
    still forming and its values would change, so no decision may rest on it.
    """
    stop = series.opened_until(now - timeframe.seconds)
    if stop == len(series) and stop <= limit:
        return series  # already closed and short enough: no copy (backtests run this a lot)
    return series.slice(max(0, stop - limit), stop)


def last_window(series: CandleSeries, *, until: int, limit: int) -> CandleSeries:
    """The last `limit` candles that opened at or before `until`."""
    stop = series.opened_until(until)
    return series.slice(max(0, stop - limit), stop)
