"""Market data: where candles come from."""
