"""Candles: one OHLCV bar of a symbol, prices as Decimal."""

from __future__ import annotations

from decimal import Decimal
from typing import NamedTuple, Protocol

__all__ = ["Candle", "CandleSource"]


class Candle(NamedTuple):
    """One candle; `ts` is its open time in epoch seconds."""

    ts: int
    open: Decimal
    high: Decimal
    low: Decimal
    close: Decimal
    volume: Decimal


class CandleSource(Protocol):
    def candles(self, symbol: str, *, interval: int, until: int, limit: int) -> list[Candle]:
        """Up to `limit` closed candles of `symbol` that opened before `until`, oldest first."""
        ...
