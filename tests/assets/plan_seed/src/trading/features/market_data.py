"""Prices by symbol."""

PRICES = {"BTC-USD": 50_000.0, "ETH-USD": 3_000.0}


def latest_price(symbol: str) -> float:
    return PRICES.get(symbol, 0.0)
