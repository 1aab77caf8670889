from __future__ import annotations

from decimal import Decimal
from unittest import mock

from bot_v2.features.market_data.sample import SampleCandles
from bot_v2.orchestration.market_data_service import MarketDataService


def test_only_new_candles_are_fetched() -> None:
    marks: list[tuple[str, Decimal]] = []
    service = MarketDataService(interval=300, history=30, on_mark=lambda s, p: marks.append((s, p)))
    first = service.refresh("SOL-PERP", now=300 * 100)
    second = service.refresh("SOL-PERP", now=300 * 101)
    assert (len(first), len(second)) == (30, 1)
    assert len(service.window("SOL-PERP")) == 30
    assert marks[-1] == ("SOL-PERP", service.mark("SOL-PERP"))
    assert service.true_range("SOL-PERP") is not None


def test_a_gap_restarts_the_window() -> None:
    service = MarketDataService(interval=60, history=10)
    service.refresh("BTC-PERP", now=60 * 100)
    again = service.refresh("BTC-PERP", now=60 * 200)
    assert len(again) == 10
    assert service.last_candle_ts("BTC-PERP") == 60 * 199


def test_the_source_is_asked() -> None:
    with mock.patch(
        "bot_v2.orchestration.market_data_service.SampleCandles.candles", return_value=[]
    ) as candles:
        service = MarketDataService(interval=60)
        assert service.refresh("BTC-PERP", now=6000) == []
    candles.assert_called_once_with("BTC-PERP", interval=60, until=6000, limit=60)
    assert len(SampleCandles().candles("BTC-PERP", interval=60, until=6000, limit=3)) == 3
