"""A deterministic market: candles computed from their index, shipped with the bot.

The log price is a sum of slow cycles (three months, three weeks, five days), smooth noise at
five scales from six hours to two months (amplitudes growing like a random walk's), and hashed
per-candle noise, so the series has trends, swings and retracements that do not repeat. Every
term is a function of the candle's index: candle `k` is the same whoever computes it and
whenever, so a dry-run and a backtest see the same market.
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
# Cycles: (period in hours, amplitude of the log price).
_WAVES = ((2160.0, 0.12), (504.0, 0.05), (120.0, 0.025))
# Smooth noise, one octave per scale: (scale in hours, amplitude); amplitudes grow like the
# square root of the scale, as a random walk's do, so trends do not repeat.
_OCTAVES = ((96.0, 0.03), (384.0, 0.06), (1536.0, 0.1))
# Below those scales the price is a random walk (a Brownian bridge over blocks of `_BLOCK`
# candles, so any candle is computed from its own block only) with `_STEP` per candle.
_BLOCK = 256
_STEP = 0.005
_NOISE = 0.001
_MASK = (1 << 64) - 1


def _hash(seed: int, index: int) -> int:
    """64 random-looking bits that depend only on `seed` and `index` (splitmix64)."""
    x = (index * 0x9E3779B97F4A7C15 + seed) & _MASK
    x = ((x ^ (x >> 30)) * 0xBF58476D1CE4E5B9) & _MASK
    x = ((x ^ (x >> 27)) * 0x94D049BB133111EB) & _MASK
    return x ^ (x >> 31)


def _unit(seed: int, index: int) -> float:
    """A uniform number in [0, 1) that depends only on `seed` and `index`."""
    return _hash(seed, index) / 18446744073709551616.0


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

    def _log_prices(self, first: int, last: int, hours: float) -> list[float]:
        """Log prices of candles `first..last` (each `hours` long), relative to the base."""
        seed = self._seed
        waves = [(2 * math.pi * hours / period, amp, phase)
                 for (period, amp), phase in zip(_WAVES, self._phases, strict=True)]  # fmt: skip
        octaves = [(hours / scale, amp, seed + 7919 * (n + 1), [0, 0.0, 0.0])
                   for n, (scale, amp) in enumerate(_OCTAVES)]  # fmt: skip
        out = self._walk(first, last)
        for n, k in enumerate(range(first, last + 1)):
            total = out[n] + _NOISE * (2 * _unit(seed, k) - 1)
            for step, amp, phase in waves:
                total += amp * math.sin(step * k + phase)
            for rate, amp, octave_seed, knot in octaves:
                x = k * rate
                i = math.floor(x)
                if knot[0] != i or not knot[2]:
                    knot[0], knot[1], knot[2] = i, _unit(octave_seed, i), _unit(octave_seed, i + 1)
                f = x - i
                f = f * f * (3 - 2 * f)
                total += amp * (2 * (knot[1] + (knot[2] - knot[1]) * f) - 1)
            out[n] = total
        return out

    def _walk(self, first: int, last: int) -> list[float]:
        """The random-walk part of candles `first..last`: zero at every block boundary."""
        seed, width = self._seed ^ 0x77, _STEP * math.sqrt(12)
        values: list[float] = []
        for block in range(first // _BLOCK, last // _BLOCK + 1):
            start = block * _BLOCK
            walk, level = [], 0.0
            for j in range(start, start + _BLOCK):
                level += width * (_unit(seed, j) - 0.5)
                walk.append(level)
            lo, hi = max(first, start) - start, min(last, start + _BLOCK - 1) - start
            values.extend(walk[i] - (i + 1) / _BLOCK * level for i in range(lo, hi + 1))
        return values

    def fetch(self, symbol: str, timeframe: Timeframe, *, until: int, limit: int) -> CandleSeries:
        """The `limit` candles up to the one open at `until` (which may be unfinished)."""
        last = until // timeframe.seconds
        return self.range(timeframe, first=last - limit + 1, last=last)

    def range(self, timeframe: Timeframe, *, first: int, last: int) -> CandleSeries:
        """Candles with indexes `first..last`; candle `k` opens at `k x timeframe` seconds."""
        seed = self._seed
        base = self._base_price
        logs = self._log_prices(first - 1, last, timeframe.seconds / 3600)
        closes = [round(base * math.exp(x), 8) for x in logs]
        ts, opens, highs, lows, vols = [], [], [], [], []
        for offset, k in enumerate(range(first, last + 1)):
            o, c = closes[offset], closes[offset + 1]
            # one hash, three 21-bit draws: the wicks and the volume
            bits = _hash(seed ^ 0x5A5A, k)
            ts.append(k * timeframe.seconds)
            opens.append(o)
            highs.append(round(max(o, c) * (1 + 0.003 * (bits & 0x1FFFFF) / 2097152), 8))
            lows.append(round(min(o, c) * (1 - 0.003 * ((bits >> 21) & 0x1FFFFF) / 2097152), 8))
            vols.append(round(100 + 900 * ((bits >> 42) & 0x1FFFFF) / 2097152, 4))
        return CandleSeries(ts, opens, highs, lows, closes[1:], vols)
