__all__ = ["MARKETS"]

MARKETS = ("BTC-USD", "ETH-USD")
