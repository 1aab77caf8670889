"""Sample candles: a small deterministic market, the same for everyone who computes it.

The close of candle `k` is a sum of two sine waves and a hashed random walk step, so the bot
sees trends and reversals without a network; `k` is the candle's open time over the interval.
"""

from __future__ import annotations

import math
import zlib
from decimal import Decimal

from bot_v2.domain.market import Candle

__all__ = ["SAMPLE_PRICES", "SampleCandles"]

SAMPLE_PRICES = {"BTC": 60000.0, "ETH": 3000.0, "SOL": 150.0, "XRP": 0.6, "DOGE": 0.15}
_CENT = Decimal("0.0001")
_MASK = (1 << 32) - 1


def _noise(seed: int, index: int) -> float:
    """A number in [-1, 1) that depends only on `seed` and `index` (an integer hash)."""
    x = (index * 2654435761 + seed) & _MASK
    x = ((x ^ (x >> 16)) * 0x45D9F3B) & _MASK
    x = ((x ^ (x >> 16)) * 0x45D9F3B) & _MASK
    return ((x ^ (x >> 16)) / 2147483648.0) - 1.0


class SampleCandles:
    """Candles of the sample bases (`BTC`, `ETH`, ...) against any quote, spot or perpetual."""

    def _log_price(self, seed: int, k: int) -> float:
        waves = 0.08 * math.sin(k / 40.0 + seed % 7) + 0.03 * math.sin(k / 9.0 + seed % 3)
        return waves + 0.004 * _noise(seed, k)

    def candles(self, symbol: str, *, interval: int, until: int, limit: int) -> list[Candle]:
        base = symbol.partition("-")[0]
        if base not in SAMPLE_PRICES:
            raise KeyError(f"no sample market for {symbol!r}")
        seed = zlib.crc32(base.encode())
        start = SAMPLE_PRICES[base]
        last = until // interval - 1
        out: list[Candle] = []
        for k in range(max(last - limit + 1, 0), last + 1):
            o = start * math.exp(self._log_price(seed, k - 1))
            c = start * math.exp(self._log_price(seed, k))
            wick = 1 + 0.002 * abs(_noise(seed ^ 0xA5, k))
            out.append(
                Candle(
                    ts=k * interval,
                    open=Decimal(o).quantize(_CENT),
                    high=Decimal(max(o, c) * wick).quantize(_CENT),
                    low=Decimal(min(o, c) / wick).quantize(_CENT),
                    close=Decimal(c).quantize(_CENT),
                    volume=Decimal(100 + 50 * (1 + _noise(seed ^ 0x3C, k))).quantize(_CENT),
                )
            )
        return out
