from __future__ import annotations

import itertools

import pytest

from bot.domain.timeframes import Timeframe
from bot.errors import UsageError
from bot.features.market_data.sources.sample import SampleSource
from bot.strategies.indicators import sma

HOUR = Timeframe("1h", 3600)


def test_candle_k_is_the_same_whoever_asks_and_whenever() -> None:
    a = SampleSource("BTC-USD").fetch("BTC-USD", HOUR, until=1_800_000_000, limit=50)
    b = SampleSource("BTC-USD").range(
        HOUR, first=1_800_000_000 // 3600 - 9, last=1_800_000_000 // 3600
    )

    assert a.slice(40, 50) == b
    assert all(h >= max(o, c) and lo <= min(o, c) for o, h, lo, c in
               zip(a.opens, a.highs, a.lows, a.closes, strict=True))  # fmt: skip
    assert all(a.opens[i + 1] == a.closes[i] for i in range(49))


def test_the_sample_market_trends_and_swings() -> None:
    series = SampleSource("ETH-USD").range(HOUR, first=0, last=3000)
    closes = list(series.closes)
    above = [closes[i] > sma(closes[: i + 1], 100) for i in range(100, len(closes))]
    flips = sum(1 for x, y in itertools.pairwise(above) if x != y)

    assert max(closes) / min(closes) > 1.3
    assert flips > 10


def test_an_unknown_sample_symbol_is_a_usage_error() -> None:
    with pytest.raises(UsageError) as caught:
        SampleSource("DOGE-USD")
    assert caught.value.code == "unknown-symbol"
