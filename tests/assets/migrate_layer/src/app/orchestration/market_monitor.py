"""Heartbeat of the market data."""

from app.features.market_data import latest_price


class MarketMonitor:
    def __init__(self) -> None:
        self.beats = 0

    def beat(self, symbol: str) -> float:
        self.beats += 1
        return latest_price(symbol)
