"""Mark windows over the market data."""

from trading.features.market_data import latest_price


class MarketDataService:
    def __init__(self) -> None:
        self.marks: dict[str, list[float]] = {}

    def update(self, symbol: str) -> float:
        price = latest_price(symbol)
        self.marks.setdefault(symbol, []).append(price)
        return price
