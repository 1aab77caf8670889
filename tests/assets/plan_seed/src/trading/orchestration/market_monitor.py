"""Heartbeat of the market data."""

from trading.features.market_data import PRICES


class MarketMonitor:
    def known(self, symbol: str) -> bool:
        return symbol in PRICES
