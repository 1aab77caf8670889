from __future__ import annotations

from bot.domain.candles import Candle, CandleSeries
from bot.domain.timeframes import Timeframe
from bot.features.market_data.service import MarketDataService

HOUR = Timeframe("1h", 3600)


class LiveLikeSource:
    """Like an exchange: always returns the newest candles, the forming one included."""

    def __init__(self, count: int) -> None:
        self.series = CandleSeries.from_candles(
            [Candle(i * 3600, 1, 2, 0.5, 1.5, 1) for i in range(count)]
        )

    def fetch(self, symbol: str, timeframe: Timeframe, *, until: int, limit: int) -> CandleSeries:
        return self.series.slice(len(self.series) - limit - 1, len(self.series))


def test_the_forming_candle_is_dropped_and_the_window_keeps_its_size() -> None:
    service = MarketDataService(LiveLikeSource(10))
    window = service.closed_candles("BTC-USD", HOUR, now=9 * 3600 + 1800, limit=4)

    assert list(window.timestamps) == [4 * 3600, 5 * 3600, 6 * 3600, 7 * 3600, 8 * 3600][-4:]
    assert 9 * 3600 not in window.timestamps
