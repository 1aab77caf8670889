"""A deterministic market: candles computed from their index, shipped with the bot.

The log price is a sum of waves (a three-month trend, three-week and five-day swings, intraday
ripples) plus hashed noise, so the series has trends, swings and retracements, and candle `k`
is the same whoever computes it and whenever: a dry-run and a backtest see the same market.
"""

from __future__ import annotations

import math
import zlib

from bot.domain.candles import CandleSeries
from bot.domain.timeframes import Timeframe
from bot.errors import UsageError

__all__ = ["SAMPLE_BASES", "SAMPLE_QUOTES", "SampleSource"]

SAMPLE_BASES = {"BTC": 60000.0, "ETH": 3000.0, "SOL": 150.0, "BNB": 600.0, "XRP": 0.6}
SAMPLE_QUOTES = ("USD", "USDT", "USDC", "EUR")
# (period in hours, amplitude of the log price)
_WAVES = ((2160.0, 0.22), (504.0, 0.09), (120.0, 0.045), (31.0, 0.012), (9.0, 0.005))
_NOISE = 0.004
_MASK = (1 << 64) - 1


def _unit(seed: int, index: int) -> float:
    """A uniform number in [0, 1) that depends only on `seed` and `index` (splitmix64)."""
    x = (index * 0x9E3779B97F4A7C15 + seed) & _MASK
    x = ((x ^ (x >> 30)) * 0xBF58476D1CE4E5B9) & _MASK
    x = ((x ^ (x >> 27)) * 0x94D049BB133111EB) & _MASK
    return (x ^ (x >> 31)) / 18446744073709551616.0


class SampleSource:
    """Candles of a known sample symbol (`BTC-USD`, `ETH-USDT`, ...) on any timeframe."""

    def __init__(self, symbol: str) -> None:
        base, _, quote = symbol.partition("-")
        if base not in SAMPLE_BASES or quote not in SAMPLE_QUOTES:
            raise UsageError(
                f"The sample market has no symbol {symbol!r}.",
                code="unknown-symbol",
                hint=f"Use BASE-QUOTE with BASE in {', '.join(SAMPLE_BASES)} and QUOTE in "
                f"{', '.join(SAMPLE_QUOTES)}, e.g. BTC-USD.",
            )
        self._symbol = symbol
        self._base_price = SAMPLE_BASES[base]
        self._seed = zlib.crc32(base.encode())
        self._phases = [2 * math.pi * _unit(self._seed, -1 - i) for i in range(len(_WAVES))]

    def _close(self, index: int, hours_per_candle: float) -> float:
        hours = index * hours_per_candle
        log_price = sum(
            amp * math.sin(2 * math.pi * hours / period + phase)
            for (period, amp), phase in zip(_WAVES, self._phases, strict=True)
        )
        log_price += _NOISE * (2 * _unit(self._seed, index) - 1)
        return round(self._base_price * math.exp(log_price), 8)

    def fetch(self, symbol: str, timeframe: Timeframe, *, until: int, limit: int) -> CandleSeries:
        """The `limit` candles up to the one open at `until` (which may be unfinished)."""
        last = until // timeframe.seconds
        return self.range(timeframe, first=last - limit + 1, last=last)

    def range(self, timeframe: Timeframe, *, first: int, last: int) -> CandleSeries:
        """Candles with indexes `first..last`; candle `k` opens at `k x timeframe` seconds."""
        hours = timeframe.seconds / 3600
        seed = self._seed
        closes = [self._close(k, hours) for k in range(first - 1, last + 1)]
        ts, opens, highs, lows, vols = [], [], [], [], []
        for offset, k in enumerate(range(first, last + 1)):
            o, c = closes[offset], closes[offset + 1]
            ts.append(k * timeframe.seconds)
            opens.append(o)
            highs.append(round(max(o, c) * (1 + 0.003 * _unit(seed ^ 0x5A5A, k)), 8))
            lows.append(round(min(o, c) * (1 - 0.003 * _unit(seed ^ 0xA5A5, k)), 8))
            vols.append(round(100 + 900 * _unit(seed ^ 0x3C3C, k), 4))
        return CandleSeries(ts, opens, highs, lows, closes[1:], vols)
